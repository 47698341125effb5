using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PsaBridge.Finance.IntegrationLog;
using PsaBridge.Integration.CustomerSync;
using PsaBridge.Integration.Log;
using PsaBridge.Integration.Scheduling;
using PsaBridge.Integration.Sources;
using PsaBridge.Psa;
using PsaBridge.Testing;

namespace PsaBridge.Integration.Tests.CustomerSync;

/// <summary>Faults that once stopped the integration for everyone: each now stops at most one account or one run.</summary>
[Trait("Engine", "Both")]
public sealed class SyncFaultTests
{
    /// <summary>
    /// Hands one account over with a NUL character in its name, as a PSA store that holds one (Dataverse, SQLite) would:
    /// PostgreSQL's PSA database cannot hold it, so it goes in where the source hands the account to the sync.
    /// </summary>
    private sealed class NulInName(IDbContextFactory<PsaDb> contexts) : IPsaAccountSource
    {
        private readonly PsaDbAccountSource _psa = new(contexts);
        public Guid Account { get; set; }

        public async Task<IReadOnlyList<PsaAccountRecord>> ReadChangedAsync(long afterVersion, int pageSize, CancellationToken ct) =>
            Spoil(await _psa.ReadChangedAsync(afterVersion, pageSize, ct));

        public async Task<IReadOnlyList<PsaAccountRecord>> ReadByIdsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
            Spoil(await _psa.ReadByIdsAsync(ids, ct));

        public Task<int> CountChangedAsync(long afterVersion, CancellationToken ct) => _psa.CountChangedAsync(afterVersion, ct);

        private List<PsaAccountRecord> Spoil(IReadOnlyList<PsaAccountRecord> page) =>
            page.Select(a => a.Id == Account ? a with { Name = "Fourth\0Coffee" } : a).ToList();
    }

    [Fact]
    public async Task A_value_finance_cannot_store_fails_its_account_alone_naming_the_field()
    {
        NulInName? source = null;
        await using var app = await PsaBridgeApp.StartAsync(a => a.WithServices(s =>
            s.AddSingleton<IPsaAccountSource>(sp => source = new NulInName(sp.GetRequiredService<IDbContextFactory<PsaDb>>()))));
        var client = app.CreateClient();
        var good = await client.CreateAccountAsync("Alpine Ski House");
        var bad = await client.CreateAccountAsync("Fourth Coffee");
        var other = await client.CreateAccountAsync("Contoso");
        app.Service<IPsaAccountSource>();
        source!.Account = bad;

        var run = await client.RunSyncAsync();
        (run.Count("read"), run.Count("created"), run.Count("failed")).ShouldBe((3, 2, 1));
        var lines = await client.LinesAsync(run.GetProperty("id").GetGuid());
        var line = lines.LineFor(bad);
        line.GetProperty("status").GetString().ShouldBe("Error");
        line.Messages().ShouldBe(["Name: holds a NUL character (U+0000), which finance cannot store; remove it in PSA."]);
        line.GetProperty("accountName").GetString().ShouldBe("Fourth\uFFFDCoffee");
        (await client.CustomerForAsync(good)).ShouldNotBeNull();
        (await client.CustomerForAsync(other)).ShouldNotBeNull();
        (await client.CustomerForAsync(bad)).ShouldBeNull();
    }

    [Fact]
    public async Task A_currency_finance_does_not_have_fails_the_line_naming_it()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();
        var xyz = await client.CreateAccountAsync("Fabrikam", currency: "XYZ");
        var usd = await client.CreateAccountAsync("Contoso");

