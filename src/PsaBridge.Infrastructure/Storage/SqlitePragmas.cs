using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace PsaBridge.Infrastructure.Storage;

/// <summary>
/// WAL lets readers (the web UI, the log) work while the sync writes; NORMAL synchronous is
/// durable across application crashes in WAL mode, which is the failure the sync guards against.
/// The WAL is copied back into the database (a checkpoint, with its fsyncs) by <see cref="SqliteCheckpointer"/>
/// on a background thread after commits, not by the commit that crosses SQLite's threshold; SQLite's own
/// auto-checkpoint is left as a safety net at 1 GiB of log.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();

    /// <summary>
    /// The page size of a new database (set before its first table; a database that has pages keeps its own, and in WAL
    /// mode not even VACUUM changes it). 8 KiB instead of SQLite's 4: a posting writes into six to seven B-trees a row,
    /// and larger pages make fewer levels to descend and fewer splits; approval and confirmation were faster with 8 KiB,
    /// and 16 KiB was no better (BENCHMARKS-posting.md).
    /// </summary>
    public const int PageSize = 8192;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        // EF opens a read-only connection to check that the file exists; it cannot switch journal mode.
        var readOnly = new SqliteConnectionStringBuilder(connection.ConnectionString).Mode == SqliteOpenMode.ReadOnly;
        using var command = connection.CreateCommand();
        command.CommandText = readOnly
            ? "PRAGMA busy_timeout=60000;"
            : $"PRAGMA page_size={PageSize}; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=60000; "
              + $"PRAGMA wal_autocheckpoint={SqliteCheckpointer.SafetyNetPages};";
        command.ExecuteNonQuery();
        if (readOnly) return;
        var sqlite = (SqliteConnection)connection;
        // Every commit asks for a checkpoint in the background (see SqliteCheckpointer); the hook only asks.
        raw.sqlite3_commit_hook(sqlite.Handle, static user =>
        {
            SqliteCheckpointer.Request((string)user);
            return 0;
        }, sqlite.DataSource);
    }
}
