using System.Collections.Concurrent;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PsaBridge.Finance;
using PsaBridge.Infrastructure.Storage;
using PsaBridge.Integration.CustomerSync;
using PsaBridge.Integration.Sources;
using PsaBridge.Psa;
using PsaBridge.Testing;

namespace PsaBridge.Integration.Tests.CustomerSync;

[Trait("Engine", "Both")]
public sealed class SyncRecoveryTests
{
    /// <summary>Throws once, after the first page of the first run is committed: a crash between pages.</summary>
    private sealed class CrashAfterFirstPage : ISyncObserver
    {
        public bool Armed { get; set; } = true;

        public Task PageCommittedAsync(Guid headerId, int pageNumber, CancellationToken ct)
        {
            if (Armed && pageNumber == 1)
            {
                Armed = false;
                throw new IOException("Simulated crash after page 1");
            }
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task A_failure_after_a_committed_page_leaves_every_account_synced_exactly_once_after_the_next_run()
    {
        var crash = new CrashAfterFirstPage();
        await using var app = await PsaBridgeApp.StartAsync(a => a
            .WithSetting("PsaBridge:CustomerSync:PageSize", "2")
            .WithServices(s => s.AddSingleton<ISyncObserver>(crash)));
        var client = app.CreateClient();
        var ids = new List<Guid>();
        for (var i = 1; i <= 5; i++) ids.Add(await client.CreateAccountAsync($"Account {i}", accountNumber: i % 2 == 0 ? $"ACC{i}" : null));

        var crashed = await client.RunSyncAsync();
        crashed.GetProperty("status").GetString().ShouldBe("Error");
        crashed.GetProperty("message").GetString()!.ShouldContain("Simulated crash after page 1");
        crashed.Count("read").ShouldBe(2);
        crashed.Count("created").ShouldBe(2);
        (await (await client.GetAsync("/api/finance/customers")).JsonAsync()).GetProperty("total").GetInt32().ShouldBe(2);

        var resumed = await client.RunSyncAsync();
        resumed.GetProperty("status").GetString().ShouldBe("Completed");
        resumed.Count("read").ShouldBe(3);
        resumed.Count("created").ShouldBe(3);

        await using var finance = app.Databases.OpenFinance();
        var customers = await finance.Customers.AsNoTracking().ToListAsync();
        customers.Count.ShouldBe(5);
        customers.Select(c => c.PsaAccountId!.Value).OrderBy(g => g).ShouldBe(ids.OrderBy(g => g));
        customers.Select(c => c.CustomerAccount).Distinct().Count().ShouldBe(5);
        var createdLines = await finance.IntegrationLogLines.AsNoTracking().Where(l => l.Action == PsaBridge.Finance.IntegrationLog.SyncAction.Created).ToListAsync();
        createdLines.Select(l => l.PsaAccountId).OrderBy(g => g).ShouldBe(ids.OrderBy(g => g));
    }

    /// <summary>
    /// Holds the writer after every committed page, so the reader looks the next pages up before the pages ahead of them
    /// are written; first makes the edits given for that page, as a user editing PSA accounts while the run goes on.
    /// </summary>
    private sealed class SlowWriter : ISyncObserver
    {
        public Dictionary<int, Func<Task>> EditsAfterPage { get; } = [];

        public async Task PageCommittedAsync(Guid headerId, int pageNumber, CancellationToken ct)
        {
            if (EditsAfterPage.TryGetValue(pageNumber, out var edit)) await edit();
            await Task.Delay(300, ct);
        }
    }

    [Fact]
    public async Task A_page_looked_up_before_the_pages_ahead_of_it_were_written_still_refuses_the_numbers_they_created()
    {
        // A page a run: the reader looks each page up in finance while the writer still writes the two or three before it.
        await using var app = await PsaBridgeApp.StartAsync(a => a
            .WithSetting("PsaBridge:CustomerSync:PageSize", "1")
            .WithServices(s => s.AddSingleton<ISyncObserver>(new SlowWriter())));
        var client = app.CreateClient();
        var alpha = await client.CreateAccountAsync("Alpha", accountNumber: "DUP1");
        var beta = await client.CreateAccountAsync("Beta", accountNumber: "DUP2");
        var gamma = await client.CreateAccountAsync("Gamma", accountNumber: "DUP2");
        var delta = await client.CreateAccountAsync("Delta");
        var epsilon = await client.CreateAccountAsync("Epsilon", accountNumber: "C000001");
        var zeta = await client.CreateAccountAsync("Zeta", accountNumber: "DUP1");
        var eta = await client.CreateAccountAsync("Eta", accountNumber: "DUP3");

        var run = await client.RunSyncAsync();

        run.GetProperty("status").GetString().ShouldBe("Error"); // three accounts failed; the run itself went to the end
        run.Count("read").ShouldBe(7);
        run.Count("created").ShouldBe(4);
        run.Count("failed").ShouldBe(3);
        var lines = await client.LinesAsync(run.GetProperty("id").GetGuid());
        lines.LineFor(gamma).Messages().ShouldBe([
            $"Account number: 'DUP2' is already the customer account of 'Beta', synchronized from PSA account {beta}; nothing was overwritten."]);
        // Delta's number came from the number sequence, in a page written after Epsilon's was looked up.
        lines.LineFor(delta).GetProperty("customerAccount").GetString().ShouldBe("C000001");
        lines.LineFor(epsilon).Messages().ShouldBe([
            $"Account number: 'C000001' is already the customer account of 'Delta', synchronized from PSA account {delta}; nothing was overwritten."]);
        lines.LineFor(zeta).Messages().ShouldBe([
            $"Account number: 'DUP1' is already the customer account of 'Alpha', synchronized from PSA account {alpha}; nothing was overwritten."]);
        lines.LineFor(eta).GetProperty("customerAccount").GetString().ShouldBe("DUP3");

        await using var finance = app.Databases.OpenFinance();
        var customers = await finance.Customers.AsNoTracking().OrderBy(c => c.CustomerAccount).Select(c => new { c.CustomerAccount, c.Name, c.PsaAccountId }).ToListAsync();
        customers.Select(c => (c.CustomerAccount, c.Name, c.PsaAccountId)).ShouldBe([
            ("C000001", "Delta", (Guid?)delta), ("DUP1", "Alpha", alpha), ("DUP2", "Beta", beta), ("DUP3", "Eta", eta)]);
    }

    /// <summary>The PSA database as the sync's source, telling the test when the reader has read a given account.</summary>
    private sealed class WatchedSource(IDbContextFactory<PsaDb> contexts) : IPsaAccountSource
    {
        private readonly PsaDbAccountSource _source = new(contexts);
        private readonly ConcurrentDictionary<Guid, TaskCompletionSource> _read = new();

        public Task HasReadAsync(Guid id) => Signal(id).Task.WaitAsync(TimeSpan.FromMinutes(1));

        public async Task<IReadOnlyList<PsaAccountRecord>> ReadChangedAsync(long afterVersion, int pageSize, CancellationToken ct)
        {
            var page = await _source.ReadChangedAsync(afterVersion, pageSize, ct);
            foreach (var account in page) Signal(account.Id).TrySetResult();
            return page;
        }

        public Task<IReadOnlyList<PsaAccountRecord>> ReadByIdsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) => _source.ReadByIdsAsync(ids, ct);
        public Task<int> CountChangedAsync(long afterVersion, CancellationToken ct) => _source.CountChangedAsync(afterVersion, ct);

        private TaskCompletionSource Signal(Guid id) => _read.GetOrAdd(id, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));
    }

