using System.Net;
using System.Text.Json;
using PsaBridge.Integration.Dynamics;

namespace PsaBridge.Integration.Sources.Dataverse;

/// <summary>The Dataverse connection (<c>PsaBridge:Dataverse</c>): credentials, page size and how many requests run at once.</summary>
public sealed class DataverseOptions : ConnectionCredentials
{
    public const string Section = "PsaBridge:Dataverse";

    /// <summary>Rows a page asks for with <c>Prefer: odata.maxpagesize</c> (Dataverse serves at most 5,000).</summary>
    public int MaxPageSize { get; set; } = 5_000;
    /// <summary>Requests at once; Dataverse allows 52 per user and web server.</summary>
    public int MaxConcurrentRequests { get; set; } = 4;
    /// <summary>Retries of a request refused with 429 or failed in transit, before the run stops with the cause.</summary>
    public int MaxRetries { get; set; } = 8;
    /// <summary>
    /// Whether runs read by change tracking (the table's Track changes must be on); off, they read the accounts after the
    /// committed version number.
    /// </summary>
    public bool ChangeTracking { get; set; } = true;
}

/// <summary>One page of a Dataverse read: its rows and where the read goes on (a next link) or ends (a delta link).</summary>
public sealed record DataversePage(IReadOnlyList<JsonElement> Rows, string? NextLink, string? DeltaLink);

/// <summary>Dataverse said the change-tracking token is too old to give the changes since it: the client reads everything again.</summary>
public sealed class ChangeTrackingExpiredException(string message) : DynamicsException(message);

/// <summary>
/// Dataverse's Web API (v9.2) for the accounts the customer sync reads: the request headers Dataverse documents, pages by
/// <c>Prefer: odata.maxpagesize</c> followed through <c>@odata.nextLink</c> unchanged, change tracking by
/// <c>Prefer: odata.track-changes</c> ending in an <c>@odata.deltaLink</c>, and the formatted values of option sets.
/// Throttling and transient faults are the HTTP client's (<see cref="DynamicsHttp"/>).
/// </summary>
public sealed class DataverseClient(HttpClient http, DataverseOptions options)
{
    public const string HttpClientName = "PsaBridge.Dataverse";
    private const string ExpiredMessage = "Version stamp associated with the client has expired";

    public string ApiRoot => options.EnvironmentUrl!.TrimEnd('/') + "/api/data/v9.2/";

    /// <summary>The first request of a full, tracked read of the accounts: exactly the fields the rules need.</summary>
    public string InitialAccountsUrl => $"{ApiRoot}{AccountMap.EntitySet}?$select={string.Join(',', AccountMap.SyncSelect)}";

    public bool ChangeTracking => options.ChangeTracking;

    public int PageSize(int wanted) => Math.Clamp(Math.Min(wanted, options.MaxPageSize), 1, 5_000);

    /// <summary>A page of a tracked read: the initial URL, a next link or a delta link, as Dataverse gave it.</summary>
    public Task<DataversePage> AccountsPageAsync(string url, int pageSize, CancellationToken ct) =>
        GetPageAsync(url, pageSize, tracking: true, ct);

    /// <summary>
    /// The first <paramref name="pageSize"/> accounts with a version above <paramref name="afterVersion"/>, in version order
    /// (<c>versionnumber</c> is a filterable, sortable column of every table; chosen, not sourced for accounts specifically).
    /// </summary>
    public async Task<IReadOnlyList<JsonElement>> AccountsAfterAsync(long afterVersion, int pageSize, CancellationToken ct) =>
        (await GetPageAsync(AfterUrl(afterVersion), pageSize, tracking: false, ct)).Rows;

    /// <summary>How many accounts have a version above <paramref name="afterVersion"/>: Dataverse counts at most 5,000.</summary>
    public async Task<int> CountAfterAsync(long afterVersion, CancellationToken ct)
    {
        using var response = await http.SendAsync(Request(AfterUrl(afterVersion) + "&$count=true", 1, false), ct);
        var body = await ReadAsync(response, ct);
        return body.TryGetProperty("@odata.count", out var count) ? count.GetInt32() : 0;
    }

