using System.Data;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace PsaBridge.Infrastructure.Storage;

/// <summary>
/// A larger SQLite page cache on the writing connection for the length of one bulk transaction (drafting and
/// confirming an invoice). With SQLite's default of 2 MB, a transaction that writes a million rows fills the cache with dirty
/// pages, spills them into the WAL and reads them back there again and again: in a profile of confirming 100,000
/// lines, a third of the time went to the kernel's copies of those pages. Approval commits every 2,000 entries on SQLite
/// and measured no clear gain, so it keeps the default (BENCHMARKS-posting.md); seeding the reference data takes it too, for
/// the zip codes' indexes. The connection is held open for the lease and gets its former size back at the end, its pages
/// freed, before it returns to the pool. PostgreSQL keeps its own buffers: there the lease
/// does nothing.
/// </summary>
public static class BulkWriteCache
{
    /// <summary>64 MiB: the size drafting and confirming 100,000 lines were measured faster with (BENCHMARKS-posting.md).</summary>
    public const int Kibibytes = 64 * 1024;

    public static async Task<IAsyncDisposable> EnlargeAsync(DatabaseFacade database, CancellationToken ct)
    {
        if (database.Engine() != DatabaseEngine.Sqlite) return Lease.None;
        await database.OpenConnectionAsync(ct);
        try
        {
            // Microseconds each, and not to be left half done: not cancellable. EF runs them in the open transaction, if any.
            var former = (await database.SqlQueryRaw<long>("SELECT cache_size AS \"Value\" FROM pragma_cache_size()").ToListAsync()).Single();
            await database.ExecuteSqlRawAsync($"PRAGMA cache_size=-{Kibibytes}");
            return new Lease(database, former);
        }
        catch
        {
            await database.CloseConnectionAsync();
            throw;
        }
    }

    /// <summary>A PRAGMA takes no parameters; the size is a number SQLite gave, not input.</summary>
    private static string Restore(long size) => "PRAGMA cache_size=" + size.ToString(CultureInfo.InvariantCulture) + "; PRAGMA shrink_memory;";

    private sealed class Lease(DatabaseFacade? database, long former) : IAsyncDisposable
    {
        public static readonly Lease None = new(null, 0);

        public async ValueTask DisposeAsync()
        {
            if (database is null) return;
            try
            {
                if (database.GetDbConnection().State == ConnectionState.Open)
                    await database.ExecuteSqlRawAsync(Restore(former));
            }
            finally
            {
                await database.CloseConnectionAsync();
            }
        }
    }
}
