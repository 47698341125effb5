using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Storage;
using PsaBridge.Infrastructure.Validation;

namespace PsaBridge.Psa.Actuals;

/// <summary>
/// What bulk approval needs from one kind of entry (time, expense): its name in messages ("Time entry",
/// "entry"), its logical name in origins, its submitted status, how to read the statuses of a batch and how
/// to set the batch Approved where it is still submitted, with the approver's comment (returning how many rows were).
/// </summary>
public sealed record ApprovableEntries<TStatus>(
    string Name,
    string Noun,
    string EntryType,
    TStatus Submitted,
    Func<PsaDb, Guid[], CancellationToken, Task<Dictionary<Guid, TStatus>>> ReadStatusesAsync,
    Func<PsaDb, List<Guid>, DateTime, string?, CancellationToken, Task<int>> MarkApprovedAsync) where TStatus : struct, Enum;

/// <summary>
/// Bulk approval, shared by time and expense: per batch, in one transaction, set-based UPDATEs (lines and
/// journals posted, entries approved; "not yet posted" and "still submitted" are the guards) and bulk inserts
/// of the actuals with their origins and connections. The next batch is read (statuses, journal lines) and run
/// through the posting rules on a second connection and thread while the current one is written. A batch whose
/// entries changed between planning and writing (returned, edited, approved alone) fails the guards and is then
/// planned again inside its transaction, where nothing changes under it, so an entry fails or passes alone.
/// </summary>
public sealed class EntryApprover(PsaDb db, EntryPostingStore store, TimeProvider clock)
{
    /// <summary>Approves <paramref name="ids"/> in batches of the engine's <see cref="EntryPostingStore.ApprovalBatchSize"/>.</summary>
    public Task<ApprovalReport> ApproveAsync<TStatus>(IReadOnlyList<Guid> ids, ApprovableEntries<TStatus> entries, CancellationToken ct)
        where TStatus : struct, Enum =>
        ApproveAsync(ids, entries, ApprovalDecision.None, ct);

    public Task<ApprovalReport> ApproveAsync<TStatus>(IReadOnlyList<Guid> ids, ApprovableEntries<TStatus> entries, int batchSize, CancellationToken ct)
        where TStatus : struct, Enum =>
        ApproveAsync(ids, entries, ApprovalDecision.None, batchSize, ct);

    /// <summary>Approves <paramref name="ids"/> with the approver's <paramref name="decision"/> (billable quantities, comment).</summary>
    public Task<ApprovalReport> ApproveAsync<TStatus>(IReadOnlyList<Guid> ids, ApprovableEntries<TStatus> entries, ApprovalDecision decision, CancellationToken ct)
        where TStatus : struct, Enum =>
        ApproveAsync(ids, entries, decision, EntryPostingStore.ApprovalBatchSize(db.Database), ct);

