using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Storage;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.Accounts;
using PsaBridge.Psa.Journals;
using PsaBridge.Psa.OrganizationalUnits;
using PsaBridge.Psa.Pricing;
using PsaBridge.Psa.Projects;
using PsaBridge.Psa.Sales;

namespace PsaBridge.Psa.Actuals;

/// <summary>
/// The storage side of the posting rules, shared by time and expense: loads what an entry is priced
/// from, and finds journal lines and actuals of many entries at once (by their indexed source entry),
/// so approving a batch is a few queries and one save, however many entries it holds.
/// </summary>
public sealed class EntryPostingStore(PsaDb db)
{
    /// <summary>
    /// Ids per query of the bulk paths (drafting an invoice, removing one). Ids go to the database as one parameter
    /// (<c>EF.Parameter</c>), so the bound is memory and how long a transaction holds the write lock.
    /// </summary>
    public const int BatchSize = 10_000;

    /// <summary>Entries per transaction of bulk approval (<see cref="EntryApprover"/>): the store's size of a bulk transaction.</summary>
    public static int ApprovalBatchSize(Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade database) => database.BulkTransactionSize();

    public async Task<PricingInputs> PricingInputsAsync(Guid projectId, TransactionClass transactionClass, CancellationToken ct)
    {
        var unitId = await db.Set<Project>().Where(p => p.Id == projectId).Select(p => p.ContractingUnitId).SingleAsync(ct);
        var unit = await db.Set<OrganizationalUnit>().AsNoTracking().SingleAsync(u => u.Id == unitId, ct);
        var costLists = await PriceLists().Where(p => p.Context == PriceListContext.Cost && p.OrganizationalUnitId == unit.Id).ToListAsync(ct);

        var sales = await ProjectSalesQuery.ForProjectAsync(db, projectId, transactionClass, ct);
        return new PricingInputs(unit.Id, unit.Name, costLists, sales.Terms, sales.Owner, sales.PriceLists);
    }

    /// <summary>The unposted journal lines of the entries, read through <paramref name="source"/> (this store's context or a <see cref="PsaDb.TryOpenReader">reader</see>).</summary>
    public static Task<List<JournalLine>> UnpostedLinesAsync(PsaDb source, IReadOnlyCollection<Guid> entryIds, CancellationToken ct)
    {
        var ids = entryIds as Guid[] ?? entryIds.ToArray();
        return source.Set<JournalLine>().AsNoTracking().Where(l => EF.Parameter(ids).Contains(l.SourceEntryId) && !l.IsPosted).ToListAsync(ct);
    }

    /// <summary>
    /// The posting rules over lines read beforehand (<paramref name="read"/> may hold lines of other entries too:
    /// they are left alone), with an approver's billable quantities where given; an entry whose quantity cannot be
    /// taken is refused alone, its lines left unposted. Pure: nothing is written until <see cref="WritePostingAsync"/>.
    /// </summary>
    public static JournalPosting PlanPosting(IReadOnlyCollection<Guid> entryIds, IReadOnlyList<JournalLine> read, string entryType, DateTime now,
        IReadOnlyDictionary<Guid, decimal>? billableQuantities = null)
    {
        var wanted = entryIds as IReadOnlySet<Guid> ?? entryIds.ToHashSet();
        var byEntry = read.Where(l => wanted.Contains(l.SourceEntryId)).ToLookup(l => l.SourceEntryId);
        var posting = new Posting();
        var without = new HashSet<Guid>();
        var refused = new Dictionary<Guid, string>();
        var lineIds = new List<Guid>(read.Count);
        var journalIds = new HashSet<Guid>();
        foreach (var entryId in entryIds)
        {
            var entryLines = byEntry[entryId].ToList();
            decimal? billable = billableQuantities is not null && billableQuantities.TryGetValue(entryId, out var q) ? q : null;
            if (entryLines.Count == 0) without.Add(entryId);
            else if (billable is { } b && PostingRules.BillableError(entryLines, b) is { } error) refused[entryId] = error;
            else
            {
                PostingRules.Approve(posting, entryId, entryType, entryLines, now, billable);
                foreach (var line in entryLines)
                {
                    lineIds.Add(line.Id);
                    journalIds.Add(line.JournalId);
                }
            }
        }
        return new JournalPosting(posting, lineIds, journalIds.ToList(), without, refused);
    }

    /// <summary>
    /// Writes a planned posting in the caller's transaction: lines and journals marked posted, then the actuals,
    /// origins and connections. A line posted meanwhile by someone else fails the write (the UPDATE's guard).
    /// </summary>
    public async Task WritePostingAsync(JournalPosting plan, CancellationToken ct)
    {
        if (plan.LineIds.Count == 0) return;
        var lineIds = plan.LineIds;
        var journalIds = plan.JournalIds;
        // The line is the concurrency guard: a line posted meanwhile by another approval is not posted twice.
        var marked = await db.Set<JournalLine>().Where(l => EF.Parameter(lineIds).Contains(l.Id) && !l.IsPosted).ExecuteUpdateAsync(s => s.SetProperty(l => l.IsPosted, true), ct);
        if (marked != lineIds.Count) throw new ConflictException("An entry was approved by someone else meanwhile; read it again and retry.");
        await db.Set<Journal>().Where(j => EF.Parameter(journalIds).Contains(j.Id)).ExecuteUpdateAsync(s => s.SetProperty(j => j.IsPosted, true), ct);
        await PostingWriter.WriteAsync(db, plan.Posting, ct);
    }

