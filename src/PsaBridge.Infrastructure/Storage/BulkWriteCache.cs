using System.Data;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace PsaBridge.Infrastructure.Storage;

/// <summary>
/// A larger SQLite page cache on the writing connection for the length of one bulk transaction (drafting and
/// confirming an invoice). With SQLite's default of 2 MB, a transaction that writes a million rows fills the cache with dirty
/// pages, spills them into the WAL and reads them back there again and again: in a profile of confirming 100,000
/// lines, a third of the time went to the kernel's copies of those pages. Approval commits every 10,000 entries and
/// measured no gain, so it keeps the default. The connection is held open for the lease and gets its former size
/// back at the end, its pages freed, before it returns to the pool. PostgreSQL keeps its own buffers: there the lease
/// does nothing.
/// </summary>
public static class BulkWriteCache
{
    /// <summary>
    /// 64 MiB: confirming 100,000 lines on copies of one database, in turn with the code before: 14.8 / 16.1 / 14.9 s
    /// against 19.2 / 16.3 / 19.6 s; drafting it 13.0 / 13.3 / 13.7 s against 16.5 / 16.6 / 16.0 s (BENCHMARKS-posting.md).
    /// </summary>
    public const int Kibibytes = 64 * 1024;

    public static async Task<IAsyncDisposable> EnlargeAsync(DatabaseFacade database, CancellationToken ct)
    {
        if (database.Engine() != DatabaseEngine.Sqlite) return Lease.None;
        await database.OpenConnectionAsync(ct);
        try
        {
            // Microseconds each, and not to be left half done: not cancellable.
            var former = Convert.ToInt64(await PragmaAsync(database, "PRAGMA cache_size", scalar: true), CultureInfo.InvariantCulture);
            await PragmaAsync(database, $"PRAGMA cache_size=-{Kibibytes}", scalar: false);
            return new Lease(database, former);
        }
        catch
        {
            await database.CloseConnectionAsync();
            throw;
        }
    }

    private static async Task<object?> PragmaAsync(DatabaseFacade database, string sql, bool scalar)
    {
        await using var command = database.GetDbConnection().CreateCommand();
        command.Transaction = database.CurrentTransaction?.GetDbTransaction(); // Microsoft.Data.Sqlite refuses a command outside the open one
        command.CommandText = sql;
        return scalar ? await command.ExecuteScalarAsync() : await command.ExecuteNonQueryAsync();
    }

    private sealed class Lease(DatabaseFacade? database, long former) : IAsyncDisposable
    {
        public static readonly Lease None = new(null, 0);

        public async ValueTask DisposeAsync()
        {
            if (database is null) return;
            try
            {
                if (database.GetDbConnection().State == ConnectionState.Open)
                    await PragmaAsync(database, $"PRAGMA cache_size={former}; PRAGMA shrink_memory;", scalar: false);
            }
            finally
            {
                await database.CloseConnectionAsync();
            }
        }
    }
}
