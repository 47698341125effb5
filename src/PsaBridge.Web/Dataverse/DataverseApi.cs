using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PsaBridge.Integration.Dynamics;
using PsaBridge.Psa;
using PsaBridge.Psa.Accounts;
using PsaBridge.Web.Dynamics;
using PsaBridge.Web.Security;
using PsaBridge.Web.Infrastructure.Auditing;

namespace PsaBridge.Web.Dataverse;

/// <summary>Settings of the Dataverse-compatible endpoint (<c>PsaBridge:Dataverse:Serve</c>).</summary>
public sealed class DataverseServeOptions
{
    public const string Section = "PsaBridge:Dataverse:Serve";

    /// <summary>
    /// Days a change-tracking token stays valid, as the organization's <c>ExpireChangeTrackingInDays</c> (Microsoft's current
    /// page says 7 by default).
    /// </summary>
    public int ExpireChangeTrackingInDays { get; set; } = 7;
    public ServiceProtectionOptions Limits { get; set; } = new();
}

/// <summary>
/// The PSA side speaking Dataverse's Web API (v9.2) for the accounts the customer sync reads: <c>accounts</c> with
/// <c>$select</c>, paging by <c>Prefer: odata.maxpagesize</c> and <c>@odata.nextLink</c>, change tracking by
/// <c>Prefer: odata.track-changes</c> and <c>@odata.deltaLink</c>, formatted values on request, the currencies accounts
/// point to, <c>WhoAmI</c>, and Dataverse's service protection (429 with <c>Retry-After</c>). Pages follow version order,
/// so a delta token is the last version a client has seen.
/// </summary>
public static class DataverseApi
{
    public const string Root = "/api/data/v9.2";
    public const string ProtectionKey = "dataverse";

    public static RouteGroupBuilder MapDataverseApi(this IEndpointRouteBuilder app)
    {
        // A service endpoint: the caller is a connector with a bearer token, acting for integration.
        var api = app.MapGroup(Root).WithTags("Dataverse-compatible Web API").RequireAuthorization(Policies.OperateIntegration).Audited()
            .AddEndpointFilter(new ServiceProtectionFilter(app.ServiceProvider.GetRequiredKeyedService<ServiceProtection>(ProtectionKey)));
        api.MapGet("/accounts", GetAccounts).WithName("DataverseAccounts")
            .WithSummary("Accounts as Dataverse serves them: $select, paging, change tracking");
        api.MapGet("/transactioncurrencies", GetCurrencies).WithName("DataverseCurrencies")
            .WithSummary("The currencies accounts point to, with their ISO codes").Produces(StatusCodes.Status429TooManyRequests);
        api.MapGet("/WhoAmI", WhoAmI).WithName("DataverseWhoAmI")
            .WithSummary("The caller, as Dataverse's WhoAmI function answers").Produces(StatusCodes.Status429TooManyRequests);
        return api;
    }

