using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using PsaBridge.Finance;
using PsaBridge.Finance.ReferenceData;
using PsaBridge.Infrastructure.Storage;
using PsaBridge.Integration.CustomerSync;
using PsaBridge.Integration.Hosting;
using PsaBridge.Psa;

namespace PsaBridge.Bench;

public static class Phases
{
    public static async Task<Dictionary<string, object>> RunAsync(BenchOptions o) => o.Phase switch
    {
        "setup" => await SetupAsync(o),
        "sync-full" => await SyncAsync(o, full: true),
        "incremental" => await IncrementalAsync(o),
        "baseline" => await BaselineAsync(o),
        _ => throw new ArgumentException($"unknown phase {o.Phase}"),
    };

    private static DatabaseLocation Location(BenchOptions o, string name) => o.Engine == "postgres"
        ? new DatabaseLocation(DatabaseEngine.PostgreSql, new NpgsqlConnectionStringBuilder(o.Pg) { Database = $"bench_{name}" }.ConnectionString)
        : DatabaseLocation.Sqlite(Path.Combine(o.Dir, name + ".db"));

    private static IConfiguration Configuration(BenchOptions o) => new ConfigurationBuilder().AddInMemoryCollection(o.Engine == "postgres"
        ? new Dictionary<string, string?> { ["ConnectionStrings:Psa"] = Location(o, "psa").ConnectionString, ["ConnectionStrings:Finance"] = Location(o, "finance").ConnectionString }
        : new Dictionary<string, string?> { ["PsaBridge:DataDir"] = o.Dir })
        .AddEnvironmentVariables() // e.g. PsaBridge__CustomerSync__PageSize=5000 (default 2000)
        .Build();

    private static ServiceProvider Services(BenchOptions o) =>
        new ServiceCollection().AddLogging(l => l.SetMinimumLevel(LogLevel.Warning).AddFilter("PsaBridge.Integration.CustomerSync", LogLevel.Information).AddSimpleConsole(c => c.SingleLine = true)).AddPsaBridge(Configuration(o)).BuildServiceProvider();

