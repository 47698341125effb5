using System.Net;
using System.Text;
using System.Text.Json;
using PsaBridge.Integration.Dynamics;

namespace PsaBridge.Integration.Targets.FinanceAndOperations;

/// <summary>The Finance and Operations connection (<c>PsaBridge:FinanceAndOperations</c>).</summary>
public sealed class FinanceAndOperationsOptions : ConnectionCredentials
{
    public const string Section = "PsaBridge:FinanceAndOperations";

    /// <summary>The legal entity customers are written into (<c>dataAreaId</c>).</summary>
    public string? LegalEntity { get; set; }
    /// <summary>Customers a <c>$batch</c> change set carries (F&amp;O allows 5,000 operations a batch; Microsoft advises small ones).</summary>
    public int ChangeSetSize { get; set; } = 100;
    public int MaxConcurrentRequests { get; set; } = 4;
    public int MaxRetries { get; set; } = 8;
}

/// <summary>What F&amp;O answered one write of a batch: its status, the entity written, or the refusal in the infolog's words.</summary>
public sealed record WriteAnswer(int Status, JsonElement? Entity, string? Refusal);

/// <summary>
/// Finance and Operations' OData (<c>/data/</c>): reads that follow <c>@odata.nextLink</c> (F&amp;O pages at 10,000), and
/// writes in multipart <c>$batch</c> change sets. A batch answers 200 whatever its parts did; a part refused with 429 is
/// sent again after its <c>Retry-After</c>, a refused write is read from its AxODataWriteException infolog.
/// </summary>
public sealed class FinanceAndOperationsClient(HttpClient http, FinanceAndOperationsOptions options, ThrottleMeter meter)
{
    public const string HttpClientName = "PsaBridge.FinanceAndOperations";

    public string DataRoot => options.EnvironmentUrl!.TrimEnd('/') + "/data/";
    public string LegalEntity => options.LegalEntity!.ToLowerInvariant();

