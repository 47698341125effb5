using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using PsaBridge.Finance;
using PsaBridge.Finance.NumberSequences;
using PsaBridge.Integration.Dynamics;
using PsaBridge.Web.Dynamics;

namespace PsaBridge.Web.FinanceOData;

public static partial class FinanceODataApi
{
    /// <summary>F&amp;O's limit of operations in one batch.</summary>
    public const int MaxBatchOperations = 5_000;

    /// <summary>
    /// A multipart batch: the outer answer is 200 whatever its parts do. A change set runs in one transaction: every write
    /// or none, a refused one answered as the change set's only part. A write on its own stands alone. Reads (GET) run as
    /// reads of their own. The service protection may refuse a part with 429 and <c>Retry-After</c>, as F&amp;O's can.
    /// </summary>
    public static async Task<Results<ContentHttpResult, ODataError>> Batch(HttpRequest request, FinanceDb db, NumberSequenceAllocator numbers, IOptions<FinanceServeOptions> options,
        [FromKeyedServices(ProtectionKey)] ServiceProtection protection, CancellationToken ct)
    {
        List<BatchPart> parts;
        string body;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8)) body = await reader.ReadToEndAsync(ct);
        try
        {
            parts = ODataBatch.Read(body, ODataBatch.BoundaryOf(request.ContentType ?? ""));
        }
        catch (FormatException e)
        {
            return ODataAnswers.Error(400, "", $"The batch request is not valid: {e.Message}");
        }
        var operations = parts.Sum(p => p.ChangeSet?.Count ?? 1);
        if (operations > MaxBatchOperations)
            return ODataAnswers.Error(400, "", $"The batch holds {operations} operations; a batch is limited to {MaxBatchOperations}.");

        var o = options.Value;
        var writes = new FinanceWrites(db, numbers, o);
        var answers = new List<BatchPart>();
        foreach (var part in parts)
        {
            if (protection.Enter(ServiceProtection.CallerOf(request.HttpContext) + "#part") is { } throttled)
            {
                var refused = BatchMessage.Response(429, ODataAnswers.TooManyRequests(throttled).Text(), part.Single?.ContentId,
                    new Dictionary<string, string> { ["Retry-After"] = throttled.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) });
                answers.Add(part.ChangeSet is null ? new BatchPart(refused, null) : new BatchPart(null, [refused]));
                continue;
            }
            protection.Leave(ServiceProtection.CallerOf(request.HttpContext) + "#part");
            if (part.Single is { } single)
            {
                answers.Add(new BatchPart(await RunAsync(request, writes, db, options, single, o.DataAreaId, ct), null));
                continue;
            }
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var done = new List<BatchMessage>();
            BatchMessage? failed = null;
            foreach (var message in part.ChangeSet!)
            {
                var answer = await RunAsync(request, writes, db, options, message, o.DataAreaId, ct);
                if (answer.Status >= 400) { failed = answer; break; }
                done.Add(answer);
            }
            if (failed is null) await tx.CommitAsync(ct);
            else await tx.RollbackAsync(ct);
            // Answered: the change set's entities need no tracking, and every later save would scan them.
            db.ChangeTracker.Clear();
            answers.Add(new BatchPart(null, failed is null ? done : [failed]));
        }
        var boundary = "batchresponse_" + Guid.NewGuid().ToString("N");
        return TypedResults.Text(ODataBatch.Write(answers, boundary), $"multipart/mixed; boundary={boundary}", Encoding.UTF8, 200);
    }

    private static async Task<BatchMessage> RunAsync(HttpRequest request, FinanceWrites writes, FinanceDb db, IOptions<FinanceServeOptions> options,
        BatchMessage m, string company, CancellationToken ct)
    {
        var path = RelativePath(m.Url ?? "");
        if (m.Method == "GET")
        {
            var query = path.Contains('?') ? path[(path.IndexOf('?') + 1)..] : "";
            var read = new DefaultHttpContext { RequestServices = request.HttpContext.RequestServices };
            read.Request.Scheme = request.Scheme;
            read.Request.Host = request.Host;
            read.Request.QueryString = new QueryString("?" + query);
            var result = await Get(read.Request, path.Split('?')[0], db, options, ct);
            return result.Result switch
            {
                ODataPayload json => BatchMessage.Response(json.Status, json.Text(), m.ContentId),
                ContentHttpResult count => BatchMessage.Response(200, count.ResponseContent ?? "", m.ContentId),
                _ => BatchMessage.Response(500, "", m.ContentId),
            };
        }
        JsonElement body;
        try
        {
            using var doc = JsonDocument.Parse(m.Body.Length == 0 ? "{}" : m.Body);
            body = doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            return BatchMessage.Response(400, ODataAnswers.Error(400, "", "The request body is not valid JSON.").Text(), m.ContentId);
        }
        // A key in a request line is percent-encoded as in any URL (a customer account may hold a space).
        var answer = await WriteAsync(writes, m.Method!, Uri.UnescapeDataString(path), body, company, ct);
        return BatchMessage.Response(answer.Status, answer.Json(), m.ContentId);
    }

    /// <summary>The part of a batch request's URL after <c>/data/</c> (absolute, as F&amp;O's clients write them, or relative).</summary>
    private static string RelativePath(string url)
    {
        var at = url.IndexOf(Root + "/", StringComparison.Ordinal);
        return at >= 0 ? url[(at + Root.Length + 1)..] : url.TrimStart('/');
    }
}
