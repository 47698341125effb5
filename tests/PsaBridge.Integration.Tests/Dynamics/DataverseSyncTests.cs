using System.Text.Json;
using PsaBridge.Integration.Tests.CustomerSync;
using PsaBridge.Testing;

namespace PsaBridge.Integration.Tests.Dynamics;

/// <summary>
/// The customer sync with Dataverse as its source: a host syncs the accounts another host serves over its
/// Dataverse-compatible API into its own finance database, and gets the log lines and customers the embedded sync gets
/// from the same accounts.
/// </summary>
[Trait("Engine", "Both")]
public sealed class DataverseSyncTests
{
    [Fact]
    public async Task Messy_accounts_read_from_Dataverse_give_the_log_lines_and_customers_of_the_embedded_sync_and_so_does_a_rerun_after_a_fix()
    {
        // Pages of two accounts on both hosts, so the runs page through the source the same way (a line says whether the
        // holder of a number came earlier in the run or in its own page).
        await using var psa = await PsaBridgeApp.StartAsync(a => a.WithSetting("PsaBridge:CustomerSync:PageSize", "2"));
        var entra = new EntraStandIn();
        await using var connected = await PsaBridgeApp.StartAsync(a => a.ConnectedTo(psa, null, entra)
            .WithSetting("PsaBridge:CustomerSync:Source", "Dataverse").WithSetting("PsaBridge:CustomerSync:PageSize", "2"));
        var accounts = psa.CreateClient();
        await accounts.CreateAccountAsync("Fourth Coffee", accountNumber: "FOURTH", currency: "EUR", paymentTerms: "Net 30");
        await accounts.CreateAccountAsync("Adventure Works", accountNumber: null, state: "Washington", country: "United States");
        await accounts.CreateAccountAsync("Margie's Travel", country: "Atlantis");
        var badState = await accounts.CreateAccountAsync("Blue Yonder", state: "Washingtn");
        await accounts.CreateAccountAsync("Tailspin Toys", zip: "98101-0001");
        await accounts.CreateAccountAsync("Lamna Healthcare", state: "Nowhere", paymentTerms: "Whenever");
        await accounts.CreateAccountAsync("Litware", accountNumber: "FOURTH");

        var embedded = await SyncAsync(psa);
        var overDataverse = await SyncAsync(connected);

        overDataverse.Lines.ShouldBe(embedded.Lines);
        overDataverse.Customers.ShouldBe(embedded.Customers);
        overDataverse.Lines.Count.ShouldBe(7);
        overDataverse.Lines.Count(l => l.StartsWith("Error", StringComparison.Ordinal)).ShouldBeGreaterThanOrEqualTo(4); // country, state, many, number taken
        overDataverse.Customers.ShouldContain(c => c.StartsWith("FOURTH Fourth Coffee Organization 10 EUR", StringComparison.Ordinal));

        // The state is corrected in PSA: both syncs take the change (and only it) on the next run.
        await accounts.PatchAccountAsync(badState, new { address1 = new { line1 = "1 Main St", city = "Seattle", stateOrProvince = "WA", postalCode = "98101", country = "US" } });
        var embeddedRerun = await SyncAsync(psa);
        var rerunOverDataverse = await SyncAsync(connected);

        rerunOverDataverse.Lines.ShouldBe(embeddedRerun.Lines);
        rerunOverDataverse.Customers.ShouldBe(embeddedRerun.Customers);
        rerunOverDataverse.Lines.ShouldContain(l => l.StartsWith($"Completed Created {badState}", StringComparison.Ordinal));
        rerunOverDataverse.Customers.Count.ShouldBe(overDataverse.Customers.Count + 1);
    }

    /// <summary>Runs the sync on <paramref name="host"/>: its log lines and its finance customers, each as one comparable line.</summary>
    private static async Task<(List<string> Lines, List<string> Customers)> SyncAsync(PsaBridgeApp host)
    {
        var client = host.CreateClient();
        var header = await client.RunSyncAsync();
        var lines = (await client.LinesAsync(header.GetProperty("id").GetGuid()))
            .Select(l => $"{l.GetProperty("status").GetString()} {l.GetProperty("action").GetString()} {l.GetProperty("psaAccountId").GetGuid()} " +
                         $"{Text(l, "customerAccount")} {string.Join(" | ", l.Messages())}")
            .Order(StringComparer.Ordinal).ToList();
        var customers = (await (await client.GetAsync("/api/finance/customers?pageSize=500")).JsonAsync()).GetProperty("items").EnumerateArray()
            .Select(c => string.Join(" ", new[] { "customerAccount", "name", "relationType", "customerGroupId", "currency", "paymentTerms", "creditLimit",
                "phone", "email", "psaAccountId", "address" }.Select(p => c.GetProperty(p) is var v && v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText())))
            .Order(StringComparer.Ordinal).ToList();
        return (lines, customers);
    }

    private static string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
