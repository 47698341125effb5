using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace PsaBridge.Infrastructure.Storage;

/// <summary>
/// Copies a SQLite database's write-ahead log back into the database file on a background thread,
/// soon after each commit, instead of inside the commit that crossed SQLite's auto-checkpoint threshold.
/// </summary>
/// <remarks>
/// With SQLite's own auto-checkpoint the request that happens to commit the 10,000th page pays for copying
/// all of them (and two fsyncs), seconds at the end of a large confirmation or spread over a large customer
/// sync (BENCHMARKS-posting.md). Here every commit on a PsaBridge connection (a commit hook
/// set by <see cref="SqlitePragmas"/>) asks for a PASSIVE checkpoint, run on a connection of its own
/// after a short pause that lets the commit finish and gathers a burst of commits into one checkpoint.
/// A PASSIVE checkpoint never waits for the writer and never blocks readers; the WAL restarts from its
/// beginning once everything is copied. SQLite's auto-checkpoint stays on as a safety net, at a size
/// (<see cref="SafetyNetPages"/>) only a stalled checkpointer lets the log reach.
/// </remarks>
public static class SqliteCheckpointer
{
    /// <summary>Pages in the WAL (4 KiB each: 1 GiB) at which the committing connection checkpoints itself after all.</summary>
    public const int SafetyNetPages = 262_144;

    /// <summary>Pause between a commit and the checkpoint it asks for, and between two checkpoints of one file.</summary>
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(200);

    private static readonly ConcurrentDictionary<string, FileCheckpointer> Files = new(StringComparer.Ordinal);

    /// <summary>Asks for a checkpoint of the database file at <paramref name="path"/> (a full path).</summary>
    public static void Request(string path)
    {
        if (string.IsNullOrEmpty(path) || path == ":memory:") return;
        Files.GetOrAdd(path, p => new FileCheckpointer(p)).Request();
    }

    /// <summary>Completes once no checkpoint is running or asked for (benchmarks wait for it before they stop the clock on the log).</summary>
    public static async Task WhenIdleAsync()
    {
        foreach (var file in Files.Values) await file.WhenIdleAsync();
    }

    private sealed class FileCheckpointer(string path)
    {
        private readonly Lock _gate = new();
        private bool _requested, _running;
        private Task _loop = Task.CompletedTask;

        public void Request()
        {
            lock (_gate)
            {
                _requested = true;
                if (_running) return;
                // Running is cleared under the lock by the loop as it decides to stop, so a request never falls
                // between a loop that has stopped looking and one not yet started.
                _running = true;
                _loop = Task.Run(LoopAsync);
            }
        }

        public async Task WhenIdleAsync()
        {
            while (true)
            {
                Task loop;
                lock (_gate)
                {
                    if (!_running) return;
                    loop = _loop;
                }
                await loop;
            }
        }

        private async Task LoopAsync()
        {
            try
            {
                while (true)
                {
                    await Task.Delay(Pause);
                    lock (_gate)
                    {
                        if (!_requested)
                        {
                            _running = false;
                            return;
                        }
                        _requested = false;
                    }
                    if (!Checkpoint())
                    {
                        Files.TryRemove(new KeyValuePair<string, FileCheckpointer>(path, this));
                        lock (_gate) _running = false;
                        return;
                    }
                }
            }
            catch (Exception)
            {
                lock (_gate) _running = false; // the next commit starts a loop again
                throw;
            }
        }

        /// <summary>False when the file is gone (a test's folder deleted): nothing to watch any more.</summary>
        private bool Checkpoint()
        {
            if (!File.Exists(path)) return false;
            try
            {
                // ReadWrite, not ReadWriteCreate: a file deleted meanwhile is not made again, empty.
                using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
                {
                    DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false,
                }.ToString());
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA wal_checkpoint(PASSIVE);";
                command.ExecuteNonQuery();
            }
            catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
            {
                // Busy (another checkpoint runs) or the file is being replaced: the next commit asks again,
                // and the auto-checkpoint safety net bounds the log meanwhile.
            }
            return true;
        }
    }
}