    /// <summary>Every row of a set that matches <paramref name="filter"/>, page by page.</summary>
    public async Task<List<JsonElement>> ReadAllAsync(string set, string? filter, string? select, CancellationToken ct)
    {
        var rows = new List<JsonElement>();
        var query = new List<string>();
        if (filter is not null) query.Add("$filter=" + Uri.EscapeDataString(filter));
        if (select is not null) query.Add("$select=" + select);
        query.Add("cross-company=true");
        for (string? url = $"{DataRoot}{set}?{string.Join('&', query)}"; url is not null;)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Accept.ParseAdd("application/json");
            using var response = await http.SendAsync(request, ct);
            var body = await ReadAsync(response, ct);
            rows.AddRange(body.GetProperty("value").EnumerateArray().Select(r => r.Clone()));
            url = body.TryGetProperty("@odata.nextLink", out var next) ? next.GetString() : null;
        }
        return rows;
    }

    /// <summary>One entity of a set by its keys (values as they are: quoted and escaped here), or null when F&amp;O has none (404).</summary>
    public async Task<JsonElement?> ReadByKeyAsync(string set, IReadOnlyList<(string Name, string Value)> keys, string? select, CancellationToken ct)
    {
        var key = string.Join(',', keys.Select(k => $"{k.Name}='{Uri.EscapeDataString(k.Value.Replace("'", "''"))}'"));
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{DataRoot}{set}({key})?cross-company=true{(select is null ? "" : "&$select=" + select)}");
        request.Headers.Accept.ParseAdd("application/json");
        using var response = await http.SendAsync(request, ct);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        return await ReadAsync(response, ct);
    }

    /// <summary>
    /// Sends change sets in one batch and returns each write's answer in order. A change set F&amp;O refused answers every
    /// write of it with the refusal (none was kept). Parts refused with 429 are sent again after the longest Retry-After.
    /// </summary>
    public async Task<List<WriteAnswer>> SendChangeSetsAsync(IReadOnlyList<IReadOnlyList<BatchMessage>> changeSets, CancellationToken ct)
    {
        var answers = new WriteAnswer?[changeSets.Count][];
        var pending = Enumerable.Range(0, changeSets.Count).ToList();
        for (var attempt = 0; pending.Count > 0; attempt++)
        {
            var boundary = "batch_" + Guid.NewGuid().ToString("N");
            using var content = new StringContent(ODataBatch.Write(pending.Select(i => new BatchPart(null, changeSets[i])), boundary), Encoding.UTF8);
            content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse($"multipart/mixed; boundary={boundary}");
            using var response = await http.PostAsync(DataRoot + "$batch", content, ct);
            if (!response.IsSuccessStatusCode) await ReadAsync(response, ct);
            var parts = ODataBatch.Read(await response.Content.ReadAsStringAsync(ct), ODataBatch.BoundaryOf(response.Content.Headers.ContentType!.ToString()));
            var throttled = new List<int>();
            var wait = TimeSpan.Zero;
            for (var p = 0; p < pending.Count; p++)
            {
                var index = pending[p];
                var messages = parts[p].ChangeSet ?? [parts[p].Single!];
                if (messages.Count == 1 && messages[0].Status == (int)HttpStatusCode.TooManyRequests)
                {
                    throttled.Add(index);
                    var seconds = int.TryParse(messages[0].Headers.GetValueOrDefault("Retry-After"), out var s) ? s : 30; // Microsoft's sample waits 30 s without one
                    wait = TimeSpan.FromSeconds(Math.Max(wait.TotalSeconds, seconds));
                    continue;
                }
                answers[index] = messages.Count == changeSets[index].Count
                    ? messages.Select(Answer).ToArray()
                    : changeSets[index].Select(_ => Answer(messages[0])).ToArray();
            }
            pending = throttled;
            if (pending.Count == 0) break;
            if (attempt >= options.MaxRetries)
                throw new DynamicsException($"Finance and Operations kept refusing the batch's change sets over its service protection (429) after {attempt + 1} attempts.");
            meter.Refused(wait);
            await Task.Delay(wait, ct);
        }
        return answers.SelectMany(a => a!).Select(a => a!).ToList();
    }

    private static WriteAnswer Answer(BatchMessage m)
    {
        if (m.Status is >= 200 and < 300)
            return new WriteAnswer(m.Status, m.Body.Length == 0 ? null : JsonDocument.Parse(m.Body).RootElement.Clone(), null);
        return new WriteAnswer(m.Status, null, Refusal(m.Body));
    }

    /// <summary>
    /// The reasons in F&amp;O's error body: the infolog's warnings after <c>Infolog:</c> (without its validateField echoes),
    /// else the error's message.
    /// </summary>
    public static string Refusal(string body)
    {
        try
        {
            var error = JsonDocument.Parse(body).RootElement.GetProperty("error");
            var text = error.TryGetProperty("innererror", out var inner) && inner.TryGetProperty("message", out var im) ? im.GetString()! : error.GetProperty("message").GetString()!;
            var at = text.IndexOf("Infolog:", StringComparison.Ordinal);
            if (at < 0) return text;
            var reasons = text[(at + "Infolog:".Length)..].Split("; ", StringSplitOptions.TrimEntries)
                .Select(r => r.StartsWith("Warning:", StringComparison.Ordinal) || r.StartsWith("Error:", StringComparison.Ordinal) ? r[(r.IndexOf(':') + 1)..].Trim() : r)
                .Where(r => r.Length > 0 && !r.StartsWith("validateField failed", StringComparison.Ordinal));
            return string.Join("\n", reasons);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return body.Length == 0 ? "Finance and Operations refused the write without saying why." : body;
        }
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        if (response.IsSuccessStatusCode) return JsonDocument.Parse(text).RootElement.Clone();
        throw new DynamicsException(response.StatusCode == HttpStatusCode.TooManyRequests
            ? $"Finance and Operations kept refusing requests over its service protection (429) after the retries: {Refusal(text)}"
            : $"Finance and Operations answered {(int)response.StatusCode} {response.ReasonPhrase}: {Refusal(text)}");
    }
}
