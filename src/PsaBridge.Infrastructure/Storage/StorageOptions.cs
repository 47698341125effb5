using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using PsaBridge.Infrastructure.Storage.Sqlite;

namespace PsaBridge.Infrastructure.Storage;

public enum DatabaseEngine { Sqlite, PostgreSql }

/// <summary>
/// Where one system of record keeps its data: a SQLite file under the data folder by default,
/// a PostgreSQL database when a connection string is configured.
/// </summary>
public sealed record DatabaseLocation(DatabaseEngine Engine, string ConnectionString)
{
    /// <summary>Reads <c>ConnectionStrings:{name}</c>, else a SQLite file <c>{PsaBridge:DataDir}/{name}.db</c>.</summary>
    public static DatabaseLocation FromConfiguration(IConfiguration configuration, string name)
    {
        var connectionString = configuration.GetConnectionString(name);
        if (!string.IsNullOrWhiteSpace(connectionString))
            return new DatabaseLocation(DatabaseEngine.PostgreSql, connectionString);

        var dataDir = configuration["PsaBridge:DataDir"];
        if (string.IsNullOrWhiteSpace(dataDir)) dataDir = "data";
        return Sqlite(Path.Combine(dataDir, name.ToLowerInvariant() + ".db"));
    }

    public static DatabaseLocation Sqlite(string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 60,
        };
        return new DatabaseLocation(DatabaseEngine.Sqlite, builder.ToString());
    }

    public void Configure(DbContextOptionsBuilder options)
    {
        switch (Engine)
        {
            case DatabaseEngine.Sqlite:
                options.UseSqlite(ConnectionString, o => o.CommandTimeout(120));
                options.AddInterceptors(SqlitePragmas.Instance);
                break;
            case DatabaseEngine.PostgreSql:
                options.UseNpgsql(ConnectionString, o => o.CommandTimeout(300));
                break;
        }
        // Migrations are hand-written (the EF design tool is not available), so the model and the
        // migrations are compared by tests, not by EF's snapshot check.
        options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
    }

    /// <summary>
    /// <see cref="Configure"/> for a read model that totals decimals (the reporting feed): PostgreSQL sums them natively;
    /// SQLite, which keeps decimals as text that EF would sum in managed code row by row, sums them as ten-thousandths.
    /// </summary>
    public void ConfigureForReports(DbContextOptionsBuilder options)
    {
        Configure(options);
        if (Engine == DatabaseEngine.Sqlite) options.AddInterceptors(SqliteDecimalSums.Instance);
    }

    public override string ToString() => Engine == DatabaseEngine.Sqlite
        ? $"SQLite {new SqliteConnectionStringBuilder(ConnectionString).DataSource}"
        : $"PostgreSQL {Redact(ConnectionString)}";

    private static string Redact(string cs)
    {
        var b = new Npgsql.NpgsqlConnectionStringBuilder(cs) { Password = null };
        return $"{b.Host}:{b.Port}/{b.Database}";
    }
}
