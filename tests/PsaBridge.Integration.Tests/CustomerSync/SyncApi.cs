using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PsaBridge.Testing;

namespace PsaBridge.Integration.Tests.CustomerSync;

/// <summary>Small steps of the sync tests, all through the HTTP API.</summary>
internal static class SyncApi
{
    public static async Task<Guid> CreateAccountAsync(this HttpClient client, string name, string? accountNumber = null,
        string? country = "US", string? state = "WA", string? city = "Seattle", string? zip = "98101", string? paymentTerms = "Net30",
        decimal creditLimit = 50_000m, string currency = "USD")
    {
        var response = await client.PostAsJsonAsync("/api/psa/accounts", new
        {
            name,
            accountNumber,
            currency,
            telephone1 = "+1 425 555 0100",
            emailAddress1 = $"ap@{name.Replace(" ", "").ToLowerInvariant()}.com",
            address1 = new { line1 = "1 Main St", city, stateOrProvince = state, postalCode = zip, country },
            creditLimit,
            paymentTerms,
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }

    public static async Task PatchAccountAsync(this HttpClient client, Guid id, object patch)
    {
        var response = await client.PatchAsJsonAsync($"/api/psa/accounts/{id}", patch);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    public static async Task<JsonElement> RunSyncAsync(this HttpClient client, string query = "")
    {
        var response = await client.PostAsync("/api/integration/jobs/customers/run" + query, null);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    public static async Task<List<JsonElement>> LinesAsync(this HttpClient client, Guid headerId, string status = "All")
    {
        var body = await (await client.GetAsync($"/api/integration/log/{headerId}/lines?status={status}&pageSize=500")).JsonAsync();
        return body.GetProperty("items").EnumerateArray().ToList();
    }

    public static JsonElement LineFor(this List<JsonElement> lines, Guid accountId) =>
        lines.Single(l => l.GetProperty("psaAccountId").GetGuid() == accountId);

    public static List<string> Messages(this JsonElement line) =>
        line.GetProperty("messages").EnumerateArray().Select(m => m.GetString()!).ToList();

    public static async Task<JsonElement?> CustomerForAsync(this HttpClient client, Guid accountId)
    {
        var body = await (await client.GetAsync($"/api/finance/customers?psaAccountId={accountId}")).JsonAsync();
        var items = body.GetProperty("items").EnumerateArray().ToList();
        items.Count.ShouldBeLessThanOrEqualTo(1);
        return items.Count == 0 ? null : items[0];
    }

    public static int Count(this JsonElement header, string name) => header.GetProperty("counts").GetProperty(name).GetInt32();

    /// <summary>A run's header once it is no longer Running: its final status written.</summary>
    public static async Task<JsonElement> FinishedRunAsync(this HttpClient client, Guid id)
    {
        for (var i = 0; i < 300; i++)
        {
            var header = await (await client.GetAsync($"/api/integration/log/{id}")).JsonAsync();
            if (header.GetProperty("status").GetString() != "Running") return header;
            await Task.Delay(100);
        }
        throw new TimeoutException($"The run {id} was still Running.");
    }
}
