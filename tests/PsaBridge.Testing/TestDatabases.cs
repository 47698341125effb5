using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PsaBridge.Finance;
using PsaBridge.Finance.ReferenceData;
using PsaBridge.Infrastructure.Storage;
using PsaBridge.Psa;

namespace PsaBridge.Testing;

/// <summary>
/// Real databases for tests, on the engine the test run was started for
/// (<c>PSABRIDGE_TEST_ENGINE=sqlite|postgres</c>; PostgreSQL at <c>PSABRIDGE_TEST_PG</c>, which the
/// test command starts). Every test gets fresh, fully migrated databases with the real reference
/// data, made fast by copying a template built once per test process: a SQLite file copy, or
/// PostgreSQL's <c>CREATE DATABASE … TEMPLATE</c>.
/// </summary>
public static class TestDatabases
{
    public static DatabaseEngine Engine { get; } =
        string.Equals(Environment.GetEnvironmentVariable("PSABRIDGE_TEST_ENGINE"), "postgres", StringComparison.OrdinalIgnoreCase)
            ? DatabaseEngine.PostgreSql : DatabaseEngine.Sqlite;

    public static string PostgresServer =>
        Environment.GetEnvironmentVariable("PSABRIDGE_TEST_PG") ?? "Host=127.0.0.1;Port=55432;Username=postgres;Pooling=true";

    private static readonly string Root = Path.Combine(Path.GetTempPath(), "psabridge-tests", $"{Environment.ProcessId}-{Guid.NewGuid():N}");
    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static readonly HashSet<DatabaseEngine> TemplatesReady = [];
    private static int _counter;

    /// <summary>A new pair of PSA and finance databases, migrated and seeded.</summary>
    public static Task<TestDatabasePair> CreateAsync() => CreateAsync(Engine);