    private string AfterUrl(long afterVersion) =>
        $"{InitialAccountsUrl}&$filter={Uri.EscapeDataString($"versionnumber gt {afterVersion}")}&$orderby=versionnumber";

    public async Task<IReadOnlyList<JsonElement>> AccountsByIdAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var rows = new List<JsonElement>();
        // Chunks keep the URL far below Dataverse's 32 KB.
        foreach (var chunk in ids.Chunk(100))
        {
            var filter = string.Join(" or ", chunk.Select(id => $"accountid eq {id}"));
            for (string? url = $"{InitialAccountsUrl}&$filter={Uri.EscapeDataString(filter)}"; url is not null;)
            {
                var page = await GetPageAsync(url, 5_000, tracking: false, ct);
                rows.AddRange(page.Rows);
                url = page.NextLink;
            }
        }
        return rows;
    }

    /// <summary>The ISO code of every currency, by its id (a small table, read once a run).</summary>
    public async Task<Dictionary<Guid, string>> CurrencyCodesAsync(CancellationToken ct)
    {
        var codes = new Dictionary<Guid, string>();
        for (string? url = $"{ApiRoot}{CurrencyMap.EntitySet}?$select={CurrencyMap.IsoCode}"; url is not null;)
        {
            var page = await GetPageAsync(url, 5_000, tracking: false, ct);
            foreach (var row in page.Rows) codes[row.GetProperty(CurrencyMap.Id).GetGuid()] = row.GetProperty(CurrencyMap.IsoCode).GetString()!;
            url = page.NextLink;
        }
        return codes;
    }

    /// <summary>Dataverse's WhoAmI: the cheapest call that proves the token and the application user.</summary>
    public async Task<Guid> WhoAmIAsync(CancellationToken ct)
    {
        using var response = await http.SendAsync(Request(ApiRoot + "WhoAmI", null, false), ct);
        var body = await ReadAsync(response, ct);
        return body.GetProperty("UserId").GetGuid();
    }

    private async Task<DataversePage> GetPageAsync(string url, int pageSize, bool tracking, CancellationToken ct)
    {
        using var response = await http.SendAsync(Request(url, pageSize, tracking), ct);
        var body = await ReadAsync(response, ct);
        var rows = body.GetProperty("value").EnumerateArray().Select(r => r.Clone()).ToList();
        return new DataversePage(rows, Link(body, "@odata.nextLink"), Link(body, "@odata.deltaLink"));
    }

    private static HttpRequestMessage Request(string url, int? pageSize, bool tracking)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.TryAddWithoutValidation("OData-MaxVersion", "4.0");
        request.Headers.TryAddWithoutValidation("OData-Version", "4.0");
        request.Headers.TryAddWithoutValidation("If-None-Match", "null");
        // Separate Prefer headers, as Microsoft's examples send them; the same page size on every follow-up.
        if (pageSize is { } size) request.Headers.TryAddWithoutValidation("Prefer", $"odata.maxpagesize={size}");
        if (tracking) request.Headers.TryAddWithoutValidation("Prefer", "odata.track-changes");
        request.Headers.TryAddWithoutValidation("Prefer", "odata.include-annotations=\"OData.Community.Display.V1.FormattedValue\"");
        return request;
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        JsonElement body;
        try
        {
            body = JsonDocument.Parse(text.Length == 0 ? "{}" : text).RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new DynamicsException($"Dataverse answered {(int)response.StatusCode} {response.ReasonPhrase} with a body that is not JSON.");
        }
        if (response.IsSuccessStatusCode) return body;
        var message = body.TryGetProperty("error", out var error) && error.TryGetProperty("message", out var m) ? m.GetString() : text;
        if (message?.Contains(ExpiredMessage, StringComparison.OrdinalIgnoreCase) == true) throw new ChangeTrackingExpiredException(message);
        throw new DynamicsException(response.StatusCode == HttpStatusCode.TooManyRequests
            ? $"Dataverse kept refusing requests over its service protection limits (429) after the retries: {message}"
            : $"Dataverse answered {(int)response.StatusCode} {response.ReasonPhrase}: {message}");
    }

    private static string? Link(JsonElement body, string name) => body.TryGetProperty(name, out var v) ? v.GetString() : null;
}
