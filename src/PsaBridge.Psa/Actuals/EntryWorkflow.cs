using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Validation;

namespace PsaBridge.Psa.Actuals;

/// <summary>An entry its resource submits and an approver decides on: a time entry or an expense.</summary>
public interface IApprovableEntry<TStatus> where TStatus : struct, Enum
{
    Guid Id { get; }

    /// <summary>The entry's status in its own option set (<c>msdyn_entrystatus</c>, <c>msdyn_expensestatus</c>).</summary>
    TStatus Status { get; set; }

    string? ApprovalComment { get; set; }

    DateTime ModifiedOn { get; set; }
}

/// <summary>
/// What the shared workflow needs to know of one kind of entry: its names in messages, the transaction type its actuals
/// come from, and which of its statuses play the parts (time's Returned and an expense's Rejected both send it back).
/// </summary>
public sealed record EntryKind<TStatus>(string Name, string Noun, string TransactionType, TStatus Draft, TStatus Submitted, TStatus Approved,
    TStatus RecallRequested, TStatus SentBack) where TStatus : struct, Enum;

/// <summary>
/// The steps time entries and expenses take alike once submitted: send back, recall, grant or refuse a recall, cancel an
/// approval. Each changes one entry in one transaction; the status is a concurrency token, so two hands deciding on the
/// same entry at once cannot both post.
/// </summary>
public sealed class EntryWorkflow<TEntry, TStatus>(PsaDb db, EntryPostingStore store, TimeProvider clock, EntryKind<TStatus> kind)
    where TEntry : class, IApprovableEntry<TStatus> where TStatus : struct, Enum
{
    /// <summary>A submitted entry goes back to its resource with the approver's comment: its journal is dropped.</summary>
    public async Task<TEntry> SendBackAsync(Guid id, string action, string? comment, CancellationToken ct)
    {
        comment = ApprovalDecision.CleanComment(comment);
        var entry = await FindAsync(id, ct);
        Expect(entry, action, kind.Submitted);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await store.DropJournalAsync(entry.Id, ct);
        Set(entry, kind.SentBack, comment, clock.GetUtcNow().UtcDateTime);
        await SaveAsync(ct);
        await tx.CommitAsync(ct);
        return entry;
    }

    /// <summary>
    /// The resource takes an entry back: a submitted one returns to Draft (its journal dropped); an approved one becomes
    /// Recall Requested, for its approver to decide (refused once it is on an invoice).
    /// </summary>
    public async Task<TEntry> RecallAsync(Guid id, CancellationToken ct)
    {
        var entry = await FindAsync(id, ct);
        Expect(entry, "recalled", kind.Submitted, kind.Approved);
        var submitted = EqualityComparer<TStatus>.Default.Equals(entry.Status, kind.Submitted);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (submitted) await store.DropJournalAsync(entry.Id, ct);
        else await store.EnsureNotInvoicedAsync(entry.Id, ct);
        entry.Status = submitted ? kind.Draft : kind.RecallRequested;
        entry.ModifiedOn = clock.GetUtcNow().UtcDateTime;
        await SaveAsync(ct);
        await tx.CommitAsync(ct);
        return entry;
    }

    /// <summary>The approver refuses a recall: the entry stays Approved, its actuals untouched.</summary>
    public async Task<TEntry> RefuseRecallAsync(Guid id, string? comment, CancellationToken ct)
    {
        comment = ApprovalDecision.CleanComment(comment);
        var entry = await FindAsync(id, ct);
        Expect(entry, "refused a recall", kind.RecallRequested);
        Set(entry, kind.Approved, comment, clock.GetUtcNow().UtcDateTime);
        await SaveAsync(ct);
        return entry;
    }

    /// <summary>The approver grants a recall: the approval's actuals are reversed and the entry goes back to its resource.</summary>
    public Task<TEntry> GrantRecallAsync(Guid id, string? comment, CancellationToken ct) =>
        ReverseAsync(id, "granted a recall", kind.RecallRequested, kind.SentBack, comment, ct);

    /// <summary>
    /// Cancels the approval of an entry: its actuals are reversed and it is Submitted again, with a new journal at the
    /// prices it was approved at (refused once it is on an invoice).
    /// </summary>
    public Task<TEntry> CancelApprovalAsync(Guid id, string? comment, CancellationToken ct) =>
        ReverseAsync(id, "unapproved", kind.Approved, kind.Submitted, comment, ct);

    private async Task<TEntry> ReverseAsync(Guid id, string action, TStatus from, TStatus to, string? comment, CancellationToken ct)
    {
        comment = ApprovalDecision.CleanComment(comment);
        var entry = await FindAsync(id, ct);
        Expect(entry, action, from);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await store.ReverseApprovalAsync(entry.Id, kind.TransactionType, submitAgain: EqualityComparer<TStatus>.Default.Equals(to, kind.Submitted), now, ct);
        Set(entry, to, comment, now);
        await SaveAsync(ct);
        await tx.CommitAsync(ct);
        return entry;
    }

    private static void Set(TEntry entry, TStatus status, string? comment, DateTime now)
    {
        entry.Status = status;
        entry.ApprovalComment = comment;
        entry.ModifiedOn = now;
    }

    /// <summary>The entry, tracked.</summary>
    public async Task<TEntry> FindAsync(Guid id, CancellationToken ct) =>
        await db.Set<TEntry>().SingleOrDefaultAsync(e => EF.Property<Guid>(e, "Id") == id, ct) ?? throw new NotFoundException(kind.Name, id.ToString());

    public void Expect(TEntry entry, string action, params TStatus[] allowed)
    {
        if (!allowed.Contains(entry.Status))
            throw new ConflictException($"{kind.Name} '{entry.Id}' is {entry.Status} and cannot be {action}; it must be {string.Join(" or ", allowed)}.");
    }

    public async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException($"The {kind.Noun} was changed by someone else meanwhile; read it again and retry.");
        }
    }
}
