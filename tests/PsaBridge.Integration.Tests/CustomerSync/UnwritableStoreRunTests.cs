using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PsaBridge.Infrastructure.Storage;
using PsaBridge.Integration.CustomerSync;
using PsaBridge.Testing;

namespace PsaBridge.Integration.Tests.CustomerSync;

/// <summary>
/// Issue 21, fault 3: a finance store that stops taking writes in the middle of a run (a full disk, a read-only volume)
/// once left the header Running and the lease held while the caller was told Error.
/// </summary>
[Trait("Engine", "Both")]
public sealed class UnwritableStoreRunTests
{
    [Fact]
    public async Task A_finance_store_that_stops_taking_writes_mid_run_ends_the_run_in_error_and_frees_the_job()
    {
        var gate = new SyncGate();
        // A lease far longer than the test: only the run letting it go frees the job, not its expiry.
        await using var app = await PsaBridgeApp.StartAsync(a => a
            .WithSetting("PsaBridge:CustomerSync:PageSize", "2")
            .WithSetting("PsaBridge:CustomerSync:LeaseSeconds", "600")
            .WithServices(s => s.AddSingleton<ISyncObserver>(gate)));
        var client = app.CreateClient();
        var ids = new List<Guid>();
        for (var i = 1; i <= 5; i++) ids.Add(await client.CreateAccountAsync($"Account {i}"));

        var caller = client.PostAsync("/api/integration/jobs/customers/run", null);
        await gate.Reached.Task.WaitAsync(TimeSpan.FromSeconds(60));
        JsonElement told;
        await using (await UnwritableStore.MakeAsync(app.Databases.Finance))
        {
            gate.Release.SetResult();
            var response = await caller.WaitAsync(TimeSpan.FromSeconds(60));
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            told = await response.JsonAsync();
        }

        // The caller is told Error, why, and that the first page stands.
        (told.GetProperty("status").GetString(), told.Count("read"), told.Count("created")).ShouldBe(("Error", 2, 2));
        var why = told.GetProperty("message").GetString()!;
        why.ShouldStartWith("The run stopped: ");
        why.ShouldContain(TestDatabases.Engine == DatabaseEngine.Sqlite ? "disk I/O error" : "read-only transaction");
        var id = told.GetProperty("id").GetGuid();

        // Once the store takes writes again, the header says how the run ended and the job is free: the log no longer
        // shows it Running, and the next run starts at once although the lease, had it been kept, would last minutes.
        var header = await client.FinishedRunAsync(id);
        (header.GetProperty("status").GetString(), header.GetProperty("message").GetString()).ShouldBe(("Error", why));
        header.GetProperty("finishedAt").ValueKind.ShouldBe(JsonValueKind.String);
        await using (var finance = app.Databases.OpenFinance())
        {
            var stored = await finance.IntegrationLogHeaders.AsNoTracking().SingleAsync(h => h.Id == id);
            (stored.Status, stored.Message, stored.ReadCount, stored.CreatedCount).ShouldBe((PsaBridge.Finance.IntegrationLog.IntegrationStatus.Error, why, 2, 2));
            (await finance.JobLeases.AsNoTracking().SingleAsync(l => l.Job == SynchronizeCustomers.Job)).Owner.ShouldBeNull();
            (await finance.Customers.AsNoTracking().Select(c => c.PsaAccountId!.Value).ToListAsync()).Order().ShouldBe(ids.Take(2).Order());
            (await finance.IntegrationLogLines.AsNoTracking().Where(l => l.HeaderId == id).Select(l => l.PsaAccountId).ToListAsync()).Order().ShouldBe(ids.Take(2).Order());
        }

        var next = await client.RunSyncAsync();
        (next.GetProperty("status").GetString(), next.Count("read"), next.Count("created")).ShouldBe(("Completed", 3, 3));
        await using (var finance = app.Databases.OpenFinance())
            (await finance.Customers.AsNoTracking().Select(c => c.PsaAccountId!.Value).ToListAsync()).Order().ShouldBe(ids.Order());
    }
}
