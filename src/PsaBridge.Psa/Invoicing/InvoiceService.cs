using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Paging;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.Actuals;
using PsaBridge.Psa.Sales;

namespace PsaBridge.Psa.Invoicing;

public sealed record InvoiceInput(Guid? ContractId, DateOnly? InvoiceDate);

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
        var contract = await db.Set<ProjectContract>().AsNoTracking().Include(c => c.Lines).SingleAsync(c => c.Id == contractId, ct);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Filtered in SQL by everything but the quantity: SQLite keeps decimals as text and cannot compare them.
        var candidates = await db.Set<Actual>().AsNoTracking()
            .Where(a => a.ContractId == contractId && a.TransactionType == TransactionType.UnbilledSales
                        && (a.BillingStatus == BillingStatus.UnbilledSalesCreated || a.BillingStatus == BillingStatus.ReadyToInvoice)
                        && a.AdjustmentStatus == null && a.InvoiceId == null && a.DocumentDate <= date)
            .ToListAsync(ct);
        var ready = candidates.Where(a => InvoiceRules.IsReady(a, date)).ToList();
        var journalLines = new Dictionary<Guid, Guid>();
        foreach (var chunk in ready.Select(a => a.Id).Chunk(EntryPostingStore.BatchSize))
        {
            var origins = await db.Set<TransactionOrigin>().AsNoTracking()
                .Where(o => EF.Parameter(chunk).Contains(o.TransactionId) && o.OriginType == TransactionTypes.JournalLine).ToListAsync(ct);
            foreach (var o in origins) journalLines[o.TransactionId] = o.OriginId;
        }
        var milestones = await db.Set<ContractMilestone>()
            .Where(m => m.ContractId == contractId && m.InvoiceStatus == MilestoneInvoiceStatus.ReadyForInvoicing).ToListAsync(ct);

        var posting = new Posting();
        var invoice = InvoiceRules.Draft(posting, contract,
            ready.Select(a => new ReadyUnbilledSales(a, journalLines.TryGetValue(a.Id, out var jl) ? jl : null)).ToList(), milestones, date, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct); // the milestones the draft took
        await PostingWriter.InsertAsync(db, [invoice], ct);
        await PostingWriter.InsertAsync(db, invoice.Lines, ct);
        await PostingWriter.InsertAsync(db, invoice.Lines.SelectMany(l => l.Details).ToList(), ct);
        await PostingWriter.WriteAsync(db, posting, ct);
        // The draft takes its unbilled sales; one taken meanwhile by another draft fails this one.
        foreach (var chunk in ready.Select(a => a.Id).Chunk(EntryPostingStore.BatchSize))
        {
            var taken = await db.Set<Actual>().Where(a => EF.Parameter(chunk).Contains(a.Id) && a.InvoiceId == null)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.InvoiceId, invoice.Id).SetProperty(a => a.BillingStatus, BillingStatus.CustomerInvoiceCreated), ct);
            if (taken != chunk.Length) throw new ConflictException($"Unbilled sales of contract '{contract.Name}' were invoiced by someone else meanwhile; try again.");
        }
        await tx.CommitAsync(ct);
        return invoice;
    }

    /// <summary>
    /// Confirms a draft invoice: posts reversals and billed sales; the invoice is read-only from then on.
    /// The new actuals, origins and connections are bulk inserted; the statuses change with set-based UPDATEs.
    /// </summary>
    public async Task<Invoice> ConfirmAsync(Guid id, CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var invoice = await db.Set<Invoice>().AsNoTracking().Include(i => i.Lines).SingleOrDefaultAsync(i => i.Id == id, ct)
                      ?? throw new NotFoundException("Invoice", id.ToString());
        InvoiceRules.EnsureDraft(invoice);
        // The details by their indexed invoice, in one query: the split Include would sort them all by line first.
        var lines = invoice.Lines.ToDictionary(l => l.Id);
        await foreach (var detail in db.Set<InvoiceLineDetail>().AsNoTracking().Where(d => d.InvoiceId == id).AsAsyncEnumerable().WithCancellation(ct))
            lines[detail.InvoiceLineId].Details.Add(detail);
        var unbilled = await db.Set<Actual>().AsNoTracking()
            .Where(a => a.InvoiceId == id && a.TransactionType == TransactionType.UnbilledSales && a.AdjustmentStatus == null)
            .ToDictionaryAsync(a => a.Id, ct);
        var milestones = await db.Set<ContractMilestone>().Where(m => m.InvoiceId == id).ToDictionaryAsync(m => m.Id, ct);
        var posting = new Posting();
        InvoiceRules.Confirm(posting, invoice, unbilled, milestones, clock.GetUtcNow().UtcDateTime);

        // The status is the invoice's concurrency token: only one hand confirms it.
        var confirmed = await db.Set<Invoice>().Where(i => i.Id == id && i.Status == InvoiceStatus.Draft)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, invoice.Status).SetProperty(i => i.ConfirmedOn, invoice.ConfirmedOn), ct);
        if (confirmed != 1) throw new ConflictException("The invoice was changed by someone else meanwhile; read it again and retry.");
        // Confirm posted every unbilled actual its details bill; when those are all the invoice holds, one UPDATE does.
        var billed = invoice.Lines.SelectMany(l => l.Details).Where(d => d.ActualId is not null).Select(d => d.ActualId!.Value).ToList();
        if (billed.Count == unbilled.Count)
            await db.Set<Actual>().Where(a => a.InvoiceId == id && a.TransactionType == TransactionType.UnbilledSales && a.AdjustmentStatus == null)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.BillingStatus, BillingStatus.CustomerInvoicePosted), ct);
        else
            foreach (var chunk in billed.Chunk(EntryPostingStore.BatchSize))
                await db.Set<Actual>().Where(a => EF.Parameter(chunk).Contains(a.Id))
                    .ExecuteUpdateAsync(s => s.SetProperty(a => a.BillingStatus, BillingStatus.CustomerInvoicePosted), ct);
        await db.SaveChangesAsync(ct); // the milestones
        await PostingWriter.WriteAsync(db, posting, ct);
        await tx.CommitAsync(ct);
        return invoice;
    }

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
