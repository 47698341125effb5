using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PsaBridge.Finance.IntegrationLog;
using PsaBridge.Infrastructure.Storage;
using PsaBridge.Psa.Accounts;
using PsaBridge.Testing;
using Xunit.Abstractions;

namespace PsaBridge.Integration.Tests.Scheduling;

/// <summary>
/// Two PsaBridge server processes on loopback sharing one PostgreSQL, with Quartz's clustered job
/// store: a firing runs on one node only, and when the node running it is killed the other takes
/// the job over and finishes it, with every account synchronized exactly once. Always on
/// PostgreSQL (the clustered store is PostgreSQL's), whatever engine the rest of the run uses.
/// </summary>
public sealed class ClusterTests(ITestOutputHelper output)
{
    private const int Accounts = 4_000;

    [Fact]
    public async Task A_killed_node_is_taken_over_and_each_firing_runs_once()
    {
        var databases = await TestDatabases.CreateAsync(DatabaseEngine.PostgreSql);
        await ImportAccountsAsync(databases);

        await using var nodeA = await Node.StartAsync(databases, "A", output);
        await using var nodeB = await Node.StartAsync(databases, "B", output);

        var queued = await nodeA.Client.PostAsync("/api/integration/jobs/customers/run?batch=true", null);
        queued.StatusCode.ShouldBe(HttpStatusCode.Accepted);

        // Find the node that took the firing (the lease names its process) and kill it mid-run.
        var (owner, header) = await WaitForAsync(async () =>
        {
            await using var finance = databases.OpenFinance();
            var lease = await finance.JobLeases.AsNoTracking().SingleOrDefaultAsync(l => l.Owner != null);
            if (lease is null) return default;
            // The lease is taken just before the run's header is written.
            var h = await finance.IntegrationLogHeaders.AsNoTracking().SingleOrDefaultAsync(x => x.Id == lease.HeaderId);
            return h is { ReadCount: >= 200 } ? (lease.Owner, h) : default;
        }, "a batch run to commit its first pages");
        var pid = int.Parse(owner!.Split('/')[1]);
        var (victim, survivor) = nodeA.Pid == pid ? (nodeA, nodeB) : (nodeB, nodeA);
        victim.Pid.ShouldBe(pid);
        header.BatchJobId.ShouldNotBeNullOrEmpty();
        victim.Kill();
        output.WriteLine($"killed node {victim.Name} after {header.ReadCount} accounts");

        var completed = await WaitForAsync(async () =>
        {
            await using var finance = databases.OpenFinance();
            return await finance.IntegrationLogHeaders.AsNoTracking().Where(h => h.Status == IntegrationStatus.Completed).FirstOrDefaultAsync();
        }, "the surviving node to finish the job", TimeSpan.FromSeconds(120));
        completed.BatchJobId.ShouldNotBeNullOrEmpty();

        await using (var finance = databases.OpenFinance())
        {
            var interrupted = await finance.IntegrationLogHeaders.AsNoTracking().SingleAsync(h => h.Id == header.Id);
            interrupted.Status.ShouldBe(IntegrationStatus.Error);
            interrupted.Message!.ShouldStartWith("Interrupted");
            (await finance.Customers.CountAsync()).ShouldBe(Accounts);
            (await finance.Customers.Select(c => c.PsaAccountId).Distinct().CountAsync()).ShouldBe(Accounts);
            var created = await finance.IntegrationLogLines.AsNoTracking().Where(l => l.Action == SyncAction.Created).Select(l => l.PsaAccountId).ToListAsync();
            created.Count.ShouldBe(Accounts);
            created.Distinct().Count().ShouldBe(Accounts);
            (interrupted.CreatedCount + completed.CreatedCount).ShouldBe(Accounts);
        }

        // One more firing with one node left, then with a fresh second node: one header per firing.
        await using var nodeC = await Node.StartAsync(databases, "C", output);
        int before;
        await using (var finance = databases.OpenFinance()) before = await finance.IntegrationLogHeaders.CountAsync();
        (await survivor.Client.PostAsync("/api/integration/jobs/customers/run?batch=true", null)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await WaitForAsync(async () =>
        {
            await using var finance = databases.OpenFinance();
            return await finance.IntegrationLogHeaders.CountAsync(h => h.Status == IntegrationStatus.Completed) >= 2 ? (object)true : null;
        }, "the second firing");
        await Task.Delay(TimeSpan.FromSeconds(3));
        await using (var finance = databases.OpenFinance())
            (await finance.IntegrationLogHeaders.CountAsync()).ShouldBe(before + 1);
    }

    private static async Task ImportAccountsAsync(TestDatabasePair databases)
    {
        var csv = new StringBuilder("name,accountNumber,currency,line1,city,stateOrProvince,postalCode,country,creditLimit,paymentTerms\n");
        for (var i = 1; i <= Accounts; i++) csv.Append($"Customer {i},{(i % 3 == 0 ? "" : $"K{i:D6}")},USD,{i} Main St,Seattle,WA,98101,US,1000,Net30\n");
        await using var psa = databases.OpenPsa();
        var report = await new ImportAccounts(psa, TimeProvider.System).RunAsync(new StringReader(csv.ToString()));
        report.Imported.ShouldBe(Accounts);
    }

    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe, string what, TimeSpan? timeout = null)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < (timeout ?? TimeSpan.FromSeconds(60)))
        {
            var value = await probe();
            if (value is not null && !EqualityComparer<T>.Default.Equals(value, default!)) return value;
            await Task.Delay(200);
        }
        throw new TimeoutException($"Waited {deadline.Elapsed.TotalSeconds:F0}s for {what}.");
    }

    /// <summary>A PsaBridge server process on a free loopback port.</summary>
    private sealed class Node : IAsyncDisposable
    {
        // A new process JITs the whole server and checks both schemas; beside the other test assemblies on two cores that
        // has taken over a minute, so its start is given longer than the waits for what it does once up.
        private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

        private readonly Process _process;

        private Node(string name, Process process, int port)
        {
            Name = name;
            _process = process;
            Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        }

        public string Name { get; }
        public HttpClient Client { get; }
        public int Pid => _process.Id;

        public static async Task<Node> StartAsync(TestDatabasePair databases, string name, ITestOutputHelper output)
        {
            var dll = typeof(Program).Assembly.Location;
            var port = FreePort();
            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[]
                     {
                         dll, "--urls", $"http://127.0.0.1:{port}", "--environment", "Testing",
                         $"--ConnectionStrings:Psa={databases.Psa.ConnectionString}", $"--ConnectionStrings:Finance={databases.Finance.ConnectionString}",
                         "--PsaBridge:Scheduler:Clustered=true", "--PsaBridge:CustomerSync:Schedule:Enabled=false",
                         "--PsaBridge:CustomerSync:PageSize=20", "--PsaBridge:CustomerSync:LeaseSeconds=6", "--Logging:LogLevel:Default=Warning",
                     })
                start.ArgumentList.Add(arg);
            var process = Process.Start(start)!;
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) Log(output, name, e.Data); };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Log(output, name, e.Data); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var node = new Node(name, process, port);
            node.Client.DefaultRequestHeaders.Authorization =
                new("Bearer", (await TestUsers.CreateAsync(databases, PsaBridge.Web.Security.Roles.Administrator)).Token);
            await WaitForAsync(async () =>
            {
                if (process.HasExited) throw new InvalidOperationException($"Node {name} exited with {process.ExitCode}.");
                try { return (await node.Client.GetAsync("/health")).IsSuccessStatusCode ? (object)true : null; }
                catch (HttpRequestException) { return null; }
            }, $"node {name} to answer /health", StartTimeout);
            return node;
        }

        public void Kill() => _process.Kill(entireProcessTree: true);

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            _process.Dispose();
            Client.Dispose();
        }

        private static void Log(ITestOutputHelper output, string name, string line)
        {
            try { output.WriteLine($"[{name}] {line}"); } catch (InvalidOperationException) { /* the test has ended */ }
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
