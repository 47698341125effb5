using System.Data;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace PsaBridge.Infrastructure.Storage;

/// <summary>
/// A larger SQLite page cache on the writing connection for the length of one bulk transaction (confirming an
/// invoice). With SQLite's default of 2 MB, a transaction that writes a million rows fills the cache with dirty
/// pages, spills them into the WAL and reads them back there again and again: in a profile of confirming 100,000
/// lines, a third of the time went to the kernel's copies of those pages. Approval commits every 10,000 entries and
/// measured no gain, so it keeps the default. The connection is held open for the lease and gets its former size
/// back at the end, its pages freed, before it returns to the pool. PostgreSQL keeps its own buffers: there the lease
/// does nothing.
/// </summary>
public static class BulkWriteCache
{
    /// <summary>64 MiB: confirming 100,000 lines took 18.5–22.2 s with the default and 16.5–17.4 s with this (BENCHMARKS-posting.md).</summary>
    public const int Kibibytes = 64 * 1024;

    public static async Task<IAsyncDisposable> EnlargeAsync(DatabaseFacade database, CancellationToken ct)
    {
        if (database.Engine() != DatabaseEngine.Sqlite) return Lease.None;
        await database.OpenConnectionAsync(ct);
        var connection = database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA cache_size";
        var former = Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        command.CommandText = $"PRAGMA cache_size=-{Kibibytes}";
        await command.ExecuteNonQueryAsync(ct);
        return new Lease(database, former);
    }

    private sealed class Lease(DatabaseFacade? database, long former) : IAsyncDisposable
    {
        public static readonly Lease None = new(null, 0);

        public async ValueTask DisposeAsync()
        {
            if (database is null) return;
            var connection = database.GetDbConnection();
            if (connection.State == ConnectionState.Open)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"PRAGMA cache_size={former}; PRAGMA shrink_memory;";
                await command.ExecuteNonQueryAsync();
            }
            await database.CloseConnectionAsync();
        }
    }
}
