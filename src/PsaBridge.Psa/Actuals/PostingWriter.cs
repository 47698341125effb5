using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using PsaBridge.Infrastructure.Storage;

namespace PsaBridge.Psa.Actuals;

/// <summary>
/// The bulk side of posting: writes new rows with <see cref="BulkInsert"/> inside the caller's transaction,
/// with no change tracking. Columns and value conversions come from the EF model (<see cref="EntityTable{T}"/>), so a
/// row reads back through EF exactly as if EF had written it.
/// </summary>
public static class PostingWriter
{
    /// <summary>Rows buffered before they are sent: bounds memory however large the posting.</summary>
    private const int FlushEvery = 8_192;

    /// <summary>Writes everything a posting holds, parents first (journal lines refer to their journal).</summary>
    public static async Task WriteAsync(PsaDb db, Posting posting, CancellationToken ct)
    {
        await InsertAsync(db, posting.Journals, ct);
        await InsertAsync(db, posting.JournalLines, ct);
        await InsertAsync(db, posting.Actuals, ct);
        await InsertAsync(db, posting.Origins, ct);
        await InsertAsync(db, posting.Connections, ct);
    }

    /// <summary>Inserts new rows of one entity type. Needs an open transaction (<see cref="DatabaseFacade.BeginTransactionAsync"/>).</summary>
    public static async Task InsertAsync<T>(PsaDb db, IReadOnlyCollection<T> rows, CancellationToken ct) where T : class
    {
        if (rows.Count == 0) return;
        var transaction = db.Database.CurrentTransaction
                          ?? throw new InvalidOperationException("Bulk posting writes inside the caller's transaction; none is open.");
        var table = EntityTable<T>.Get(db.Model);
        var connection = db.Database.GetDbConnection();
        var engine = db.Database.Engine();
        if (engine == DatabaseEngine.Sqlite)
        {
            BulkInsert.InsertEntities((SqliteConnection)connection, transaction.GetDbTransaction(), table, rows, ct);
            return;
        }
        var bulk = new BulkInsert(connection, transaction.GetDbTransaction(), engine, table.Name, table.Columns);
        foreach (var row in rows)
        {
            bulk.Add(table.Values(row));
            if (bulk.Count >= FlushEvery) await bulk.FlushAsync(ct);
        }
        await bulk.FlushAsync(ct);
    }
}
