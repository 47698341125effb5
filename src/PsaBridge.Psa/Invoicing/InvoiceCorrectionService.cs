using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.Actuals;
using PsaBridge.Psa.Sales;

namespace PsaBridge.Psa.Invoicing;

/// <summary>The date of a corrective invoice; today when not given.</summary>
public sealed record InvoiceCorrectionInput(DateOnly? InvoiceDate = null);

/// <summary>A billing clerk's change to an invoice line detail of a draft: its quantity, its billing type, or both.</summary>
public sealed record InvoiceDetailInput(decimal? Quantity = null, BillingType? BillingType = null);

/// <summary>
/// Reviewing drafts and correcting confirmed invoices (<see cref="InvoiceCorrections"/>): each a transaction over a few
/// rows, read and written through EF. Confirming a corrective invoice comes here from <see cref="InvoiceService.ConfirmAsync(Guid, CancellationToken)"/>.
/// </summary>
public sealed class InvoiceCorrectionService(PsaDb db, TimeProvider clock)
{
    /// <summary>Sets the quantity or billing type of one detail of a draft invoice; the totals follow.</summary>
    public async Task<Invoice> UpdateDetailAsync(Guid invoiceId, Guid detailId, InvoiceDetailInput input, CancellationToken ct = default)
    {
        new Rules().Defined("billingType", input.BillingType).NotNegative("quantity", input.Quantity).ThrowIfAny();
        if (input.Quantity is null && input.BillingType is null)
            throw new ValidationFailedException("quantity", "Give a new 'quantity', a new 'billingType', or both.");
        var invoice = await Invoices(tracked: true).SingleOrDefaultAsync(i => i.Id == invoiceId, ct) ?? throw new NotFoundException("Invoice", invoiceId.ToString());
        var detail = invoice.Lines.SelectMany(l => l.Details).SingleOrDefault(d => d.Id == detailId)
                     ?? throw new NotFoundException("Invoice line detail", detailId.ToString());
        InvoiceRules.EditDetail(invoice, detail, input.Quantity, input.BillingType);
        await SaveAsync(ct);
        return invoice;
    }

    /// <summary>Drafts the corrective invoice of a confirmed one; refused while another correction of it is a draft.</summary>
    public async Task<Invoice> CorrectAsync(Guid invoiceId, InvoiceCorrectionInput input, CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var original = await Invoices(tracked: false).SingleOrDefaultAsync(i => i.Id == invoiceId, ct) ?? throw new NotFoundException("Invoice", invoiceId.ToString());
        if (await db.Set<Invoice>().Where(i => i.OriginalInvoiceId == invoiceId && i.Status == InvoiceStatus.Draft).Select(i => i.Name).FirstOrDefaultAsync(ct) is { } draft)
            throw new ConflictException($"Invoice '{original.Name}' already has a draft correction, '{draft}': confirm or delete it first.");
        var billed = await db.Set<Actual>().AsNoTracking()
            .Where(a => a.InvoiceId == invoiceId && a.TransactionType == TransactionType.BilledSales && a.AdjustmentStatus == null).ToListAsync(ct);
        var billedIds = billed.Select(a => a.Id).ToList();
        var detailOf = (await db.Set<TransactionOrigin>().AsNoTracking()
                .Where(o => billedIds.Contains(o.TransactionId) && o.OriginType == TransactionTypes.InvoiceLineDetail).ToListAsync(ct))
            .ToDictionary(o => o.TransactionId, o => o.OriginId);
        var details = original.Lines.SelectMany(l => l.Details).ToDictionary(d => d.Id);
        var pairs = billed.Select(b => new BilledDetail(details[detailOf[b.Id]], b)).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        var posting = new Posting();
        var correction = InvoiceCorrections.DraftCorrection(posting, original, pairs, input.InvoiceDate ?? DateOnly.FromDateTime(now), now);
        db.Add(correction);
        posting.AddTo(db);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return correction;
    }

    /// <summary>Confirms a corrective invoice: reversals, new billed sales and the reductions as unbilled sales again, in one transaction.</summary>
    internal async Task<Invoice> ConfirmAsync(Guid id, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var correction = await Invoices(tracked: true).SingleOrDefaultAsync(i => i.Id == id, ct) ?? throw new NotFoundException("Invoice", id.ToString());
        InvoiceRules.EnsureDraft(correction);
        var original = await Invoices(tracked: false).SingleAsync(i => i.Id == correction.OriginalInvoiceId, ct);
        var details = correction.Lines.SelectMany(l => l.Details).ToList();
        var billedIds = details.Select(d => d.BilledActualId!.Value).ToList();
        var billed = await db.Set<Actual>().Where(a => billedIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        if (billed.Values.FirstOrDefault(a => a.AdjustmentStatus is not null) is { } corrected)
            throw new ConflictException($"Billed sales '{corrected.Id}' of invoice '{original.Name}' were corrected meanwhile; delete this draft and correct the latest invoice.");
        var milestoneIds = details.Where(d => d.MilestoneId is not null).Select(d => d.MilestoneId!.Value).ToList();
        var milestones = await db.Set<ContractMilestone>().Where(m => milestoneIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var posting = new Posting();
        foreach (var line in correction.Lines)
        foreach (var detail in line.Details)
            InvoiceCorrections.ConfirmCorrectionDetail(posting, correction, line, detail, original, billed[detail.BilledActualId!.Value],
                detail.MilestoneId is { } m ? milestones[m] : null, now);
        InvoiceRules.MarkConfirmed(correction, now);
        posting.AddTo(db);
        await SaveAsync(ct);
        await tx.CommitAsync(ct);
        return correction;
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