    [Fact]
    public async Task An_account_edited_in_PSA_during_the_run_comes_again_and_updates_its_customer_or_clears_its_failure()
    {
        var edits = new SlowWriter();
        WatchedSource? source = null;
        await using var app = await PsaBridgeApp.StartAsync(a => a
            .WithSetting("PsaBridge:CustomerSync:PageSize", "1")
            .WithServices(s => s
                .AddSingleton<ISyncObserver>(edits)
                .AddSingleton<IPsaAccountSource>(sp => source = new WatchedSource(sp.GetRequiredService<IDbContextFactory<PsaDb>>()))));
        var client = app.CreateClient();
        var alpha = await client.CreateAccountAsync("Alpha");
        var beta = await client.CreateAccountAsync("Beta", paymentTerms: "Net90"); // fails: no such payment term
        var gamma = await client.CreateAccountAsync("Gamma", accountNumber: "GAMMA");
        var delta = await client.CreateAccountAsync("Delta");
        // Gamma is edited once the reader has read it and while its first page waits to be written (the reader runs at
        // most three pages ahead, so it cannot have looked past Delta yet), so its second reading is looked up before that
        // page commits; Beta is mended after its failure is committed, before the run has a failure from before it.
        edits.EditsAfterPage[1] = async () =>
        {
            await source!.HasReadAsync(gamma);
            await client.PatchAccountAsync(gamma, new { telephone1 = "+1 206 555 0199" });
        };
        edits.EditsAfterPage[2] = () => client.PatchAccountAsync(beta, new { paymentTerms = "Net30" });

        var run = await client.RunSyncAsync();

        run.GetProperty("message").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        (run.Count("read"), run.Count("created"), run.Count("updated"), run.Count("failed")).ShouldBe((6, 4, 1, 1));
        run.GetProperty("status").GetString().ShouldBe("Error"); // Beta's first attempt failed
        var lines = (await client.LinesAsync(run.GetProperty("id").GetGuid())).ToLookup(l => l.GetProperty("psaAccountId").GetGuid());
        lines[gamma].Select(l => l.GetProperty("action").GetString()).ShouldBe(["Created", "Updated"]);
        lines[beta].Select(l => l.GetProperty("status").GetString()).ShouldBe(["Error", "Completed"]);
        (await client.CustomerForAsync(gamma))!.Value.GetProperty("phone").GetString().ShouldBe("+1 206 555 0199");
        (await client.CustomerForAsync(beta))!.Value.GetProperty("paymentTerms").GetString().ShouldBe("Net30");

        await using var finance = app.Databases.OpenFinance();
        (await finance.Customers.CountAsync()).ShouldBe(4);
        (await finance.SyncFailures.AsNoTracking().Select(f => f.PsaAccountId).ToListAsync()).ShouldBeEmpty(); // Beta's failure cleared
        foreach (var once in new[] { alpha, delta }) lines[once].ShouldHaveSingleItem().GetProperty("action").GetString().ShouldBe("Created");
    }

