using PsaBridge.Infrastructure.Storage;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.Actuals;
using PsaBridge.Psa.Sales;

namespace PsaBridge.Psa.Invoicing;

/// <summary>A billed sales actual of a confirmed invoice, with the invoice line detail it was posted from.</summary>
public sealed record BilledDetail(InvoiceLineDetail Detail, Actual Billed);

/// <summary>
/// Corrective invoices, or credits (reference/psa-data-model.md §3, "Correction/credit"). Correcting a confirmed invoice
/// drafts a corrective invoice with one detail per billed sales actual at quantity 0 (a full credit until the clerk sets
/// the new quantity); confirming it reverses the billed sales, bills the new quantity, and makes the reduction unbilled
/// sales again (8 h to 6 h: billed 6 h, unbilled 2 h), ready for a later invoice. Plain code over plain objects.
/// </summary>
public static class InvoiceCorrections
{
    /// <summary>
    /// The corrective draft of <paramref name="original"/> (whose lines and details are loaded) for its
    /// <paramref name="billed"/> sales not yet corrected; origins from the old detail, line, invoice, entry and journal line,
    /// and each new detail connected "Replacing" to the billed sales it corrects ("Original").
    /// </summary>
    public static Invoice DraftCorrection(Posting posting, Invoice original, IReadOnlyList<BilledDetail> billed, DateOnly invoiceDate, DateTime now)
    {
        if (original.Status != InvoiceStatus.Confirmed)
            throw new ConflictException($"Invoice '{original.Name}' is {original.Status}; only a confirmed invoice can be corrected (a draft is edited instead).");
        if (billed.Count == 0)
            throw new ConflictException($"Invoice '{original.Name}' has no billed sales left to correct: a correction confirmed since has replaced them; correct that one.");
        if (invoiceDate < original.InvoiceDate)
            throw new ValidationFailedException("invoiceDate", $"The correction's date {invoiceDate:yyyy-MM-dd} is before the invoice's own date {original.InvoiceDate:yyyy-MM-dd}.");
        var correction = new Invoice
        {
            Id = Ids.New(), Name = Truncate($"Correction of {original.Name}", Invoice.NameLength), ContractId = original.ContractId, CustomerId = original.CustomerId,
            InvoiceDate = invoiceDate, Currency = original.Currency, CreatedOn = now, OriginalInvoiceId = original.Id,
        };
        var linesByOriginal = new Dictionary<Guid, InvoiceLine>();
        var originalLines = original.Lines.ToDictionary(l => l.Id);
        foreach (var (old, actual) in billed.OrderBy(b => b.Detail.DocumentDate).ThenBy(b => b.Detail.Id).ThenBy(b => b.Billed.BillingType))
        {
            var oldLine = originalLines[old.InvoiceLineId];
            if (!linesByOriginal.TryGetValue(oldLine.Id, out var line))
            {
                line = new InvoiceLine { Id = Ids.New(), InvoiceId = correction.Id, ContractLineId = oldLine.ContractLineId, Name = oldLine.Name };
                linesByOriginal.Add(oldLine.Id, line);
                correction.Lines.Add(line);
            }
            var detail = new InvoiceLineDetail
            {
                Id = Ids.New(), InvoiceId = correction.Id, InvoiceLineId = line.Id, Currency = actual.Currency, MilestoneId = old.MilestoneId,
                JournalLineId = old.JournalLineId, SourceEntryId = old.SourceEntryId, IsCorrection = true, OriginalDetailId = old.Id, BilledActualId = actual.Id,
            };
            detail.CopyFrom(actual);
            (detail.DocumentDate, detail.AccountingDate) = (invoiceDate, invoiceDate);
            (detail.PreviousQuantity, detail.PreviousAmount, detail.Quantity, detail.Amount) = (actual.Quantity, actual.Amount, 0m, 0m);
            line.Details.Add(detail);
            foreach (var (originId, originType) in Sources(original, oldLine, old)) posting.Origin(originId, originType, detail.Id, TransactionTypes.InvoiceLineDetail);
            posting.Connect(detail.Id, ConnectionRoles.Replacing, TransactionTypes.InvoiceLineDetail, actual.Id, ConnectionRoles.Original, TransactionTypes.Actual);
        }
        InvoiceRules.Total(correction);
        return correction;
    }

