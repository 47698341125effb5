using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;
using PsaBridge.Infrastructure.Storage;

namespace PsaBridge.Testing;

/// <summary>
/// Makes a store refuse writes until the result is disposed, as a full disk or a read-only volume does. On SQLite the file
/// and its WAL are made immutable (as root, file modes do not stop a write; the kernel refuses one even through a handle
/// opened before); on PostgreSQL the database is made read-only and, once no statement is under way, its sessions are
/// ended, so no open connection keeps writing. Dispose it in a finally (<c>await using</c>): an immutable file outlives the
/// test.
/// </summary>
public static class UnwritableStore
{
    public static async Task<IAsyncDisposable> MakeAsync(DatabaseLocation store)
    {
        if (store.Engine == DatabaseEngine.Sqlite)
        {
            var path = new SqliteConnectionStringBuilder(store.ConnectionString).DataSource;
            var files = new[] { path, path + "-wal" }.Where(File.Exists).ToList();
            var locked = new List<string>();
            var undo = new Undo(() =>
            {
                foreach (var file in locked) Chattr("-i", file);
                return Task.CompletedTask;
            });
            try
            {
                foreach (var file in files)
                {
                    Chattr("+i", file);
                    locked.Add(file);
                }
            }
            catch
            {
                await undo.DisposeAsync();
                throw;
            }
            return undo;
        }
        var database = new NpgsqlConnectionStringBuilder(store.ConnectionString).Database!;
        await ReadOnlyAsync(database, "on");
        return new Undo(() => ReadOnlyAsync(database, "off"));
    }

    private static async Task ReadOnlyAsync(string database, string readOnly)
    {
        await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(TestDatabases.PostgresServer) { Database = "postgres" }.ConnectionString);
        await admin.OpenAsync();
        await using (var alter = new NpgsqlCommand($"ALTER DATABASE \"{database}\" SET default_transaction_read_only = {readOnly}", admin))
            await alter.ExecuteNonQueryAsync();
        // The setting applies to new sessions: the open ones end, and the pools let go of them. First the statements under
        // way finish (a run's read-ahead), so that the fault is the store refusing writes, not a connection dropped mid-query.
        await using (var busy = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE datname = @db AND pid <> pg_backend_pid() AND state = 'active'", admin))
        {
            busy.Parameters.AddWithValue("db", database);
            for (int quiet = 0, polls = 0; quiet < 3 && polls < 200; polls++)
            {
                quiet = (long)(await busy.ExecuteScalarAsync())! == 0 ? quiet + 1 : 0;
                await Task.Delay(50);
            }
        }
        await using (var end = new NpgsqlCommand("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = @db AND pid <> pg_backend_pid()", admin))
        {
            end.Parameters.AddWithValue("db", database);
            await end.ExecuteScalarAsync();
        }
        NpgsqlConnection.ClearAllPools();
    }

    private static void Chattr(string flag, string path)
    {
        using var chattr = Process.Start(new ProcessStartInfo("chattr", [flag, path]) { RedirectStandardError = true })!;
        chattr.WaitForExit();
        if (chattr.ExitCode != 0) throw new InvalidOperationException($"chattr {flag} {path}: {chattr.StandardError.ReadToEnd()}");
    }

    private sealed class Undo(Func<Task> undo) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await undo();
    }
}