    /// <summary>
    /// After the first page of the first run, another node takes the run's lease over, as when this one stalled past the
    /// lease's expiry.
    /// </summary>
    private sealed class LeaseTakenOver(IDbContextFactory<FinanceDb> contexts) : ISyncObserver
    {
        public const string Owner = "other-node/1/lease";
        private bool _taken;

        public async Task PageCommittedAsync(Guid headerId, int pageNumber, CancellationToken ct)
        {
            if (pageNumber != 1 || _taken) return;
            _taken = true;
            await using var db = await contexts.CreateDbContextAsync(ct);
            await db.JobLeases.Where(l => l.Job == SynchronizeCustomers.Job)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.Owner, Owner).SetProperty(l => l.ExpiresAt, DateTime.UtcNow.AddHours(1)), ct);
        }
    }

    [Fact]
    public async Task A_run_that_lost_its_lease_writes_no_further_page()
    {
        await using var app = await PsaBridgeApp.StartAsync(a => a
            .WithSetting("PsaBridge:CustomerSync:PageSize", "2")
            .WithServices(s => s.AddSingleton<ISyncObserver, LeaseTakenOver>()));
        var client = app.CreateClient();
        var ids = new List<Guid>();
        for (var i = 1; i <= 5; i++) ids.Add(await client.CreateAccountAsync($"Account {i}"));

        var stopped = await client.RunSyncAsync();
        stopped.GetProperty("status").GetString().ShouldBe("Error");
        stopped.GetProperty("message").GetString()!.ShouldContain("The run lost its lease");
        stopped.Count("read").ShouldBe(2);
        stopped.Count("created").ShouldBe(2);

        // The second page was planned but rolled back: only the first page's customers, log lines and watermark stand.
        await using var finance = app.Databases.OpenFinance();
        (await finance.Customers.AsNoTracking().Select(c => c.PsaAccountId!.Value).OrderBy(g => g).ToListAsync()).ShouldBe(ids.Take(2).OrderBy(g => g));
        (await finance.IntegrationLogLines.CountAsync()).ShouldBe(2);
        (await finance.JobLeases.AsNoTracking().SingleAsync(l => l.Job == SynchronizeCustomers.Job)).Owner.ShouldBe(LeaseTakenOver.Owner);
        // The second page's two numbers (CUST is not continuous): on SQLite taken in the page's transaction and given back with it;
        // on PostgreSQL taken by a commit of their own before it, so they stay taken (a gap, which such a sequence allows).
        (await finance.NumberSequences.AsNoTracking().SingleAsync(n => n.Code == "CUST")).Next.ShouldBe(TestDatabases.Engine == DatabaseEngine.Sqlite ? 3 : 5);
        await using (var psa = app.Databases.OpenPsa())
        {
            var secondVersion = await psa.Accounts.Where(a => a.Id == ids[1]).Select(a => a.VersionNumber).SingleAsync();
            (await finance.SyncWatermarks.AsNoTracking().SingleAsync(w => w.Job == SynchronizeCustomers.Job)).LastVersion.ShouldBe(secondVersion);
        }

        // Once the other node lets the job go, the next run goes on after the first page: every account synced exactly once.
        await finance.JobLeases.Where(l => l.Job == SynchronizeCustomers.Job)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Owner, (string?)null).SetProperty(l => l.ExpiresAt, (DateTime?)null));
        var resumed = await client.RunSyncAsync();
        resumed.GetProperty("status").GetString().ShouldBe("Completed");
        (resumed.Count("read"), resumed.Count("created")).ShouldBe((3, 3));
        var customers = await finance.Customers.AsNoTracking().ToListAsync();
        customers.Select(c => c.PsaAccountId!.Value).OrderBy(g => g).ShouldBe(ids.OrderBy(g => g));
        customers.Select(c => c.CustomerAccount).Distinct().Count().ShouldBe(5);
        (await finance.IntegrationLogLines.AsNoTracking().Select(l => l.PsaAccountId).ToListAsync()).Order().ShouldBe(ids.Order());
    }

    [Fact]
    public async Task A_run_is_refused_while_another_runs()
    {
        var gate = new SyncGate();
        await using var app = await PsaBridgeApp.StartAsync(a => a.WithServices(s => s.AddSingleton<ISyncObserver>(gate)));
        var client = app.CreateClient();
        await client.CreateAccountAsync("Fourth Coffee");

        var started = await client.PostAsync("/api/integration/jobs/customers/run?wait=false", null);
        started.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var id = (await started.JsonAsync()).GetProperty("id").GetGuid();
        await gate.Reached.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var refused = await client.PostAsync("/api/integration/jobs/customers/run", null);
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = await refused.JsonAsync();
        problem.GetProperty("detail").GetString()!.ShouldContain("is already running");
        problem.GetProperty("detail").GetString()!.ShouldContain(id.ToString());

        gate.Release.SetResult();
        for (var i = 0; i < 100; i++)
        {
            var header = await (await client.GetAsync($"/api/integration/log/{id}")).JsonAsync();
            if (header.GetProperty("status").GetString() != "Running")
            {
                header.GetProperty("status").GetString().ShouldBe("Completed");
                header.Count("created").ShouldBe(1);
                return;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("The background run did not finish.");
    }
}
