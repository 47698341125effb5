using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PsaBridge.Finance.IntegrationLog;
using PsaBridge.Integration.CustomerSync;
using PsaBridge.Integration.Dynamics;
using PsaBridge.Integration.Hosting;
using PsaBridge.Integration.Targets.FinanceAndOperations;
using PsaBridge.Integration.Tests.CustomerSync;
using PsaBridge.Testing;
using PsaBridge.Web.Dynamics;
using PsaBridge.Web.FinanceOData;

namespace PsaBridge.Integration.Tests.Dynamics;

/// <summary>
/// The customer sync with Finance and Operations as its target: a host syncs its PSA accounts into another host that
/// serves the F&amp;O-compatible OData, and F&amp;O ends up with the customers, and the log with the lines, that the embedded
/// sync gives; F&amp;O's throttling is waited out, and a page whose answer is lost after F&amp;O took it is not written twice.
/// </summary>
[Trait("Engine", "Both")]
public sealed class FinanceAndOperationsSyncTests
{
    private static Task<PsaBridgeApp> ConnectedAsync(PsaBridgeApp fno, string pageSize = "2000", Action<IServiceCollection>? services = null) =>
        PsaBridgeApp.StartAsync(a =>
        {
            a.ConnectedTo(null, fno, new EntraStandIn()).WithSetting(ConnectorServices.TargetSetting, "FinanceAndOperations")
                .WithSetting("PsaBridge:CustomerSync:PageSize", pageSize);
            if (services is not null) a.WithServices(services);
        });

    [Fact]
    public async Task Messy_accounts_written_into_FO_give_the_customers_and_log_lines_of_the_embedded_sync_and_so_does_a_rerun_after_changes()
    {
        await using var fno = await PsaBridgeApp.StartAsync();
        await using var embedded = await PsaBridgeApp.StartAsync(a => a.WithSetting("PsaBridge:CustomerSync:RetryFailures", "EveryRun"));
        await using var connected = await ConnectedAsync(fno);
        var ids = new Dictionary<PsaBridgeApp, Dictionary<string, Guid>>();
        foreach (var host in new[] { embedded, connected })
        {
            var accounts = host.CreateClient();
            ids[host] = new()
            {
                ["fourth"] = await accounts.CreateAccountAsync("Fourth Coffee", accountNumber: "FOURTH", currency: "EUR", paymentTerms: "Net 30"),
                ["adventure"] = await accounts.CreateAccountAsync("Adventure Works", state: "Washington", country: "United States"),
                ["atlantis"] = await accounts.CreateAccountAsync("Margie's Travel", country: "Atlantis"),
                ["xyz"] = await accounts.CreateAccountAsync("Blue Yonder", currency: "XYZ"),
                ["zip"] = await accounts.CreateAccountAsync("Tailspin Toys", zip: "98101-0001"),
            };
        }

        var (lines, customers) = (await SyncAsync(connected), await CustomersAsync(fno));
        lines.ShouldBe(await SyncAsync(embedded));
        customers.ShouldBe(await CustomersAsync(embedded));
        lines.ShouldContain("Error None Blue Yonder  Currency: 'XYZ' does not exist in finance.");
        lines.ShouldContain(l => l.StartsWith("Error None Margie's Travel", StringComparison.Ordinal));
        lines.ShouldContain(l => l.StartsWith("Completed Created Tailspin Toys ", StringComparison.Ordinal) && l.Contains("Zip code 98101-0001 created for Seattle"));
        customers.ShouldContain(c => c.StartsWith("FOURTH Fourth Coffee Organization 10 EUR ", StringComparison.Ordinal) && c.Contains("+1 425 555 0100"));
        customers.Count.ShouldBe(3);
        // Adventure Works has no account number: F&O's number sequence gave it one, which the log line names; the customer
        // carries its PSA account in F&O's key field, and the connected host's own finance holds no customer.
        var numbered = lines.Single(l => l.StartsWith("Completed Created Adventure Works ", StringComparison.Ordinal)).Split(' ')[4];
        numbered.ShouldNotBeNullOrWhiteSpace();
        var adventure = await fno.CreateClient().GetAsync($"/data/CustomersV3?$filter=IdentificationNumber eq '{ids[connected]["adventure"]}'&cross-company=true");
        (await adventure.JsonAsync()).GetProperty("value")[0].GetProperty("CustomerAccount").GetString().ShouldBe(numbered);
        (await CustomersAsync(connected)).ShouldBeEmpty();

        // A changed phone and a fixed currency: an incremental run updates the one and creates the other, on both targets.
        foreach (var host in new[] { embedded, connected })
        {
            await host.CreateClient().PatchAccountAsync(ids[host]["fourth"], new { telephone1 = "+1 206 555 0199" });
            await host.CreateClient().PatchAccountAsync(ids[host]["xyz"], new { currency = "USD" });
        }
        var rerun = await SyncAsync(connected);
        rerun.ShouldBe(await SyncAsync(embedded));
        rerun.ShouldContain("Completed Updated Fourth Coffee FOURTH Customer FOURTH updated.");
        rerun.ShouldContain(l => l.StartsWith("Completed Created Blue Yonder ", StringComparison.Ordinal));
        var after = await CustomersAsync(fno);
        after.ShouldBe(await CustomersAsync(embedded));
        after.ShouldContain(c => c.StartsWith("FOURTH Fourth Coffee Organization 10 EUR ", StringComparison.Ordinal) && c.Contains("+1 206 555 0199"));
    }