    public async Task<ApprovalReport> ApproveAsync<TStatus>(IReadOnlyList<Guid> ids, ApprovableEntries<TStatus> entries, ApprovalDecision decision, int batchSize,
        CancellationToken ct) where TStatus : struct, Enum
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var distinct = ids.Distinct().ToList();
        var chunks = distinct.Chunk(batchSize).ToList();
        var results = new Dictionary<Guid, ApprovalResult>();
        // The first batch is planned on this context (nothing else runs yet); a second connection only when there is a next
        // one, and only while one is free (see PsaDb.MaxReaders): without it each batch is planned here before its write.
        await using var reader = chunks.Count > 1 ? db.TryOpenReader() : null;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        Task<Batch>? next = null;
        try
        {
            for (var i = 0; i < chunks.Count; i++)
            {
                var batch = await (next ?? PlanAsync(db, entries, decision, chunks[i], ct));
                next = null;
                if (reader is not null && i + 1 < chunks.Count)
                {
                    var following = chunks[i + 1];
                    next = Task.Run(() => PlanAsync(reader, entries, decision, following, stop.Token), CancellationToken.None);
                }
                batch = await WriteAsync(entries, decision, chunks[i], batch, ct);
                foreach (var result in batch.Results) results[result.Id] = result;
            }
        }
        finally
        {
            // A failed batch stops the planner; the reader is disposed once its read is over, and the batch's own error is the one reported.
            await stop.CancelAsync();
            if (next is not null)
                try { await next; }
                catch (Exception) when (next.IsFaulted || next.IsCanceled) { }
        }
        return ApprovalReport.From(distinct.Select(id => results[id]).ToList());
    }

    /// <summary>One batch, planned: each entry's result, the entries to set Approved and what posting writes.</summary>
    private sealed record Batch(List<ApprovalResult> Results, List<Guid> Approved, JournalPosting Posting, DateTime Now);

    private async Task<Batch> PlanAsync<TStatus>(PsaDb source, ApprovableEntries<TStatus> entries, ApprovalDecision decision, Guid[] chunk, CancellationToken ct)
        where TStatus : struct, Enum
    {
        var statuses = await entries.ReadStatusesAsync(source, chunk, ct);
        var ready = chunk.Where(id => statuses.TryGetValue(id, out var s) && EqualityComparer<TStatus>.Default.Equals(s, entries.Submitted)).ToHashSet();
        var lines = await EntryPostingStore.UnpostedLinesAsync(source, ready, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var posting = EntryPostingStore.PlanPosting(ready, lines, entries.EntryType, now, decision.BillableQuantities);
        var results = new List<ApprovalResult>(chunk.Length);
        var approved = new List<Guid>(ready.Count);
        foreach (var id in chunk)
        {
            if (!statuses.TryGetValue(id, out var status)) results.Add(new ApprovalResult(id, false, $"{entries.Name} '{id}' was not found."));
            else if (!ready.Contains(id))
                results.Add(new ApprovalResult(id, false, $"{entries.Name} '{id}' is {status}; only a submitted {entries.Noun} can be approved."));
            else if (posting.WithoutLines.Contains(id))
                results.Add(new ApprovalResult(id, false, $"{entries.Name} '{id}' has no journal to post; submit it again."));
            else if (posting.Refused.TryGetValue(id, out var reason)) results.Add(new ApprovalResult(id, false, $"{entries.Name} '{id}': {reason}"));
            else
            {
                approved.Add(id);
                results.Add(new ApprovalResult(id, true));
            }
        }
        return new Batch(results, approved, posting, now);
    }

    /// <summary>Writes a batch planned before its transaction; on a guard failure plans it again inside it (see the class). Returns the batch written.</summary>
    private async Task<Batch> WriteAsync<TStatus>(ApprovableEntries<TStatus> entries, ApprovalDecision decision, Guid[] chunk, Batch planned, CancellationToken ct)
        where TStatus : struct, Enum
    {
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await WriteInAsync(entries, decision, planned, ct);
            await tx.CommitAsync(ct);
            return planned;
        }
        catch (ConflictException)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var again = await PlanAsync(db, entries, decision, chunk, ct);
            await WriteInAsync(entries, decision, again, ct);
            await tx.CommitAsync(ct);
            return again;
        }
        finally
        {
            db.ChangeTracker.Clear(); // entries tracked earlier in this scope are stale now
        }
    }

    private async Task WriteInAsync<TStatus>(ApprovableEntries<TStatus> entries, ApprovalDecision decision, Batch batch, CancellationToken ct)
        where TStatus : struct, Enum
    {
        await store.WritePostingAsync(batch.Posting, ct);
        // The status is the concurrency token: an entry changed meanwhile fails the batch, which rolls back.
        var changed = batch.Approved.Count == 0 ? 0 : await entries.MarkApprovedAsync(db, batch.Approved, batch.Now, decision.Comment, ct);
        if (changed != batch.Approved.Count) throw new ConflictException($"The {entries.Noun} was changed by someone else meanwhile; read it again and retry.");
    }
}
