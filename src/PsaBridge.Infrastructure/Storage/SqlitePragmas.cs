using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PsaBridge.Infrastructure.Storage;

/// <summary>
/// WAL lets readers (the web UI, the log) work while the sync writes; NORMAL synchronous is
/// durable across application crashes in WAL mode, which is the failure the sync guards against.
/// The WAL is copied back into the database (a checkpoint, with its fsyncs) once it holds 10,000
/// pages (40 MB) rather than SQLite's default 1,000: a sync page that updates a thousand customers
/// dirties more than 1,000 pages, and would otherwise pay for a checkpoint at every commit.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();

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
            : "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA wal_autocheckpoint=10000; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=60000;";
        command.ExecuteNonQuery();
    }
}