    [Fact]
    public async Task Throttling_by_FO_is_waited_out_for_its_Retry_After_and_the_run_completes()
    {
        await using var fno = await PsaBridgeApp.StartAsync();
        await using var connected = await ConnectedAsync(fno);
        var client = connected.CreateClient();
        var accounts = new[] { await client.CreateAccountAsync("Alpine Ski House", "ALPINE"), await client.CreateAccountAsync("Coho Winery") };
        fno.Services.GetRequiredKeyedService<ServiceProtection>(FinanceODataApi.ProtectionKey).RefuseNext(2, 1);

        var header = await client.RunSyncAsync();

        header.GetProperty("status").GetString().ShouldBe("Completed");
        header.Count("created").ShouldBe(2);
        var meter = connected.Services.GetRequiredKeyedService<ThrottleMeter>(ConnectorServices.FinanceAndOperations);
        meter.Refusals.ShouldBe(2);
        meter.Waited.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(2));
        foreach (var id in accounts) (await fno.CreateClient().CustomerForAsync(id)).ShouldNotBeNull();
    }

    [Fact]
    public async Task An_account_number_with_a_star_is_looked_up_by_its_key_not_as_a_wildcard_and_gets_its_own_customer()
    {
        var log = new RequestLog();
        await using var fno = await PsaBridgeApp.StartAsync(a => a.WithRequestLog(log));
        await using var connected = await ConnectedAsync(fno);
        var client = connected.CreateClient();
        await client.CreateAccountAsync("Alpine Ski House", "AB1");
        await client.RunSyncAsync();
        var star = await client.CreateAccountAsync("Coho Winery", "A*");
        log.Entries.Clear();

        var lines = await client.LinesAsync((await client.RunSyncAsync()).GetProperty("id").GetGuid());

        var line = lines.ShouldHaveSingleItem();
        (line.GetProperty("psaAccountId").GetGuid(), line.GetProperty("action").GetString(), line.GetProperty("customerAccount").GetString())
            .ShouldBe((star, "Created", "A*"));
        (await FoCustomersAsync(fno)).Select(c => (c.CustomerAccount, c.Name)).ShouldBe([("AB1", "Alpine Ski House"), ("A*", "Coho Winery")], ignoreOrder: true);
        var reads = log.Entries.Where(e => e.Method == "GET").Select(e => Uri.UnescapeDataString(e.Url)).ToList();
        reads.Where(u => u.Contains("$filter=", StringComparison.Ordinal)).ShouldNotContain(u => u.Contains('*'));
        reads.ShouldContain(u => u.StartsWith("/data/CustomersV3(dataAreaId='usmf',CustomerAccount='A*')", StringComparison.Ordinal));
    }

    /// <summary>Passes requests to the F&amp;O host, and loses the answer of one customers batch after F&amp;O has taken it.</summary>
    private sealed class LoseAnswer(HttpMessageHandler fno, int batch) : DelegatingHandler(fno)
    {
        private int _batches;
        public bool Enabled { get; set; } = true;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var customers = request.Content is not null && request.RequestUri!.AbsolutePath.EndsWith("/$batch", StringComparison.Ordinal)
                            && (await request.Content.ReadAsStringAsync(ct)).Contains("/data/CustomersV3", StringComparison.Ordinal);
            var response = await base.SendAsync(request, ct);
            if (customers && Enabled && Interlocked.Increment(ref _batches) == batch)
                throw new HttpRequestException("The connection was reset after Finance and Operations answered.");
            return response;
        }
    }

    [Fact]
    public async Task A_page_whose_answer_is_lost_after_FO_took_it_is_reconciled_and_every_account_exists_once_in_FO()
    {
        await using var fno = await PsaBridgeApp.StartAsync();
        LoseAnswer? fault = null;
        await using var connected = await ConnectedAsync(fno, pageSize: "2", services: s => s.AddHttpClient(FinanceAndOperationsClient.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => fault = new LoseAnswer(fno.Server.CreateHandler(), batch: 2)));
        var client = connected.CreateClient();
        var accounts = new List<Guid>();
        for (var i = 1; i <= 6; i++) accounts.Add(await client.CreateAccountAsync($"Customer {i}", i % 2 == 0 ? $"K{i}" : null));

        using (var scope = connected.Services.CreateScope())
            await Should.ThrowAsync<HttpRequestException>(() => scope.ServiceProvider.GetRequiredService<SynchronizeCustomers>().RunAsync(new SyncRequest()));
        Guid interrupted;
        await using (var finance = connected.Databases.OpenFinance())
        {
            var header = await finance.IntegrationLogHeaders.AsNoTracking().SingleAsync();
            (header.Status, header.CreatedCount).ShouldBe((IntegrationStatus.Error, 2));
            interrupted = header.Id;
            (await finance.SyncIntents.AsNoTracking().Select(i => i.PsaAccountId).ToListAsync()).ShouldBe([accounts[2], accounts[3]], ignoreOrder: true);
        }
        (await FoCustomersAsync(fno)).Count.ShouldBe(4); // F&O took page 2, the log never said so

        fault!.Enabled = false;
        var rerun = await client.RunSyncAsync();

        rerun.GetProperty("status").GetString().ShouldBe("Completed");
        var held = await FoCustomersAsync(fno);
        held.Select(c => c.PsaAccountId).ShouldBe(accounts.Select(a => (Guid?)a), ignoreOrder: true);
        var recovered = await client.LinesAsync(interrupted);
        recovered.Count.ShouldBe(4);
        foreach (var id in accounts.Take(4))
            recovered.LineFor(id).GetProperty("customerAccount").GetString().ShouldBe(held.Single(c => c.PsaAccountId == id).CustomerAccount);
        recovered.LineFor(accounts[2]).Messages().ShouldBe([$"Customer {held.Single(c => c.PsaAccountId == accounts[2]).CustomerAccount} created.",
            "Confirmed in Finance and Operations after the run stopped before logging it."]);
        var lines = await client.LinesAsync(rerun.GetProperty("id").GetGuid());
        lines.LineFor(accounts[2]).GetProperty("action").GetString().ShouldBe("Unchanged");
        lines.LineFor(accounts[3]).GetProperty("action").GetString().ShouldBe("Unchanged");
        lines.LineFor(accounts[5]).GetProperty("action").GetString().ShouldBe("Created");
        await using (var finance = connected.Databases.OpenFinance()) (await finance.SyncIntents.CountAsync()).ShouldBe(0);
    }

    private static async Task<List<PsaBridge.Finance.Customers.Customer>> FoCustomersAsync(PsaBridgeApp fno)
    {
        await using var finance = fno.Databases.OpenFinance();
        return await finance.Customers.AsNoTracking().ToListAsync();
    }

    /// <summary>Runs the sync on <paramref name="host"/>: its log lines by account name, comparable across hosts.</summary>
    private static async Task<List<string>> SyncAsync(PsaBridgeApp host)
    {
        var client = host.CreateClient();
        var header = await client.RunSyncAsync();
        return (await client.LinesAsync(header.GetProperty("id").GetGuid()))
            .Select(l => $"{l.GetProperty("status").GetString()} {l.GetProperty("action").GetString()} {l.GetProperty("accountName").GetString()} " +
                         $"{Text(l, "customerAccount")} {string.Join(" | ", l.Messages())}")
            .Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>A host's finance customers, one comparable line each (without the PSA ids, which differ between hosts).</summary>
    private static async Task<List<string>> CustomersAsync(PsaBridgeApp host) =>
        (await (await host.CreateClient().GetAsync("/api/finance/customers?pageSize=500")).JsonAsync()).GetProperty("items").EnumerateArray()
        .Select(c => string.Join(" ", new[] { "customerAccount", "name", "relationType", "customerGroupId", "currency", "paymentTerms", "creditLimit", "phone", "email" }
            .Select(p => c.GetProperty(p) is var v && v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText())) + " " + c.GetProperty("address").GetRawText())
        .Order(StringComparer.Ordinal).ToList();

    private static string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
