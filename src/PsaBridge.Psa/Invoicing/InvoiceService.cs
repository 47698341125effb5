using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Paging;
using PsaBridge.Infrastructure.Storage;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.Actuals;
using PsaBridge.Psa.Sales;

namespace PsaBridge.Psa.Invoicing;

/// <summary>
/// A draft invoice of a contract: dated <see cref="InvoiceDate"/>, billing what is dated on or before the transaction
/// cut-off date (the invoice date when not given), on the chosen contract lines (all when none are chosen).
/// </summary>
public sealed record InvoiceInput(Guid? ContractId, DateOnly? InvoiceDate, DateOnly? TransactionCutOffDate = null, IReadOnlyList<Guid>? ContractLineIds = null);

public sealed record InvoiceFilter(Guid? ContractId = null, Guid? CustomerId = null, InvoiceStatus? Status = null);

/// <summary>Draft invoices per contract, their confirmation, and deleting a draft (which frees what it gathered).</summary>
public sealed class InvoiceService(PsaDb db, TimeProvider clock)
{
    public async Task<Invoice> CreateDraftAsync(InvoiceInput input, CancellationToken ct = default)
    {
        var rules = new Rules().RequiredId("contractId", input.ContractId).RequiredValue("invoiceDate", input.InvoiceDate);
        await rules.ExistAsync<ProjectContract>(db, "contractId", input.ContractId, "Contract", ct);
        rules.ThrowIfAny();
        var contractId = input.ContractId!.Value;
        var date = input.InvoiceDate!.Value;
        var cutOff = input.TransactionCutOffDate ?? date;
        var contract = await db.Set<ProjectContract>().AsNoTracking().Include(c => c.Lines).SingleAsync(c => c.Id == contractId, ct);
        var lineIds = InvoiceRules.ChosenLines(contract, input.ContractLineIds);

        await using var cache = await BulkWriteCache.EnlargeAsync(db.Database, ct); // one transaction however many actuals: see ConfirmAsync
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Filtered in SQL by everything but the quantity: SQLite keeps decimals as text and cannot compare them.
        var candidates = await db.Set<Actual>().AsNoTracking()
            .Where(a => a.ContractId == contractId && a.TransactionType == TransactionType.UnbilledSales
                        && (a.BillingStatus == BillingStatus.UnbilledSalesCreated || a.BillingStatus == BillingStatus.ReadyToInvoice)
                        && a.AdjustmentStatus == null && a.InvoiceId == null && a.DocumentDate <= cutOff)
            .ToListAsync(ct);
        var ready = candidates.Where(a => InvoiceRules.IsReady(a, cutOff) && lineIds.Contains(a.ContractLineId!.Value)).ToList();
        var journalLines = new Dictionary<Guid, Guid>();
        foreach (var chunk in ready.Select(a => a.Id).Chunk(EntryPostingStore.BatchSize))
        {
            var origins = await db.Set<TransactionOrigin>().AsNoTracking()
                .Where(o => EF.Parameter(chunk).Contains(o.TransactionId) && o.OriginType == TransactionTypes.JournalLine).ToListAsync(ct);
            foreach (var o in origins) journalLines[o.TransactionId] = o.OriginId;
        }
        var milestones = await db.Set<ContractMilestone>()
            .Where(m => m.ContractId == contractId && m.InvoiceStatus == MilestoneInvoiceStatus.ReadyForInvoicing && lineIds.Contains(m.ContractLineId)).ToListAsync(ct);

        var posting = new Posting();
        var invoice = InvoiceRules.Draft(posting, contract,
            ready.Select(a => new ReadyUnbilledSales(a, journalLines.TryGetValue(a.Id, out var jl) ? jl : null)).ToList(), milestones, date, clock.GetUtcNow().UtcDateTime,
            cutOff);
        await db.SaveChangesAsync(ct); // the milestones the draft took
        await BulkInsert.InsertEntitiesAsync(db, [invoice], ct);
        await BulkInsert.InsertEntitiesAsync(db, invoice.Lines, ct);
        await BulkInsert.InsertEntitiesAsync(db, invoice.Lines.SelectMany(l => l.Details).ToList(), ct);
        await PostingWriter.WriteAsync(db, posting, ct);
        // The draft takes its unbilled sales; one taken meanwhile by another draft fails this one.
        foreach (var chunk in ready.Select(a => a.Id).Chunk(EntryPostingStore.BatchSize))
        {
            var taken = await db.Set<Actual>().Where(a => EF.Parameter(chunk).Contains(a.Id) && a.InvoiceId == null)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.InvoiceId, invoice.Id).SetProperty(a => a.BillingStatus, BillingStatus.CustomerInvoiceCreated), ct);
            if (taken != chunk.Length) throw new ConflictException($"Unbilled sales of contract '{contract.Name}' were invoiced by someone else meanwhile; try again.");
        }
        if (ready.Count >= RefreshStatisticsFrom) await db.Database.RefreshStatisticsAsync(["Actuals", "InvoiceLineDetails"], ct);
        await tx.CommitAsync(ct);
        return invoice;
    }

    /// <summary>
    /// Confirms a draft invoice: posts reversals and billed sales; the invoice is read-only from then on.
    /// One transaction. The invoice's status moves first (its concurrency token: only one hand confirms it, and
    /// from then on no one else changes what it bills); the details and the unbilled actuals they bill are then
    /// read, chunk by chunk, on a second connection and turned into postings (<see cref="InvoiceRules.ConfirmDetail"/>)
    /// while this connection bulk inserts the chunks before: actuals, origins, connections.
    /// </summary>
    public Task<Invoice> ConfirmAsync(Guid id, CancellationToken ct = default) => ConfirmAsync(id, ConfirmChunkSize, ct);

    /// <summary>
    /// Details a confirmation plans and writes at a time. Small, because a chunk is handed from the planner's thread to the
    /// writer's and so outlives the GC's youngest generation when large: chunks of 1,000 took less memory than chunks of
    /// 10,000 on both engines and no more time (BENCHMARKS-posting.md).
    /// </summary>
    public const int ConfirmChunkSize = 1_000;

    /// <summary>As <see cref="ConfirmAsync(Guid, CancellationToken)"/>, planning and writing <paramref name="chunkSize"/> details at a time.</summary>
    public async Task<Invoice> ConfirmAsync(Guid id, int chunkSize, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        if (await db.Set<Invoice>().Where(i => i.Id == id).Select(i => i.OriginalInvoiceId).FirstOrDefaultAsync(ct) is not null)
            return await new InvoiceCorrectionService(db, clock).ConfirmAsync(id, ct);
        await using var cache = await BulkWriteCache.EnlargeAsync(db.Database, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var invoice = await db.Set<Invoice>().AsNoTracking().Include(i => i.Lines).SingleOrDefaultAsync(i => i.Id == id, ct)
                      ?? throw new NotFoundException("Invoice", id.ToString());
        InvoiceRules.EnsureDraft(invoice);
        InvoiceRules.MarkConfirmed(invoice, clock.GetUtcNow().UtcDateTime);
        var now = invoice.ConfirmedOn!.Value;
        var confirmed = await db.Set<Invoice>().Where(i => i.Id == id && i.Status == InvoiceStatus.Draft)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, invoice.Status).SetProperty(i => i.ConfirmedOn, now), ct);
        if (confirmed != 1) throw new ConflictException("The invoice was changed by someone else meanwhile; read it again and retry.");
        var milestones = await db.Set<ContractMilestone>().Where(m => m.InvoiceId == id).ToDictionaryAsync(m => m.Id, ct);
        var details = await db.Set<InvoiceLineDetail>().CountAsync(d => d.InvoiceId == id, ct);

        // Over one chunk, and while a second connection is free (see PsaDb.MaxReaders), the chunks are planned on it while
        // this one writes the chunks before; otherwise each chunk is planned here, then written.
        await using var reader = details > chunkSize ? db.TryOpenReader() : null;
        if (reader is null)
        {
            await PostBilledUnbilledAsync(id, ct);
            await foreach (var posting in PlanConfirmationAsync(db, invoice, milestones, now, chunkSize, stream: false, ct)) await PostingWriter.WriteAsync(db, posting, ct);
        }
        else await ConfirmPipelinedAsync(reader, invoice, milestones, now, chunkSize, ct);
        await db.SaveChangesAsync(ct); // the milestones
        await tx.CommitAsync(ct);
        return invoice;
    }

    /// <summary>The unbilled actuals the invoice's details bill are posted, in one UPDATE.</summary>
    private Task PostBilledUnbilledAsync(Guid id, CancellationToken ct) => db.Set<Actual>()
        .Where(a => a.InvoiceId == id && a.TransactionType == TransactionType.UnbilledSales
                    && db.Set<InvoiceLineDetail>().Where(d => d.InvoiceId == id && d.ActualId != null).Select(d => d.ActualId!.Value).Contains(a.Id))
        .ExecuteUpdateAsync(s => s.SetProperty(a => a.BillingStatus, BillingStatus.CustomerInvoicePosted), ct);

    /// <summary>
    /// Confirms with the planner on <paramref name="reader"/> and its own thread, handing chunks on through a channel of
    /// two while this context writes; the billed unbilled actuals are posted while the first chunk is planned.
    /// </summary>
    private async Task ConfirmPipelinedAsync(PsaDb reader, Invoice invoice, Dictionary<Guid, ContractMilestone> milestones, DateTime now,
        int chunkSize, CancellationToken ct)
    {
        var chunks = Channel.CreateBounded<Posting>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var planning = Task.Run(async () =>
        {
            Exception? failure = null;
            try
            {
                await foreach (var posting in PlanConfirmationAsync(reader, invoice, milestones, now, chunkSize, stream: true, stop.Token)) await chunks.Writer.WriteAsync(posting, stop.Token);
            }
            catch (Exception e)
            {
                failure = e;
                throw;
            }
            finally
            {
                chunks.Writer.TryComplete(failure);
            }
        }, CancellationToken.None);
        try
        {
            await PostBilledUnbilledAsync(invoice.Id, ct);
            await foreach (var posting in chunks.Reader.ReadAllAsync(ct)) await PostingWriter.WriteAsync(db, posting, ct);
            await planning;
        }
        finally
        {
            // On a failed write the planner stops too, before its connection goes.
            await stop.CancelAsync();
            try { await planning; }
            catch (Exception) when (planning.IsFaulted || planning.IsCanceled) { }
        }
    }

    /// <summary>
    /// The confirmation's plan, read through <paramref name="source"/>: the invoice's details (into <paramref name="invoice"/>'s
    /// lines, which the caller returns), each with the unbilled actual it bills, in one query by the indexed invoice; yields
    /// a chunk's posting as soon as its details are read. On a reader of its own (<paramref name="stream"/>) the rows are
    /// planned as they arrive; on the writing context they are read whole first, since it writes between chunks.
    /// Milestones are the caller's tracked entities; the rules set their status, the caller saves them once this is done.
    /// Internal for the benchmark's confirm-write phase, which writes exactly these postings alone.
    /// </summary>
    internal static async IAsyncEnumerable<Posting> PlanConfirmationAsync(PsaDb source, Invoice invoice, Dictionary<Guid, ContractMilestone> milestones,
        DateTime now, int chunkSize, bool stream, [EnumeratorCancellation] CancellationToken ct)
    {
        var lines = invoice.Lines.ToDictionary(l => l.Id);
        var chunk = new List<DetailToBill>(chunkSize);
        var rows = DetailsToBill(source, invoice.Id).AsAsyncEnumerable();
        if (!stream) rows = (await rows.ToListAsync(ct)).ToAsyncEnumerable(); // the writing context writes between chunks
        await foreach (var row in rows.WithCancellation(ct))
        {
            lines[row.Detail.InvoiceLineId].Details.Add(row.Detail);
            chunk.Add(row);
            if (chunk.Count < chunkSize) continue;
            yield return Plan(chunk);
            chunk.Clear();
        }
        if (chunk.Count > 0) yield return Plan(chunk);

        Posting Plan(List<DetailToBill> details)
        {
            var unbilled = new Dictionary<Guid, Actual>(details.Count);
            foreach (var (_, actual) in details)
                if (actual is not null) unbilled[actual.Id] = actual;
            var posting = new Posting();
            foreach (var (detail, _) in details) InvoiceRules.ConfirmDetail(posting, invoice, lines[detail.InvoiceLineId], detail, unbilled, milestones, now);
            return posting;
        }
    }

    internal sealed record DetailToBill(InvoiceLineDetail Detail, Actual? Actual);

    /// <summary>The invoice's details, each with the unbilled actual it bills (not adjusted, on this invoice), if any.</summary>
    internal static IQueryable<DetailToBill> DetailsToBill(PsaDb source, Guid invoiceId)
    {
        var unbilledActuals = source.Set<Actual>().AsNoTracking()
            .Where(a => a.InvoiceId == invoiceId && a.TransactionType == TransactionType.UnbilledSales && a.AdjustmentStatus == null);
        return from d in source.Set<InvoiceLineDetail>().AsNoTracking().Where(d => d.InvoiceId == invoiceId)
               join a in unbilledActuals on d.ActualId equals (Guid?)a.Id into billed
               from a in billed.DefaultIfEmpty()
               select new DetailToBill(d, a);
    }

    /// <summary>
    /// Unbilled sales in a draft from which the planner's statistics are refreshed with it: a large draft leaves them behind
    /// what it wrote (a moment ago no actual had an invoice), and confirming it next plans its UPDATE and its joined read on
    /// them. Refreshed inside the draft's transaction, which counts its own rows, so the statistics and the draft commit together.
    /// </summary>
    internal const int RefreshStatisticsFrom = 5_000;

    /// <summary>Deletes a draft invoice: its unbilled sales and milestones are ready to invoice again.</summary>
    public async Task DeleteDraftAsync(Guid id, CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var invoice = await Invoices(tracked: true).SingleOrDefaultAsync(i => i.Id == id, ct) ?? throw new NotFoundException("Invoice", id.ToString());
        InvoiceRules.EnsureDraft(invoice);
        foreach (var actual in await db.Set<Actual>().Where(a => a.InvoiceId == id).ToListAsync(ct))
        {
            actual.InvoiceId = null;
            actual.BillingStatus = BillingStatus.UnbilledSalesCreated;
        }
        foreach (var milestone in await db.Set<ContractMilestone>().Where(m => m.InvoiceId == id).ToListAsync(ct))
        {
            milestone.InvoiceId = null;
            milestone.InvoiceStatus = MilestoneInvoiceStatus.ReadyForInvoicing;
        }
        var detailIds = invoice.Lines.SelectMany(l => l.Details).Select(d => d.Id).ToList();
        foreach (var chunk in detailIds.Chunk(EntryPostingStore.BatchSize))
        {
            await db.Set<TransactionOrigin>().Where(o => EF.Parameter(chunk).Contains(o.TransactionId)).ExecuteDeleteAsync(ct);
            await db.Set<TransactionConnection>().Where(c => EF.Parameter(chunk).Contains(c.Transaction1Id)).ExecuteDeleteAsync(ct);
        }
        db.Remove(invoice);
        await SaveAsync(ct);
        await tx.CommitAsync(ct);
    }

    public async Task<Invoice> GetAsync(Guid id, CancellationToken ct = default) =>
        await Invoices(tracked: false).SingleOrDefaultAsync(i => i.Id == id, ct) ?? throw new NotFoundException("Invoice", id.ToString());

    public Task<Page<Invoice>> ListAsync(InvoiceFilter filter, PageRequest page, CancellationToken ct = default)
    {
        var query = Invoices(tracked: false);
        if (filter.ContractId is { } contract) query = query.Where(i => i.ContractId == contract);
        if (filter.CustomerId is { } customer) query = query.Where(i => i.CustomerId == customer);
        if (filter.Status is { } status) query = query.Where(i => i.Status == status);
        return query.OrderBy(i => i.InvoiceDate).ThenBy(i => i.Id).ToPageAsync(page, ct);
    }

    private IQueryable<Invoice> Invoices(bool tracked)
    {
        var query = db.Set<Invoice>().Include(i => i.Lines).ThenInclude(l => l.Details).AsSplitQuery();
        return tracked ? query : query.AsNoTracking();
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("The invoice was changed by someone else meanwhile; read it again and retry.");
        }
    }
}