    public static async Task<Results<ODataJson, ODataError>> GetAccounts(HttpRequest request, IDbContextFactory<PsaDb> contexts, TimeProvider clock,
        Microsoft.Extensions.Options.IOptions<DataverseServeOptions> options, CancellationToken ct)
    {
        var (query, error) = AccountsQuery.Parse(request.Query, request.Headers["Prefer"].OfType<string>());
        if (query is null) return ODataAnswers.Error(StatusCodes.Status400BadRequest, "0x80060888", error!.Value.Message, error.Value.Target);
        var now = clock.GetUtcNow().UtcDateTime;
        if (query.Delta is { } token && token.IssuedAt < now.AddDays(-options.Value.ExpireChangeTrackingInDays))
            // The message is the one reported from Dataverse; the status and code are chosen (not sourced).
            return ODataAnswers.Error(StatusCodes.Status400BadRequest, "0x80044352",
                "Version stamp associated with the client has expired. Please perform a full sync.", "$deltatoken");

        await using var db = await contexts.CreateDbContextAsync(ct);
        var accounts = db.Accounts.AsNoTracking();
        var baseUrl = $"{request.Scheme}://{request.Host}{request.PathBase}{Root}/";
        var selectText = string.Join(',', query.Select);
        List<Account> rows;
        string? nextLink = null, deltaLink = null;
        long? count = null;
        if (query.Ids is { } ids)
            rows = await accounts.Where(a => ids.Contains(a.Id)).OrderBy(a => a.VersionNumber).ToListAsync(ct);
        else
        {
            // The first page fixes the version a tracked read goes up to: a change made while it pages comes in the next delta.
            var cursor = query.Cursor ?? new AccountsCursor(query.Delta?.Version ?? query.AfterVersion ?? 0,
                query.TrackChanges ? await accounts.MaxAsync(a => (long?)a.VersionNumber, ct) ?? 0 : null, 1, query.TrackChanges);
            var size = query.Top ?? query.PageSize;
            var upTo = cursor.UpTo ?? long.MaxValue;
            if (query.Count)
                count = await accounts.Where(a => a.VersionNumber > cursor.After && a.VersionNumber <= upTo).Take(AccountsQuery.MaxCount).CountAsync(ct);
            rows = await accounts.Where(a => a.VersionNumber > cursor.After && a.VersionNumber <= upTo).OrderBy(a => a.VersionNumber)
                .Take(size + 1).ToListAsync(ct);
            var more = rows.Count > size;
            if (more) rows.RemoveAt(size);
            if (more && query.Top is null)
            {
                var next = cursor with { After = rows[^1].VersionNumber, PageNumber = cursor.PageNumber + 1 };
                nextLink = $"{baseUrl}accounts?$select={selectText}&$skiptoken={Uri.EscapeDataString(AccountsQuery.Cookie(next))}";
            }
            else if (cursor.Tracking)
            {
                var seen = Math.Max(cursor.UpTo ?? 0, cursor.After);
                deltaLink = $"{baseUrl}accounts?$select={selectText}&$deltatoken={Uri.EscapeDataString(new DeltaToken(seen, now).ToString())}";
            }
        }

        var headers = new List<KeyValuePair<string, string>>();
        if (query.MaxPageSize is { } max) headers.Add(new("Preference-Applied", $"odata.maxpagesize={max}"));
        if (query.TrackChanges) headers.Add(new("Preference-Applied", "odata.track-changes"));
        if (query.FormattedValues) headers.Add(new("Preference-Applied", "odata.include-annotations=\"OData.Community.Display.V1.FormattedValue\""));
        var isDelta = query.Delta is not null || query.Cursor is { Tracking: true, After: > 0 };

        return new ODataJson(StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            w.WriteString("@odata.context", $"{baseUrl}$metadata#accounts({selectText}){(isDelta ? "/$delta" : "")}");
            if (count is { } c) w.WriteNumber("@odata.count", c);
            w.WriteStartArray("value");
            foreach (var a in rows) WriteAccount(w, a, query);
            w.WriteEndArray();
            if (nextLink is not null) w.WriteString("@odata.nextLink", nextLink);
            if (deltaLink is not null) w.WriteString("@odata.deltaLink", deltaLink);
            w.WriteEndObject();
        }, headers);
    }

    private static void WriteAccount(Utf8JsonWriter w, Account a, AccountsQuery query)
    {
        w.WriteStartObject();
        w.WriteString("@odata.etag", $"W/\"{a.VersionNumber.ToString(CultureInfo.InvariantCulture)}\"");
        foreach (var name in query.Select)
        {
            var value = AccountMap.ByName[name].Read(a);
            // Formatted values come before the raw value, as Dataverse writes them.
            if (query.FormattedValues && value is not null && FormattedValue(name, a, value) is { } label)
                w.WriteString(name + AccountMap.FormattedValue, label);
            ODataAnswers.WriteValue(w, name, value);
        }
        w.WriteString(AccountMap.Id, a.Id);
        w.WriteEndObject();
    }

    private static string? FormattedValue(string name, Account a, object value) => name switch
    {
        AccountMap.PaymentTermsCode => PaymentTermsOptions.LabelOf(a.PaymentTerms),
        AccountMap.TransactionCurrency => CurrencyNames.Of(a.Currency!),
        AccountMap.StateCode => a.StateCode.ToString(),
        AccountMap.CreditLimit => ((decimal)value).ToString("N2", CultureInfo.InvariantCulture),
        AccountMap.ModifiedOn or AccountMap.CreatedOn => ((DateTime)value).ToString("M/d/yyyy h:mm tt", CultureInfo.InvariantCulture),
        _ => null,
    };

    public static async Task<ODataJson> GetCurrencies(HttpRequest request, IDbContextFactory<PsaDb> contexts, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var codes = await db.Accounts.AsNoTracking().Where(a => a.Currency != null).Select(a => a.Currency!).Distinct().ToListAsync(ct);
        var baseUrl = $"{request.Scheme}://{request.Host}{request.PathBase}{Root}/";
        return new ODataJson(StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            w.WriteString("@odata.context", $"{baseUrl}$metadata#transactioncurrencies({CurrencyMap.IsoCode},{CurrencyMap.Name})");
            w.WriteStartArray("value");
            foreach (var code in codes.Order(StringComparer.Ordinal))
            {
                w.WriteStartObject();
                w.WriteString(CurrencyMap.IsoCode, code);
                w.WriteString(CurrencyMap.Name, CurrencyNames.Of(code));
                w.WriteString(CurrencyMap.Id, CurrencyIds.Of(code));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>The caller's ids; PsaBridge has one organization and one business unit, so those ids are fixed.</summary>
    public static ODataJson WhoAmI(HttpContext http) => new(StatusCodes.Status200OK, w =>
    {
        w.WriteStartObject();
        w.WriteString("@odata.context", $"{http.Request.Scheme}://{http.Request.Host}{Root}/$metadata#Microsoft.Dynamics.CRM.WhoAmIResponse");
        w.WriteString("BusinessUnitId", Guid.Empty);
        w.WriteString("UserId", http.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value is { } id && Guid.TryParse(id, out var g) ? g : Guid.Empty);
        w.WriteString("OrganizationId", Guid.Empty);
        w.WriteEndObject();
    });
}

/// <summary>A currency's name from the ISO 4217 data PsaBridge ships, or its code when the code is not in it.</summary>
internal static class CurrencyNames
{
    private static readonly Dictionary<string, string> Names = PsaBridge.Finance.ReferenceData.ReferenceDataFiles.Currencies()
        .ToDictionary(c => c.Code, c => c.Name, StringComparer.OrdinalIgnoreCase);

    public static string Of(string code) => Names.GetValueOrDefault(code.Trim(), code);
}