    /// <summary>
    /// What confirming one detail of a corrective invoice posts: the reversal of the billed sales it corrects (which is
    /// marked Adjusted), billed sales for its quantity, and unbilled sales for the reduction of work (time and expense) that
    /// can be invoiced again; a milestone credited whole is ready for invoicing again.
    /// </summary>
    public static void ConfirmCorrectionDetail(Posting posting, Invoice correction, InvoiceLine line, InvoiceLineDetail detail, Invoice original,
        Actual billed, ContractMilestone? milestone, DateTime now)
    {
        var oldDetail = original.Lines.SelectMany(l => l.Details).Single(d => d.Id == detail.OriginalDetailId);
        var oldLine = original.Lines.Single(l => l.Id == oldDetail.InvoiceLineId);
        var sources = Sources(original, oldLine, oldDetail).ToList();

        var reversal = billed.Reversal(correction.InvoiceDate, now);
        (reversal.InvoiceId, reversal.BillingStatus, reversal.AdjustmentStatus) = (correction.Id, BillingStatus.CustomerInvoicePosted, AdjustmentStatus.Unadjustable);
        billed.AdjustmentStatus = AdjustmentStatus.Adjusted;
        posting.Actuals.Add(reversal);
        foreach (var (id, type) in sources) posting.Origin(id, type, reversal.Id, TransactionTypes.Actual);
        posting.Connect(reversal.Id, ConnectionRoles.Reversing, TransactionTypes.Actual, billed.Id, ConnectionRoles.Original, TransactionTypes.Actual);

        var ours = new[] { (detail.Id, TransactionTypes.InvoiceLineDetail), (line.Id, TransactionTypes.InvoiceLine), (correction.Id, TransactionTypes.Invoice) };
        if (detail.Quantity != 0)
        {
            var rebilled = InvoiceRules.Billed(correction, detail, now);
            posting.Actuals.Add(rebilled);
            foreach (var (id, type) in ours.Concat(sources.Where(s => s.Type is not (TransactionTypes.InvoiceLineDetail or TransactionTypes.InvoiceLine or TransactionTypes.Invoice))))
                posting.Origin(id, type, rebilled.Id, TransactionTypes.Actual);
        }
        if (detail.Quantity < billed.Quantity && detail.SourceEntryId is not null)
        {
            var unbilled = new Actual { Id = Ids.New(), Currency = billed.Currency, CreatedOn = now, SourceEntryId = billed.SourceEntryId };
            unbilled.CopyFrom(billed);
            (unbilled.TransactionType, unbilled.BillingStatus, unbilled.DocumentDate, unbilled.AccountingDate) =
                (TransactionType.UnbilledSales, BillingStatus.UnbilledSalesCreated, correction.InvoiceDate, correction.InvoiceDate);
            (unbilled.Quantity, unbilled.Amount) = (billed.Quantity - detail.Quantity, billed.Amount - detail.Amount);
            posting.Actuals.Add(unbilled);
            foreach (var (id, type) in sources.Concat(ours)) posting.Origin(id, type, unbilled.Id, TransactionTypes.Actual);
            posting.Connect(unbilled.Id, ConnectionRoles.Replacing, TransactionTypes.Actual, billed.Id, ConnectionRoles.Original, TransactionTypes.Actual);
        }
        if (milestone is not null && detail.Quantity == 0)
        {
            milestone.InvoiceStatus = MilestoneInvoiceStatus.ReadyForInvoicing;
            milestone.InvoiceId = null;
        }
    }

    /// <summary>The records a correction's transactions come from: the old detail, line and invoice, and the entry and journal line behind them.</summary>
    private static IEnumerable<(Guid Id, string Type)> Sources(Invoice original, InvoiceLine oldLine, InvoiceLineDetail old)
    {
        yield return (old.Id, TransactionTypes.InvoiceLineDetail);
        yield return (oldLine.Id, TransactionTypes.InvoiceLine);
        yield return (original.Id, TransactionTypes.Invoice);
        if (old.SourceEntryId is { } entry) yield return (entry, old.TransactionClass == TransactionClass.Expense ? TransactionTypes.Expense : TransactionTypes.TimeEntry);
        if (old.JournalLineId is { } journalLine) yield return (journalLine, TransactionTypes.JournalLine);
        if (old.MilestoneId is { } milestone) yield return (milestone, TransactionTypes.Milestone);
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
