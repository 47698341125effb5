using System.Text.Json;
using Microsoft.EntityFrameworkCore;
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

    [Fact]
    public async Task An_edit_after_the_first_run_comes_in_the_second_run_through_the_delta_link_alone()
    {
        var log = new RequestLog();
        await using var psa = await PsaBridgeApp.StartAsync(a => a.WithRequestLog(log));
        await using var connected = await PsaBridgeApp.StartAsync(a => a.ConnectedTo(psa, null, new EntraStandIn())
            .WithSetting("PsaBridge:CustomerSync:Source", "Dataverse").WithSetting("PsaBridge:CustomerSync:PageSize", "2"));
        var accounts = psa.CreateClient();
        var alpha = await accounts.CreateAccountAsync("Alpha", accountNumber: "ALPHA");
        await accounts.CreateAccountAsync("Beta", accountNumber: "BETA");
        await accounts.CreateAccountAsync("Gamma", accountNumber: "GAMMA");
        var client = connected.CreateClient();

        var first = await client.LinesAsync((await client.RunSyncAsync()).GetProperty("id").GetGuid());
        first.Select(l => l.GetProperty("action").GetString()).ShouldBe(["Created", "Created", "Created"]);
        string? deltaLink;
        await using (var finance = connected.Databases.OpenFinance())
            deltaLink = (await finance.SyncWatermarks.AsNoTracking().SingleAsync()).Position;
        deltaLink.ShouldNotBeNull().ShouldContain("$deltatoken=");

        await accounts.PatchAccountAsync(alpha, new { telephone1 = "+1 206 555 0199" });
        log.Entries.Clear();
        var second = await client.LinesAsync((await client.RunSyncAsync()).GetProperty("id").GetGuid());

        var line = second.ShouldHaveSingleItem();
        (line.GetProperty("psaAccountId").GetGuid(), line.GetProperty("action").GetString()).ShouldBe((alpha, "Updated"));
        (await client.CustomerForAsync(alpha)).ShouldNotBeNull().GetProperty("phone").GetString().ShouldBe("+1 206 555 0199");
        // The accounts the run read came from the committed delta link; the only other account request counts for progress.
        var reads = log.Entries.Where(e => e.Url.StartsWith("/api/data/v9.2/accounts", StringComparison.Ordinal) && !e.Url.Contains("$count=true")).ToList();
        reads.ShouldHaveSingleItem().Url.ShouldContain("$deltatoken=");
        await using (var finance = connected.Databases.OpenFinance())
            (await finance.SyncWatermarks.AsNoTracking().SingleAsync()).Position.ShouldNotBeNull().ShouldNotBe(deltaLink);
    }

    [Fact]
    public async Task An_expired_delta_link_falls_back_to_a_full_read_that_syncs_each_account_once()
    {
        // A validity below zero days: every delta link the PSA host gives has expired when it comes back.
        await using var psa = await PsaBridgeApp.StartAsync(a => a.WithSetting("PsaBridge:Dataverse:Serve:ExpireChangeTrackingInDays", "-1"));
        await using var connected = await PsaBridgeApp.StartAsync(a => a.ConnectedTo(psa, null, new EntraStandIn())
            .WithSetting("PsaBridge:CustomerSync:Source", "Dataverse").WithSetting("PsaBridge:CustomerSync:PageSize", "2"));
        var accounts = psa.CreateClient();
        var ids = new List<Guid>();
        foreach (var name in new[] { "Alpha", "Beta", "Gamma" }) ids.Add(await accounts.CreateAccountAsync(name, accountNumber: name.ToUpperInvariant()));
        var client = connected.CreateClient();
        await client.RunSyncAsync();
        await accounts.PatchAccountAsync(ids[1], new { telephone1 = "+1 206 555 0199" });

        var header = await client.RunSyncAsync();
        var lines = await client.LinesAsync(header.GetProperty("id").GetGuid());

        header.GetProperty("message").GetString().ShouldBe(PsaBridge.Integration.Sources.SourcePage.ReadAgainInFullMessage);
        lines.Select(l => (l.GetProperty("psaAccountId").GetGuid(), l.GetProperty("action").GetString())).ShouldBe(
            [(ids[0], "Unchanged"), (ids[1], "Updated"), (ids[2], "Unchanged")], ignoreOrder: true);
        var customers = (await (await client.GetAsync("/api/finance/customers?pageSize=500")).JsonAsync()).GetProperty("items").EnumerateArray()
            .Select(c => (c.GetProperty("customerAccount").GetString(), c.GetProperty("psaAccountId").GetGuid())).ToList();
        customers.ShouldBe([("ALPHA", ids[0]), ("BETA", ids[1]), ("GAMMA", ids[2])], ignoreOrder: true);
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
