using PsaBridge.Infrastructure.Storage;

namespace PsaBridge.Psa.Actuals;

/// <summary>
/// The bulk side of posting: writes a posting's new rows with <see cref="BulkInsert.InsertEntitiesAsync{T}"/> inside the caller's transaction,
/// with no change tracking. Columns and value conversions come from the EF model, so a
/// row reads back through EF exactly as if EF had written it.
/// </summary>
public static class PostingWriter
{
    /// <summary>Writes everything a posting holds, parents first (journal lines refer to their journal).</summary>
    public static async Task WriteAsync(PsaDb db, Posting posting, CancellationToken ct)
    {
        await BulkInsert.InsertEntitiesAsync(db, posting.Journals, ct);
        await BulkInsert.InsertEntitiesAsync(db, posting.JournalLines, ct);
        await BulkInsert.InsertEntitiesAsync(db, posting.Actuals, ct);
        await BulkInsert.InsertEntitiesAsync(db, posting.Origins, ct);
        await BulkInsert.InsertEntitiesAsync(db, posting.Connections, ct);
    }
}
