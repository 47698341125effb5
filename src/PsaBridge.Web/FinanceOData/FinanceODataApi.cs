using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PsaBridge.Finance;
using PsaBridge.Finance.NumberSequences;
using PsaBridge.Integration.Dynamics;
using PsaBridge.Web.Dynamics;
using PsaBridge.Web.Security;
using PsaBridge.Web.Infrastructure.Auditing;

namespace PsaBridge.Web.FinanceOData;

/// <summary>
/// The finance side speaking Finance and Operations' OData (<c>/data/</c>): CustomersV3, the address entities, PaymentTerms,
/// CustomerGroups and Currencies; reads with F&amp;O's query options, <c>cross-company</c> and <c>dataAreaId</c>, keyed reads,
/// creates and updates answered as F&amp;O answers them (201 with the entity, 204, the AxODataWriteException body), a
/// multipart <c>$batch</c> with change sets, and 429 with <c>Retry-After</c> under its service protection.
/// </summary>
public static partial class FinanceODataApi
{
    public const string Root = "/data";
    public const string ProtectionKey = "finance-and-operations";

    public static RouteGroupBuilder MapFinanceODataApi(this IEndpointRouteBuilder app)
    {
        // A service endpoint: the caller is a connector with a bearer token, acting for integration.
        var api = app.MapGroup(Root).WithTags("F&O-compatible OData").RequireAuthorization(Policies.OperateIntegration).Audited()
            .AddEndpointFilter(new ServiceProtectionFilter(app.ServiceProvider.GetRequiredKeyedService<ServiceProtection>(ProtectionKey)));
        api.MapPost("/$batch", Batch).WithName("FinanceODataBatch").WithSummary("Runs a multipart batch of reads and change sets")
            .Accepts<string>("multipart/mixed").Produces<string>(StatusCodes.Status200OK, "multipart/mixed");
        api.MapGet("/{*path}", Get).WithName("FinanceODataRead").WithSummary("Reads an entity set, a count or one entity by its keys")
            ;
        api.MapPost("/{set}", Post).WithName("FinanceODataCreate").WithSummary("Creates a customer or a postal code")
            .Accepts<JsonElement>("application/json").Produces<JsonElement>(StatusCodes.Status201Created, "application/json");
        api.MapMethods("/{*path}", ["PATCH", "PUT"], Patch).WithName("FinanceODataUpdate").WithSummary("Updates a customer's fields sent")
            .Accepts<JsonElement>("application/json");
        return api;
    }