    /// <summary>Removes the unposted journal of an entry (returned or rejected before approval) with its origins and connections.</summary>
    public async Task DropJournalAsync(Guid entryId, CancellationToken ct)
    {
        var lines = await db.Set<JournalLine>().Where(l => l.SourceEntryId == entryId && !l.IsPosted).Select(l => new { l.Id, l.JournalId }).ToListAsync(ct);
        if (lines.Count == 0) return;
        var lineIds = lines.Select(l => l.Id).ToList();
        var journalIds = lines.Select(l => l.JournalId).Distinct().ToList();
        await db.Set<TransactionOrigin>().Where(o => lineIds.Contains(o.TransactionId)).ExecuteDeleteAsync(ct);
        await db.Set<TransactionConnection>().Where(c => lineIds.Contains(c.Transaction1Id) || lineIds.Contains(c.Transaction2Id)).ExecuteDeleteAsync(ct);
        await db.Set<JournalLine>().Where(l => lineIds.Contains(l.Id)).ExecuteDeleteAsync(ct);
        await db.Set<Journal>().Where(j => journalIds.Contains(j.Id) && !db.Set<JournalLine>().Any(l => l.JournalId == j.Id)).ExecuteDeleteAsync(ct);
    }

    /// <summary>
    /// Reverses what the approval of an entry posted (see <see cref="PostingRules.CancelApproval"/>); refused once invoiced.
    /// With <paramref name="submitAgain"/> the entry waits for approval again: a new journal of the lines it was approved from.
    /// Adds to the context; the caller saves.
    /// </summary>
    public async Task ReverseApprovalAsync(Guid entryId, string entryType, bool submitAgain, DateTime now, CancellationToken ct)
    {
        var posting = new Posting();
        PostingRules.CancelApproval(posting, entryId, entryType, await ApprovedActualsAsync(entryId, ct), DateOnly.FromDateTime(now), now);
        if (submitAgain) PostingRules.Rejournalize(posting, entryId, entryType, await LatestPostedLinesAsync(entryId, ct), now);
        posting.AddTo(db);
    }

    /// <summary>Refuses (409) when the approval of an entry can no longer be recalled: some of its unbilled sales are invoiced.</summary>
    public async Task EnsureNotInvoicedAsync(Guid entryId, CancellationToken ct) =>
        PostingRules.EnsureNotInvoiced(entryId, await ApprovedActualsAsync(entryId, ct));

    /// <summary>The actuals an approval posted that are not yet reversed (tracked: reversing marks them adjusted).</summary>
    private Task<List<Actual>> ApprovedActualsAsync(Guid entryId, CancellationToken ct) => db.Set<Actual>()
        .Where(a => a.SourceEntryId == entryId && a.AdjustmentStatus == null
                    && (a.TransactionType == TransactionType.Cost || a.TransactionType == TransactionType.UnbilledSales
                        || a.TransactionType == TransactionType.ResourcingUnitCost || a.TransactionType == TransactionType.InterOrganizationalSales))
        .ToListAsync(ct);

    /// <summary>The posted lines of the entry's latest journal: what its current approval was posted from.</summary>
    private async Task<List<JournalLine>> LatestPostedLinesAsync(Guid entryId, CancellationToken ct)
    {
        var posted = await db.Set<JournalLine>().AsNoTracking().Where(l => l.SourceEntryId == entryId && l.IsPosted).ToListAsync(ct);
        var journalIds = posted.Select(l => l.JournalId).Distinct().ToList();
        var latest = await db.Set<Journal>().AsNoTracking().Where(j => journalIds.Contains(j.Id))
            .OrderByDescending(j => j.CreatedOn).ThenByDescending(j => j.Id).Select(j => j.Id).FirstAsync(ct);
        return posted.Where(l => l.JournalId == latest).ToList();
    }

    /// <summary>The cost price lists of a resourcing unit, for work it does for another contracting unit.</summary>
    public async Task<ResourcingUnitPrices> ResourcingUnitPricesAsync(Guid unitId, CancellationToken ct)
    {
        var unit = await db.Set<OrganizationalUnit>().AsNoTracking().SingleAsync(u => u.Id == unitId, ct);
        var lists = await PriceLists().Where(p => p.Context == PriceListContext.Cost && p.OrganizationalUnitId == unitId).ToListAsync(ct);
        return new ResourcingUnitPrices(unit.Id, unit.Name, lists);
    }

    private IQueryable<PriceList> PriceLists() =>
        db.Set<PriceList>().AsNoTracking().Include(p => p.RolePrices).Include(p => p.CategoryPrices).AsSplitQuery();
}

/// <summary>
/// What approving entries will write: the new rows, the lines and journals to mark posted, the entries that had no lines
/// and those refused, with the reason.
/// </summary>
public sealed record JournalPosting(Posting Posting, List<Guid> LineIds, List<Guid> JournalIds, IReadOnlySet<Guid> WithoutLines,
    IReadOnlyDictionary<Guid, string> Refused);