    private static async Task<Dictionary<string, object>> SetupAsync(BenchOptions o)
    {
        if (o.Engine == "postgres")
        {
            await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(o.Pg) { Database = "postgres" }.ConnectionString);
            await admin.OpenAsync();
            foreach (var name in new[] { "psa", "finance", "baseline" })
            {
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS bench_{name} WITH (FORCE)", admin);
                await drop.ExecuteNonQueryAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE bench_{name}", admin);
                await create.ExecuteNonQueryAsync();
            }
        }
        else
        {
            if (Directory.Exists(o.Dir)) Directory.Delete(o.Dir, true);
            Directory.CreateDirectory(o.Dir);
        }
        await using (var services = Services(o)) await DatabaseSetup.UpgradeAsync(services);
        await using (var baseline = Open<FinanceDb>(Location(o, "baseline"), x => new FinanceDb(x)))
        {
            SchemaMigrator.Upgrade(baseline);
            await ReferenceDataSeeder.SeedAsync(baseline);
            await FinanceServices.SeedDefaultsAsync(baseline);
        }
        var watch = Stopwatch.StartNew();
        await using (var finance = Open<FinanceDb>(Location(o, "finance"), x => new FinanceDb(x)))
        await using (var psa = Open<PsaDb>(Location(o, "psa"), x => new PsaDb(x)))
            await AccountGenerator.GenerateAsync(finance, psa, o.Accounts);
        Console.WriteLine($"generated {o.Accounts:N0} accounts in {watch.Elapsed.TotalSeconds:F1}s");
        return new() { ["seconds"] = watch.Elapsed.TotalSeconds };
    }

    private static async Task<Dictionary<string, object>> SyncAsync(BenchOptions o, bool full)
    {
        await using var services = await StartedAsync(o);
        return await SyncAsync(services, full);
    }

    /// <summary>
    /// The services as a server has them when its scheduler first fires: started, which upgrades both databases
    /// (a no-op here) and so builds the EF models and opens the first connections, as <c>Program.cs</c> does before
    /// it serves anything. The job's own work (JIT of its code, its queries, the reference data) stays in the timing.
    /// </summary>
    private static async Task<ServiceProvider> StartedAsync(BenchOptions o)
    {
        var services = Services(o);
        await DatabaseSetup.UpgradeAsync(services);
        return services;
    }

    private static async Task<Dictionary<string, object>> SyncAsync(ServiceProvider services, bool full)
    {
        await using var scope = services.CreateAsyncScope();
        var job = scope.ServiceProvider.GetRequiredService<SynchronizeCustomers>();
        var watch = Stopwatch.StartNew();
        var run = await job.RunAsync(new SyncRequest(Full: full, JobDescription: "Benchmark"));
        var seconds = watch.Elapsed.TotalSeconds;
        return new()
        {
            ["seconds"] = seconds, ["read"] = run.Header.ReadCount, ["created"] = run.Header.CreatedCount,
            ["updated"] = run.Header.UpdatedCount, ["failed"] = run.Header.FailedCount, ["status"] = run.Header.Status.ToString(),
        };
    }

    /// <summary>
    /// Changes accounts and syncs twice in one process: the first run is cold (a fresh process: JIT, EF's
    /// model, the reference data loaded), the second is the job as the scheduler runs it in a server that
    /// has run it before. Both are reported; the second is the figure against the target.
    /// </summary>
    private static async Task<Dictionary<string, object>> IncrementalAsync(BenchOptions o)
    {
        await using var services = await StartedAsync(o);
        var cold = await ChangeAndSyncAsync(o, services);
        var warm = await ChangeAndSyncAsync(o, services);
        warm["coldSeconds"] = cold["seconds"];
        warm["coldRead"] = cold["read"];
        return warm;
    }

    private static async Task<Dictionary<string, object>> ChangeAndSyncAsync(BenchOptions o, ServiceProvider services)
    {
        await using (var psa = Open<PsaDb>(Location(o, "psa"), x => new PsaDb(x)))
            await AccountGenerator.ChangeAsync(psa, o.Changed);
        // The scheduler runs the job every few minutes: by then the background checkpoints of the last run and of the
        // accounts' changes are long done (they are reported, not hidden: checkpointAfterSeconds).
        await SqliteCheckpointer.WhenIdleAsync();
        return await SyncAsync(services, full: false);
    }

    /// <summary>The same customer and log rows as the sync writes, with plain prepared inserts in one transaction: no reading, no validation.</summary>
    private static async Task<Dictionary<string, object>> BaselineAsync(BenchOptions o)
    {
        await using var db = Open<FinanceDb>(Location(o, "baseline"), x => new FinanceDb(x));
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        var engine = db.Database.Engine();
        var header = Guid.NewGuid();
        var now = DateTime.UtcNow;
        var watch = Stopwatch.StartNew();
        await using var tx = await connection.BeginTransactionAsync();
        await using (var h = PreparedStatement.Insert(connection, tx, engine, "IntegrationLogHeaders", "Id", "JobDescription", "ExecutionDate", "Status", "DryRun",
                         "ReadCount", "CreatedCount", "UpdatedCount", "UnchangedCount", "FailedCount", "ZipCodesCreatedCount", "DurationMs"))
            await h.ExecuteAsync(default, header, "Baseline", now, 1, false, o.Accounts, o.Accounts, 0, 0, 0, 0, 0L);
        await using var customer = PreparedStatement.Insert(connection, tx, engine, "Customers", "CustomerAccount", "Name", "RelationType", "CustomerGroupId",
            "Currency", "PaymentTerms", "CreditLimit", "Phone", "Email", "AddressStreet", "AddressCity", "AddressState", "AddressCounty", "AddressZipCode",
            "AddressCountryRegion", "PsaAccountId", "CreatedAt", "ModifiedAt");
        await using var line = PreparedStatement.Insert(connection, tx, engine, "IntegrationLogLines", "HeaderId", "LineNumber", "PsaAccountId", "PsaVersion",
            "AccountName", "AccountNumber", "CustomerAccount", "Status", "Action", "ZipCodeCreated", "Messages");
        for (var i = 1; i <= o.Accounts; i++)
        {
            var id = Guid.NewGuid();
            var account = $"C{i:D7}";
            await customer.ExecuteAsync(default, account, $"Customer {i}", "Organization", "10", "USD", "Net30", 50_000m, "+1 425 555 0100",
                $"ap{i}@example.com", "1 Main St", "Seattle", "WA", null, "98101", "USA", id, now, now);
            await line.ExecuteAsync(default, header, i, id, (long)i, $"Customer {i}", null, account, 1, 1, false, $"Customer {account} created.");
        }
        await tx.CommitAsync();
        return new() { ["seconds"] = watch.Elapsed.TotalSeconds };
    }

    internal static T Open<T>(DatabaseLocation location, Func<DbContextOptions<T>, T> create) where T : DbContext
    {
        var options = new DbContextOptionsBuilder<T>();
        location.Configure(options);
        return create(options.Options);
    }
}