    public static async Task<Results<ODataJson, ContentHttpResult, ODataError>> Get(HttpRequest request, string? path, FinanceDb db, IOptions<FinanceServeOptions> options, CancellationToken ct)
    {
        var o = options.Value;
        var baseUrl = $"{request.Scheme}://{request.Host}{request.PathBase}{Root}/";
        if (string.IsNullOrEmpty(path))
            return new ODataJson(200, w =>
            {
                w.WriteStartObject();
                w.WriteString("@odata.context", baseUrl + "$metadata");
                w.WriteStartArray("value");
                foreach (var name in FinanceSets.For(o.DataAreaId).Keys)
                {
                    w.WriteStartObject();
                    w.WriteString("name", name);
                    w.WriteString("kind", "EntitySet");
                    w.WriteString("url", name);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            });
        var target = Target.Parse(path);
        if (target is null || !FinanceSets.For(o.DataAreaId).TryGetValue(target.Set, out var set))
            return ODataAnswers.Error(404, "", $"No HTTP resource was found that matches the request URI '{baseUrl}{path}'.");
        var q = request.Query;
        try
        {
            if (target.Count) return TypedResults.Text((await set.CountAsync(db, q["$filter"], ct)).ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (target.Keys is { } keys)
            {
                var filter = KeyFilter(set, keys);
                if (filter is null) return ODataAnswers.Error(400, "", "All fields in the entity key must be provided to make a successful OData call.");
                var one = (JsonElement?)null;
                var page = await set.ReadAsync(db, new SetRead(filter, q["$select"], null, 1, null, false, true, ByKey: true), baseUrl, 1, ct);
                one = await Rows(page);
                return one is { } row ? new ODataJson(200, w => row.WriteTo(w)) : ODataAnswers.Error(404, "", $"Resource not found for the segment '{target.Set}'.");
            }
            var read = new SetRead(q["$filter"], q["$select"], q["$orderby"], Int(q["$top"]), Int(q["$skip"]), q["$count"] == "true",
                string.Equals(q["cross-company"], "true", StringComparison.OrdinalIgnoreCase));
            return await set.ReadAsync(db, read, baseUrl, o.MaxPageSize, ct);
        }
        catch (FilterException e)
        {
            return ODataAnswers.Error(400, "", $"The query specified in the URI is not valid. {e.Message}");
        }
    }

    public static async Task<Results<ODataJson, NoContent, ODataError>> Post(string set, HttpRequest request, FinanceDb db, NumberSequenceAllocator numbers, IOptions<FinanceServeOptions> options, CancellationToken ct)
    {
        var body = await BodyAsync(request, ct);
        if (body is null) return ODataAnswers.Error(400, "", "The request body is not valid JSON.");
        var answer = await WriteAsync(new FinanceWrites(db, numbers, options.Value), "POST", set, body.Value, options.Value.DataAreaId, ct);
        return answer.Result();
    }

    public static async Task<Results<ODataJson, NoContent, ODataError>> Patch(string path, HttpRequest request, FinanceDb db, NumberSequenceAllocator numbers, IOptions<FinanceServeOptions> options, CancellationToken ct)
    {
        var body = await BodyAsync(request, ct);
        if (body is null) return ODataAnswers.Error(400, "", "The request body is not valid JSON.");
        var answer = await WriteAsync(new FinanceWrites(db, numbers, options.Value), "PATCH", path, body.Value, options.Value.DataAreaId, ct);
        return answer.Result();
    }

    /// <summary>
    /// Runs a write and saves it. Only customers and postal codes are written (the other entities are setup, read here). The
    /// caller's transaction, if any, decides whether it stays.
    /// </summary>
    internal static async Task<Answer> WriteAsync(FinanceWrites writes, string method, string path, JsonElement body, string company, CancellationToken ct)
    {
        var target = Target.Parse(path);
        if (target is { Set: CustomerMap.EntitySet } && FinanceWrites.UnknownProperty(body) is { } unknown)
            // The OData library's message for a property the type does not define (the status F&O gives it is chosen: 400).
            return new Answer(400, null, $"The property '{unknown}' does not exist on type 'Microsoft.Dynamics.DataEntities.CustomerV3'. " +
                                         "Make sure to only use property names that are defined by the type or mark the type as open type.");
        if (method == "POST" && target is { Set: CustomerMap.EntitySet, Keys: null })
        {
            var (customer, refused) = await writes.CreateCustomerAsync(body, ct);
            if (refused is not null) return Answer.Refused(refused);
            await writes.SaveAsync(ct);
            return new Answer(201, w => FinanceSets.Customers(company).Write(w, customer!));
        }
        if (method == "POST" && target is { Set: FinanceSets.PostalCodes, Keys: null })
        {
            var (zip, refused) = await writes.CreatePostalCodeAsync(body, ct);
            if (refused is not null) return Answer.Refused(refused);
            await writes.SaveAsync(ct);
            return new Answer(201, w => ((EntitySet<PsaBridge.Finance.AddressSetup.ZipCode>)FinanceSets.For(company)[FinanceSets.PostalCodes]).Write(w, zip!));
        }
        if (method is "PATCH" or "PUT" && target is { Set: CustomerMap.EntitySet, Keys: { } keys } && keys.TryGetValue(CustomerMap.CustomerAccount, out var account)
            && keys.TryGetValue(CustomerMap.DataAreaId, out var area))
        {
            if (!string.Equals(area, company, StringComparison.OrdinalIgnoreCase)) return new Answer(404, null, $"Resource not found for the segment '{path}'.");
            var (customer, refused) = await writes.UpdateCustomerAsync(account, body, ct);
            if (refused is not null) return Answer.Refused(refused);
            if (customer is null) return new Answer(404, null, $"Resource not found for the segment '{path}'.");
            await writes.SaveAsync(ct);
            return new Answer(204, null);
        }
        return new Answer(405, null, $"The HTTP verb {method} is not served for '{path}'.");
    }

    private static string? KeyFilter(IEntitySet set, Dictionary<string, string> keys)
    {
        if (set.Keys.Any(k => !keys.ContainsKey(k))) return null;
        return string.Join(" and ", keys.Select(k => $"{k.Key} eq '{k.Value.Replace("'", "''")}'"));
    }

    private static async Task<JsonElement?> Rows(ODataJson page)
    {
        var buffer = new ArrayBufferWriter<byte>();
        await using (var w = new Utf8JsonWriter(buffer)) page.WriteTo(w);
        var rows = JsonDocument.Parse(buffer.WrittenMemory).RootElement.GetProperty("value");
        return rows.GetArrayLength() == 0 ? null : rows[0].Clone();
    }

    private static async Task<JsonElement?> BodyAsync(HttpRequest request, CancellationToken ct)
    {
        try
        {
            using var doc = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
            return doc.RootElement.ValueKind == JsonValueKind.Object ? doc.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static int? Int(string? text) => int.TryParse(text, out var n) && n >= 0 ? n : null;

    /// <summary>A resource path: an entity set, its <c>/$count</c>, or one entity by its keys (<c>Set(k='v',…)</c>).</summary>
    internal sealed record Target(string Set, Dictionary<string, string>? Keys, bool Count)
    {
        public static Target? Parse(string path)
        {
            path = path.Trim('/');
            if (path.EndsWith("/$count", StringComparison.Ordinal)) return new Target(path[..^"/$count".Length], null, true);
            var open = path.IndexOf('(');
            if (open < 0) return path.Contains('/') ? null : new Target(path, null, false);
            if (!path.EndsWith(')')) return null;
            var keys = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (Match m in KeyPattern().Matches(path[(open + 1)..^1])) keys[m.Groups["name"].Value] = m.Groups["value"].Value.Replace("''", "'");
            return new Target(path[..open], keys, false);
        }
    }

    [GeneratedRegex("(?<name>[A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*'(?<value>(?:[^']|'')*)'")]
    private static partial Regex KeyPattern();

    /// <summary>A write's answer, for a request of its own or a part of a batch.</summary>
    internal sealed record Answer(int Status, Action<Utf8JsonWriter>? Body, string? Error = null, WriteRefused? Refusal = null)
    {
        public static Answer Refused(WriteRefused r) => new(r.Status, null, null, r);

        public Results<ODataJson, NoContent, ODataError> Result() => Refusal is { } r ? AxError(r) : Error is not null ? ODataAnswers.Error(Status, "", Error)
            : Body is null ? TypedResults.NoContent() : new ODataJson(Status, Body);

        public string Json()
        {
            ODataPayload? result = Refusal is { } r ? AxError(r) : Error is not null ? ODataAnswers.Error(Status, "", Error) : Body is null ? null : new ODataJson(Status, Body);
            return result?.Text() ?? "";
        }
    }

    /// <summary>F&amp;O's answer to a refused write: "An error has occurred." with the infolog in <c>innererror</c>.</summary>
    public static ODataError AxError(WriteRefused r) => ODataAnswers.Error(r.Status, "", "An error has occurred.", inner: w =>
    {
        w.WriteStartObject("innererror");
        w.WriteString("message", r.Message);
        w.WriteString("type", "Microsoft.Dynamics.Platform.Integration.Services.OData.AxODataWriteException");
        w.WriteString("stacktrace", "");
        w.WriteEndObject();
    });
}
