using System.Net;
using System.Text.Json;

namespace PsaBridge.Reporting.Tests.OData;

/// <summary>Reading JSON answers in tests (the feed's and the reports'): a 200 answer's body, and an option set's label.</summary>
internal static class Feed
{
    public const string FormattedValues = "odata.include-annotations=\"OData.Community.Display.V1.FormattedValue\"";

    public static async Task<JsonElement> GetAsync(HttpClient client, string url, string? prefer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (prefer is not null) request.Headers.Add("Prefer", prefer);
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>The rows of a page.</summary>
    public static async Task<List<JsonElement>> RowsAsync(HttpClient client, string url, string? prefer = null) =>
        (await GetAsync(client, url, prefer)).GetProperty("value").EnumerateArray().ToList();

    public static string? Label(JsonElement row, string property) =>
        row.TryGetProperty(property + "@OData.Community.Display.V1.FormattedValue", out var label) ? label.GetString() : null;
}