    /// <summary>A new pair on the given engine, whatever engine the run is for (e.g. PostgreSQL for the clustered scheduler).</summary>
    public static async Task<TestDatabasePair> CreateAsync(DatabaseEngine engine)
    {
        await EnsureTemplateAsync(engine);
        var n = Interlocked.Increment(ref _counter);
        if (engine == DatabaseEngine.Sqlite)
        {
            var dir = Path.Combine(Root, $"db{n}");
            Directory.CreateDirectory(dir);
            File.Copy(Path.Combine(Root, "template", "psa.db"), Path.Combine(dir, "psa.db"));
            File.Copy(Path.Combine(Root, "template", "finance.db"), Path.Combine(dir, "finance.db"));
            return new TestDatabasePair(DatabaseLocation.Sqlite(Path.Combine(dir, "psa.db")), DatabaseLocation.Sqlite(Path.Combine(dir, "finance.db")), dir);
        }
        var prefix = $"t{Environment.ProcessId}_{n}";
        await using var admin = new NpgsqlConnection(Database("postgres"));
        await admin.OpenAsync();
        foreach (var system in new[] { "psa", "finance" })
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{prefix}_{system}\" TEMPLATE \"{TemplateName(system)}\"", admin);
            await create.ExecuteNonQueryAsync();
        }
        return new TestDatabasePair(new DatabaseLocation(DatabaseEngine.PostgreSql, Database($"{prefix}_psa")),
            new DatabaseLocation(DatabaseEngine.PostgreSql, Database($"{prefix}_finance")), null);
    }

    /// <summary>Empty databases with no schema at all (for upgrade tests that build a schema step by step).</summary>
    public static async Task<TestDatabasePair> CreateEmptyAsync()
    {
        var n = Interlocked.Increment(ref _counter);
        if (Engine == DatabaseEngine.Sqlite)
        {
            var dir = Path.Combine(Root, $"empty{n}");
            Directory.CreateDirectory(dir);
            return new TestDatabasePair(DatabaseLocation.Sqlite(Path.Combine(dir, "psa.db")), DatabaseLocation.Sqlite(Path.Combine(dir, "finance.db")), dir);
        }
        var prefix = $"e{Environment.ProcessId}_{n}";
        await using var admin = new NpgsqlConnection(Database("postgres"));
        await admin.OpenAsync();
        foreach (var system in new[] { "psa", "finance" })
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{prefix}_{system}\"", admin);
            await create.ExecuteNonQueryAsync();
        }
        return new TestDatabasePair(new DatabaseLocation(DatabaseEngine.PostgreSql, Database($"{prefix}_psa")),
            new DatabaseLocation(DatabaseEngine.PostgreSql, Database($"{prefix}_finance")), null);
    }

    public static PsaDb OpenPsa(DatabaseLocation location)
    {
        var options = new DbContextOptionsBuilder<PsaDb>();
        location.Configure(options);
        return new PsaDb(options.Options);
    }

    public static FinanceDb OpenFinance(DatabaseLocation location)
    {
        var options = new DbContextOptionsBuilder<FinanceDb>();
        location.Configure(options);
        return new FinanceDb(options.Options);
    }

    private static string Database(string name) => new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name }.ConnectionString;

    private static string TemplateName(string system) => $"tpl{Environment.ProcessId}_{system}";

    private static async Task EnsureTemplateAsync(DatabaseEngine engine)
    {
        await TemplateLock.WaitAsync();
        try
        {
            if (TemplatesReady.Contains(engine)) return;
            DatabaseLocation psa, finance;
            if (engine == DatabaseEngine.Sqlite)
            {
                var dir = Path.Combine(Root, "template");
                if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
                Directory.CreateDirectory(dir);
                psa = DatabaseLocation.Sqlite(Path.Combine(dir, "psa.db"));
                finance = DatabaseLocation.Sqlite(Path.Combine(dir, "finance.db"));
            }
            else
            {
                await using var admin = new NpgsqlConnection(Database("postgres"));
                await admin.OpenAsync();
                foreach (var system in new[] { "psa", "finance" })
                {
                    await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{TemplateName(system)}\"", admin);
                    await drop.ExecuteNonQueryAsync();
                    await using var create = new NpgsqlCommand($"CREATE DATABASE \"{TemplateName(system)}\"", admin);
                    await create.ExecuteNonQueryAsync();
                }
                psa = new DatabaseLocation(DatabaseEngine.PostgreSql, Database(TemplateName("psa")));
                finance = new DatabaseLocation(DatabaseEngine.PostgreSql, Database(TemplateName("finance")));
            }
            await using (var db = OpenPsa(psa)) SchemaMigrator.Upgrade(db);
            await using (var db = OpenFinance(finance))
            {
                SchemaMigrator.Upgrade(db);
                await ReferenceDataSeeder.SeedAsync(db);
                await FinanceServices.SeedDefaultsAsync(db);
            }
            if (engine == DatabaseEngine.Sqlite)
            {
                // Fold the WAL into the file so a plain copy is complete.
                foreach (var location in new[] { psa, finance })
                {
                    await using var connection = new SqliteConnection(location.ConnectionString);
                    await connection.OpenAsync();
                    await using var checkpoint = connection.CreateCommand();
                    checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE;";
                    await checkpoint.ExecuteNonQueryAsync();
                }
                SqliteConnection.ClearAllPools();
            }
            else NpgsqlConnection.ClearAllPools();
            TemplatesReady.Add(engine);
        }
        finally
        {
            TemplateLock.Release();
        }
    }
}

public sealed record TestDatabasePair(DatabaseLocation Psa, DatabaseLocation Finance, string? Directory)
{
    /// <summary>Configuration that points the application at these databases.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Settings() => Psa.Engine == DatabaseEngine.Sqlite
        ? [new("PsaBridge:DataDir", Directory)]
        : [new("ConnectionStrings:Psa", Psa.ConnectionString), new("ConnectionStrings:Finance", Finance.ConnectionString)];

    public PsaDb OpenPsa() => TestDatabases.OpenPsa(Psa);
    public FinanceDb OpenFinance() => TestDatabases.OpenFinance(Finance);

    /// <summary>Context factories over these databases, for a service built by hand that takes one.</summary>
    public IDbContextFactory<PsaDb> PsaContexts() => new Contexts<PsaDb>(OpenPsa);
    public IDbContextFactory<FinanceDb> FinanceContexts() => new Contexts<FinanceDb>(OpenFinance);

    private sealed class Contexts<T>(Func<T> open) : IDbContextFactory<T> where T : DbContext
    {
        public T CreateDbContext() => open();
    }
}
