using PsaBridge.Infrastructure.Storage;

namespace PsaBridge.Psa.Actuals;

/// <summary>
/// The bulk side of posting: writes new rows with <see cref="BulkInsert"/> inside the caller's transaction,
/// with no change tracking. Columns and value conversions come from the EF model (<see cref="EntityTable{T}"/>), so a
/// row reads back through EF exactly as if EF had written it.
/// </summary>
public static class PostingWriter
{
    /// <summary>Writes everything a posting holds, parents first (journal lines refer to their journal).</summary>
    public static async Task WriteAsync(PsaDb db, Posting posting, CancellationToken ct)
    {
        await InsertAsync(db, posting.Journals, ct);
        await InsertAsync(db, posting.JournalLines, ct);
        await InsertAsync(db, posting.Actuals, ct);
        await InsertAsync(db, posting.Origins, ct);
        await InsertAsync(db, posting.Connections, ct);
    }

    /// <summary>Inserts new rows of one entity type (<see cref="BulkInsert.InsertEntitiesAsync{T}"/>). Needs an open transaction.</summary>
    public static Task InsertAsync<T>(PsaDb db, IReadOnlyCollection<T> rows, CancellationToken ct) where T : class =>
        BulkInsert.InsertEntitiesAsync(db, rows, ct);
}