        var run = await client.RunSyncAsync();
        (run.Count("created"), run.Count("failed")).ShouldBe((1, 1));
        (await client.LinesAsync(run.GetProperty("id").GetGuid())).LineFor(xyz).Messages().ShouldBe(["Currency: 'XYZ' does not exist in finance."]);
        // A run whose account failed went to its end: an Error, not an interrupted run.
        (run.GetProperty("status").GetString(), run.GetProperty("statusLabel").GetString()).ShouldBe(("Error", "Error"));
        (await client.CustomerForAsync(xyz)).ShouldBeNull();
        (await client.CustomerForAsync(usd))!.Value.GetProperty("currency").GetString().ShouldBe("USD");
    }

    /// <summary>The lease of a process of this node that is gone: an exited child's id.</summary>
    private static string DeadOwner()
    {
        using var child = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        child.WaitForExit();
        return $"{Environment.MachineName}/{child.Id}/{DateTime.UtcNow.Ticks}/run";
    }

    private static Task<Guid> KilledRunAsync(PsaBridgeApp app) => RunHeldByAsync(app, DeadOwner(), DateTime.UtcNow.AddHours(1));

    /// <summary>A Running header whose lease <paramref name="owner"/> holds until <paramref name="expires"/>.</summary>
    private static async Task<Guid> RunHeldByAsync(PsaBridgeApp app, string owner, DateTime expires)
    {
        await using var finance = app.Databases.OpenFinance();
        var header = new IntegrationLogHeader { JobDescription = SynchronizeCustomers.Description, ExecutionDate = DateTime.UtcNow, Status = IntegrationStatus.Running };
        finance.IntegrationLogHeaders.Add(header);
        await finance.SaveChangesAsync();
        var now = DateTime.UtcNow;
        await finance.Database.ExecuteSqlAsync($"INSERT INTO \"JobLeases\" (\"Job\") VALUES ({SynchronizeCustomers.Job}) ON CONFLICT (\"Job\") DO NOTHING");
        await finance.JobLeases.Where(l => l.Job == SynchronizeCustomers.Job).ExecuteUpdateAsync(s => s
            .SetProperty(l => l.Owner, owner).SetProperty(l => l.AcquiredAt, now).SetProperty(l => l.ExpiresAt, expires).SetProperty(l => l.HeaderId, header.Id));
        return header.Id;
    }

    [Fact]
    public async Task A_run_killed_with_its_process_does_not_block_the_next_and_shows_as_interrupted()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();
        var account = await client.CreateAccountAsync("Fourth Coffee");
        var killed = await KilledRunAsync(app);

        // Its lease has an hour left, but its process is gone from this node: the next run takes it over at once.
        var run = await client.RunSyncAsync();
        run.GetProperty("status").GetString().ShouldBe("Completed");
        (await client.CustomerForAsync(account)).ShouldNotBeNull();
        var header = await (await client.GetAsync($"/api/integration/log/{killed}")).JsonAsync();
        (header.GetProperty("status").GetString(), header.GetProperty("statusLabel").GetString()).ShouldBe(("Error", "Interrupted"));
        header.GetProperty("message").GetString().ShouldBe(RunLog.InterruptedMessage);
        run.GetProperty("statusLabel").GetString().ShouldBe("Completed");
    }

    [Fact]
    public async Task The_schedule_shows_a_run_killed_with_its_process_as_interrupted_not_running()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();
        var killed = await KilledRunAsync(app);

        var schedule = await (await client.GetAsync("/api/integration/jobs/customers/schedule")).JsonAsync();

        schedule.GetProperty("lastHeaderId").GetGuid().ShouldBe(killed);
        (schedule.GetProperty("lastStatus").GetString(), schedule.GetProperty("lastStatusLabel").GetString()).ShouldBe(("Error", "Interrupted"));
        schedule.GetProperty("running").GetBoolean().ShouldBeFalse();
        var header = await (await client.GetAsync($"/api/integration/log/{killed}")).JsonAsync();
        header.GetProperty("statusLabel").GetString().ShouldBe("Interrupted"); // the log says the same before any run takes the lease over
    }

    [Fact]
    public async Task A_lease_another_node_holds_refuses_the_run_until_it_expires_then_is_taken_over_and_its_run_reads_interrupted()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();
        var account = await client.CreateAccountAsync("Fourth Coffee");
        var other = await RunHeldByAsync(app, "other-host/1/1/x", DateTime.UtcNow.AddMinutes(5));

        // Another machine's process cannot be looked up from here: only the lease's expiry tells that it stopped.
        var refused = await client.PostAsync("/api/integration/jobs/customers/run", null);
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await refused.JsonAsync()).GetProperty("detail").GetString()!.ShouldContain("by other-host");
        (await (await client.GetAsync($"/api/integration/log/{other}")).JsonAsync()).GetProperty("statusLabel").GetString().ShouldBe("Running");
        await using (var finance = app.Databases.OpenFinance())
        {
            var expired = DateTime.UtcNow.AddSeconds(-1);
            await finance.JobLeases.Where(l => l.Job == SynchronizeCustomers.Job).ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, expired));
        }

        var run = await client.RunSyncAsync();

        run.GetProperty("status").GetString().ShouldBe("Completed");
        run.Count("created").ShouldBe(1);
        (await client.CustomerForAsync(account)).ShouldNotBeNull();
        var old = await (await client.GetAsync($"/api/integration/log/{other}")).JsonAsync();
        (old.GetProperty("status").GetString(), old.GetProperty("statusLabel").GetString()).ShouldBe(("Error", "Interrupted"));
        await using var after = app.Databases.OpenFinance();
        (await after.JobLeases.AsNoTracking().SingleAsync(l => l.Job == SynchronizeCustomers.Job)).Owner.ShouldBeNull();
    }

    [Fact]
    public async Task A_node_releases_the_leases_of_its_dead_processes_at_start_and_the_error_view_lists_their_runs()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();
        var killed = await KilledRunAsync(app);

        (await app.Service<JobLeases>().ReleaseDeadOfThisNodeAsync(CancellationToken.None)).ShouldBe(1);
        (await app.Service<JobLeases>().CurrentAsync(SynchronizeCustomers.Job, CancellationToken.None)).ShouldBeNull();
        var errors = (await (await client.GetAsync("/api/integration/log")).JsonAsync()).GetProperty("items").EnumerateArray().ToList();
        var listed = errors.Single(h => h.GetProperty("id").GetGuid() == killed);
        listed.GetProperty("message").GetString().ShouldBe(RunLog.InterruptedMessage);
        (listed.GetProperty("status").GetString(), listed.GetProperty("statusLabel").GetString()).ShouldBe(("Error", "Interrupted"));

        // A header left Running with no live lease (its lease expired, nobody started since) is listed with the errors too.
        await using var finance = app.Databases.OpenFinance();
        var orphan = new IntegrationLogHeader { JobDescription = SynchronizeCustomers.Description, ExecutionDate = DateTime.UtcNow, Status = IntegrationStatus.Running };
        finance.IntegrationLogHeaders.Add(orphan);
        await finance.SaveChangesAsync();
        var shown = await (await client.GetAsync($"/api/integration/log/{orphan.Id}")).JsonAsync();
        (shown.GetProperty("status").GetString(), shown.GetProperty("statusLabel").GetString()).ShouldBe(("Error", "Interrupted"));
        shown.GetProperty("message").GetString().ShouldBe(RunLog.InterruptedMessage);
        (await (await client.GetAsync("/api/integration/log")).JsonAsync()).GetProperty("items").EnumerateArray()
            .Select(h => (h.GetProperty("id").GetGuid(), h.GetProperty("statusLabel").GetString())).ShouldBe([(orphan.Id, "Interrupted"), (killed, "Interrupted")]);
    }

    [Fact]
    public async Task A_run_stopped_by_shutdown_writes_its_final_status_and_releases_its_lease()
    {
        var gate = new SyncGate();
        await using var app = await PsaBridgeApp.StartAsync(a => a
            .WithSetting("PsaBridge:CustomerSync:PageSize", "2")
            .WithServices(s => s.AddSingleton<ISyncObserver>(gate)));
        var client = app.CreateClient();
        for (var i = 1; i <= 5; i++) await client.CreateAccountAsync($"Account {i}");

        using var scope = app.Services.CreateScope();
        var job = scope.ServiceProvider.GetRequiredService<SynchronizeCustomers>();
        using var stopping = new CancellationTokenSource();
        var run = await job.StartAsync(new SyncRequest());
        var execute = job.ExecuteAsync(run, ct: stopping.Token);
        await gate.Reached.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await stopping.CancelAsync();
        var stopped = false;
        try { await execute; }
        catch (OperationCanceledException) { stopped = true; }
        stopped.ShouldBeTrue();

        await using var finance = app.Databases.OpenFinance();
        var header = await finance.IntegrationLogHeaders.AsNoTracking().SingleAsync(h => h.Id == run.Header.Id);
        (header.Status, header.ReadCount, header.FinishedAt is not null).ShouldBe((IntegrationStatus.Error, 2, true));
        header.Message!.ShouldStartWith("Interrupted");
        (await finance.JobLeases.AsNoTracking().SingleAsync(l => l.Job == SynchronizeCustomers.Job)).Owner.ShouldBeNull();
        (await finance.Customers.CountAsync()).ShouldBe(2);
    }

    [Fact]
    public async Task A_live_run_held_past_its_lease_keeps_it_by_renewal_and_the_next_run_is_still_refused()
    {
        var gate = new SyncGate();
        await using var app = await PsaBridgeApp.StartAsync(a => a
            .WithSetting("PsaBridge:CustomerSync:LeaseSeconds", "8")
            .WithServices(s => s.AddSingleton<ISyncObserver>(gate)));
        var client = app.CreateClient();
        await client.CreateAccountAsync("Fourth Coffee");
        (await client.PostAsync("/api/integration/jobs/customers/run?wait=false", null)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await gate.Reached.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await using var finance = app.Databases.OpenFinance();
        var taken = await finance.JobLeases.AsNoTracking().SingleAsync(l => l.Job == SynchronizeCustomers.Job);

        // Wait until the lease as first taken has run out: only its renewals, every 2 s, keep the run's hold on the job.
        while (DateTime.UtcNow < taken.ExpiresAt!.Value.AddSeconds(1)) await Task.Delay(250);

        var held = await finance.JobLeases.AsNoTracking().SingleAsync(l => l.Job == SynchronizeCustomers.Job);
        (held.Owner, held.HeaderId).ShouldBe((taken.Owner, taken.HeaderId));
        held.ExpiresAt!.Value.ShouldBeGreaterThan(taken.ExpiresAt.Value);
        (await client.PostAsync("/api/integration/jobs/customers/run", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        gate.Release.SetResult();
        (await client.FinishedRunAsync(taken.HeaderId!.Value)).GetProperty("status").GetString().ShouldBe("Completed");
    }

    [Fact]
    public async Task A_batch_run_asked_for_while_a_run_goes_on_is_refused_not_dropped()
    {
        var gate = new SyncGate();
        await using var app = await PsaBridgeApp.StartAsync(a => a.WithServices(s => s.AddSingleton<ISyncObserver>(gate)));
        var client = app.CreateClient();
        await client.CreateAccountAsync("Fourth Coffee");
        (await client.PostAsync("/api/integration/jobs/customers/run?wait=false", null)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await gate.Reached.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var refused = await client.PostAsync("/api/integration/jobs/customers/run?batch=true", null);
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await refused.JsonAsync()).GetProperty("detail").GetString()!.ShouldContain("is already running");
        gate.Release.SetResult();
    }

    [Fact]
    public async Task One_account_synchronized_now_leaves_the_others_and_the_watermark_for_the_next_run()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();
        var now = await client.CreateAccountAsync("Fourth Coffee");
        var later = await client.CreateAccountAsync("Contoso");

        var response = await client.PostAsync($"/api/integration/jobs/customers/accounts/{now}/run", null);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var one = await response.JsonAsync();
        (one.GetProperty("status").GetString(), one.Count("read"), one.Count("created")).ShouldBe(("Completed", 1, 1));
        one.GetProperty("jobDescription").GetString().ShouldBe($"{SynchronizeCustomers.Description}: account Fourth Coffee");
        (await client.CustomerForAsync(now)).ShouldNotBeNull();
        (await client.CustomerForAsync(later)).ShouldBeNull();

        var next = await client.RunSyncAsync();
        (next.Count("read"), next.Count("created"), next.Count("unchanged")).ShouldBe((2, 1, 1));
        (await client.PostAsync($"/api/integration/jobs/customers/accounts/{Guid.NewGuid()}/run", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_cancelled_run_stops_after_its_current_page_and_says_so()
    {
        var gate = new SyncGate();
        await using var app = await PsaBridgeApp.StartAsync(a => a
            .WithSetting("PsaBridge:CustomerSync:PageSize", "2")
            .WithServices(s => s.AddSingleton<ISyncObserver>(gate)));
        var client = app.CreateClient();
        for (var i = 1; i <= 5; i++) await client.CreateAccountAsync($"Account {i}");
        var started = await client.PostAsync("/api/integration/jobs/customers/run?wait=false", null);
        var id = (await started.JsonAsync()).GetProperty("id").GetGuid();
        await gate.Reached.Task.WaitAsync(TimeSpan.FromSeconds(30));

        (await client.PostAsync($"/api/integration/jobs/customers/runs/{id}/cancel", null)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        gate.Release.SetResult();
        var header = await client.FinishedRunAsync(id);
        (header.GetProperty("status").GetString(), header.Count("read"), header.Count("created")).ShouldBe(("Error", 2, 2));
        header.GetProperty("message").GetString()!.ShouldStartWith("Cancelled");
        (await client.PostAsync($"/api/integration/jobs/customers/runs/{id}/cancel", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var rest = await client.RunSyncAsync();
        (rest.GetProperty("status").GetString(), rest.Count("read"), rest.Count("created")).ShouldBe(("Completed", 3, 3));
    }
}
