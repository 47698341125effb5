using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace PsaBridge.Infrastructure.Storage;

/// <summary>What feature code may ask of the engine underneath, as properties of the store rather than its name.</summary>
public static class EngineExtensions
{
    public static DatabaseEngine Engine(this DatabaseFacade database) =>
        database.IsNpgsql() ? DatabaseEngine.PostgreSql : DatabaseEngine.Sqlite;

    /// <summary>
    /// Whether another connection can write while this one holds a write transaction open. SQLite has one writer: a
    /// transaction of one's own started meanwhile waits for the open one until it times out.
    /// </summary>
    public static bool AllowsConcurrentWriters(this DatabaseFacade database) => database.IsNpgsql();

    /// <summary>
    /// Refreshes the query planner's statistics of <paramref name="tables"/> (names of ours) after a bulk write, inside the
    /// caller's transaction if one is open: PostgreSQL plans by them and autovacuum analyzes a table long after a bulk
    /// write has changed it. SQLite keeps none unless asked to, and plans these tables well without: nothing to do there.
    /// </summary>
    public static async Task RefreshStatisticsAsync(this DatabaseFacade database, IReadOnlyList<string> tables, CancellationToken ct)
    {
        if (!database.IsNpgsql()) return;
        var sql = "ANALYZE " + string.Join(", ", tables.Select(t => $"\"{t}\""));
#pragma warning disable EF1003 // table names of ours, quoted; ANALYZE takes no parameters
        await database.ExecuteSqlRawAsync(sql, ct);
#pragma warning restore EF1003
    }

    /// <summary>
    /// Rows a bulk write (approval's entries) takes per transaction. Where each transaction pays round trips (a server), a
    /// large one spends less on them; where it pays none (SQLite in process), a small one keeps the next batch, planned while
    /// one is written, young enough to be collected cheaply, and the first write starts sooner.
    /// </summary>
    public static int BulkTransactionSize(this DatabaseFacade database) => database.IsNpgsql() ? 10_000 : 2_000;
}
