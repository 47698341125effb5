using PsaBridge.Infrastructure.Storage;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.Actuals;
using PsaBridge.Psa.Pricing;
using PsaBridge.Psa.Sales;

namespace PsaBridge.Psa.Invoicing;

/// <summary>An unbilled sales actual ready to invoice, with the records it came from (for the origins).</summary>
public sealed record ReadyUnbilledSales(Actual Actual, Guid? JournalLineId);

/// <summary>
/// Invoicing rules (reference/psa-data-model.md §3, "Invoicing"). A draft invoice gathers a contract's
/// ready unbilled sales and ready milestones, one line per contract line; confirming it posts, for
/// every unbilled sales actual, its reversal and a billed sales actual, and for every milestone a
/// billed sales actual of class Milestone. Plain code over plain objects.
/// </summary>
public static class InvoiceRules
{
    /// <summary>Whether an unbilled sales actual can go on a new invoice dated <paramref name="invoiceDate"/>.</summary>
    public static bool IsReady(Actual a, DateOnly invoiceDate) =>
        a.TransactionType == TransactionType.UnbilledSales && a.BillingStatus is BillingStatus.UnbilledSalesCreated or BillingStatus.ReadyToInvoice
        && a.AdjustmentStatus is null && a.InvoiceId is null && a.ContractLineId is not null && a.DocumentDate <= invoiceDate && a.Quantity > 0;

    /// <summary>The contract lines a new invoice bills: those chosen (each must be a line of the contract), else all of them.</summary>
    public static HashSet<Guid> ChosenLines(ProjectContract contract, IReadOnlyList<Guid>? chosen)
    {
        if (chosen is null || chosen.Count == 0) return contract.Lines.Select(l => l.Id).ToHashSet();
        var rules = new Rules();
        for (var i = 0; i < chosen.Count; i++)
            if (contract.Lines.All(l => l.Id != chosen[i])) rules.Add($"contractLineIds[{i}]", $"Contract line '{chosen[i]}' is not a line of contract '{contract.Name}'.");
        rules.ThrowIfAny();
        return chosen.ToHashSet();
    }

    /// <summary>A draft of the ready unbilled sales and milestones; <paramref name="cutOff"/> (the invoice date when null) only words the refusal.</summary>
    public static Invoice Draft(Posting posting, ProjectContract contract, IReadOnlyList<ReadyUnbilledSales> unbilled,
        IReadOnlyList<ContractMilestone> milestones, DateOnly invoiceDate, DateTime now, DateOnly? cutOff = null)
    {
        if (unbilled.Count == 0 && milestones.Count == 0)
            throw new ConflictException($"Contract '{contract.Name}' has no unbilled sales dated on or before {cutOff ?? invoiceDate:yyyy-MM-dd} and no milestone ready for invoicing.");
        var invoice = new Invoice
        {
            Id = Ids.New(), Name = $"{contract.Name} {invoiceDate:yyyy-MM-dd}", ContractId = contract.Id, CustomerId = contract.CustomerId,
            InvoiceDate = invoiceDate, Currency = contract.Currency, CreatedOn = now,
        };
        var linesByContractLine = new Dictionary<Guid, InvoiceLine>();
        InvoiceLine LineFor(Guid contractLineId)
        {
            if (linesByContractLine.TryGetValue(contractLineId, out var existing)) return existing;
            var contractLine = contract.Lines.Single(l => l.Id == contractLineId);
            var line = new InvoiceLine { Id = Ids.New(), InvoiceId = invoice.Id, ContractLineId = contractLineId, Name = contractLine.Name };
            linesByContractLine.Add(contractLineId, line);
            invoice.Lines.Add(line);
            return line;
        }

        foreach (var (actual, journalLineId) in unbilled.OrderBy(u => u.Actual.DocumentDate).ThenBy(u => u.Actual.Id))
        {
            var line = LineFor(actual.ContractLineId!.Value);
            var detail = new InvoiceLineDetail
            {
                Id = Ids.New(), InvoiceId = invoice.Id, InvoiceLineId = line.Id, Currency = actual.Currency, ActualId = actual.Id,
                JournalLineId = journalLineId, SourceEntryId = actual.SourceEntryId,
            };
            detail.CopyFrom(actual);
            detail.TransactionType = TransactionType.BilledSales;
            (detail.PreviousQuantity, detail.PreviousAmount) = (actual.Quantity, actual.Amount);
            line.Details.Add(detail);
            actual.BillingStatus = BillingStatus.CustomerInvoiceCreated;
            actual.InvoiceId = invoice.Id;
            if (actual.SourceEntryId is { } entryId) posting.Origin(entryId, EntryType(actual), detail.Id, TransactionTypes.InvoiceLineDetail);
            if (journalLineId is { } jl) posting.Origin(jl, TransactionTypes.JournalLine, detail.Id, TransactionTypes.InvoiceLineDetail);
            posting.Connect(detail.Id, ConnectionRoles.BilledSales, TransactionTypes.InvoiceLineDetail, actual.Id, ConnectionRoles.UnbilledSales, TransactionTypes.Actual);
        }

        foreach (var milestone in milestones.OrderBy(m => m.InvoiceDate).ThenBy(m => m.Name, StringComparer.Ordinal))
        {
            var contractLine = contract.Lines.Single(l => l.Id == milestone.ContractLineId);
            var line = LineFor(contractLine.Id);
            line.Details.Add(new InvoiceLineDetail
            {
                Id = Ids.New(), InvoiceId = invoice.Id, InvoiceLineId = line.Id, MilestoneId = milestone.Id,
                TransactionType = TransactionType.BilledSales, TransactionClass = TransactionClass.Milestone, BillingType = BillingType.Chargeable,
                DocumentDate = invoiceDate, AccountingDate = invoiceDate, Quantity = 1, UnitPrice = milestone.Amount, Amount = milestone.Amount,
                PreviousQuantity = 1, PreviousAmount = milestone.Amount,
                AmountMethod = AmountMethod.FixedPrice, Currency = contract.Currency, ProjectId = contractLine.ProjectId, CustomerId = contract.CustomerId,
                ContractId = contract.Id, ContractLineId = contractLine.Id, ContractOrganizationalUnitId = contract.ContractingUnitId, Description = milestone.Name,
            });
            milestone.InvoiceStatus = MilestoneInvoiceStatus.CustomerInvoiceCreated;
            milestone.InvoiceId = invoice.Id;
            posting.Origin(milestone.Id, TransactionTypes.Milestone, line.Details[^1].Id, TransactionTypes.InvoiceLineDetail);
        }
        Total(invoice);
        return invoice;
    }

    /// <summary>
    /// Confirms a draft: reversal and billed sales for each unbilled actual (connected "Reversing"/"Original"
    /// and "Billed Sales"/"Unbilled Sales"), billed sales for each milestone. One way: a confirmed invoice is read-only.
    /// </summary>
    public static void Confirm(Posting posting, Invoice invoice, IReadOnlyDictionary<Guid, Actual> unbilled,
        IReadOnlyDictionary<Guid, ContractMilestone> milestones, DateTime now)
    {
        EnsureDraft(invoice);
        foreach (var line in invoice.Lines)
        foreach (var detail in line.Details)
            ConfirmDetail(posting, invoice, line, detail, unbilled, milestones, now);
        MarkConfirmed(invoice, now);
    }

    /// <summary>The confirmed state: read-only from now on.</summary>
    public static void MarkConfirmed(Invoice invoice, DateTime now)
    {
        invoice.Status = InvoiceStatus.Confirmed;
        invoice.ConfirmedOn = now;
    }

    /// <summary>
    /// What confirming posts for one invoice line detail: billed sales and, for a detail that bills an unbilled
    /// actual, its reversal, with their origins and connections (a milestone detail bills the milestone). A detail
    /// lowered below the unbilled sales it bills is billed at its quantity, and the rest billed non-chargeable.
    /// Details are independent of each other, so a large invoice is confirmed chunk by chunk.
    /// </summary>
    public static void ConfirmDetail(Posting posting, Invoice invoice, InvoiceLine line, InvoiceLineDetail detail,
        IReadOnlyDictionary<Guid, Actual> unbilled, IReadOnlyDictionary<Guid, ContractMilestone> milestones, DateTime now)
    {
        var billed = Billed(invoice, detail, now);
        var posted = new List<Actual>(2);
        if (detail.Quantity != 0) posted.Add(billed);
        if (detail.ActualId is { } actualId)
        {
            var original = unbilled[actualId];
            if (original.Quantity > detail.Quantity)
            {
                // The remainder of a lowered detail is billed, not charged (reference/psa-data-model.md §3, "Invoicing").
                var rest = Billed(invoice, detail, now);
                (rest.Quantity, rest.Amount, rest.BillingType) = (original.Quantity - detail.Quantity, original.Amount - detail.Amount, BillingType.NonChargeable);
                posted.Add(rest);
            }
            var reversal = original.Reversal(invoice.InvoiceDate, now);
            reversal.BillingStatus = BillingStatus.CustomerInvoicePosted;
            reversal.InvoiceId = invoice.Id;
            original.BillingStatus = BillingStatus.CustomerInvoicePosted;
            posting.Actuals.Add(reversal);
            posting.Actuals.AddRange(posted);
            var entryType = EntryType(original);
            foreach (var target in posted.Select(b => b.Id).Append(reversal.Id))
            {
                if (detail.SourceEntryId is { } entryId) posting.Origin(entryId, entryType, target, TransactionTypes.Actual);
                if (detail.JournalLineId is { } jl) posting.Origin(jl, TransactionTypes.JournalLine, target, TransactionTypes.Actual);
            }
            posting.Connect(reversal.Id, ConnectionRoles.Reversing, TransactionTypes.Actual, original.Id, ConnectionRoles.Original, TransactionTypes.Actual);
            foreach (var b in posted)
                posting.Connect(b.Id, ConnectionRoles.BilledSales, TransactionTypes.Actual, original.Id, ConnectionRoles.UnbilledSales, TransactionTypes.Actual);
        }
        else if (detail.MilestoneId is { } milestoneId)
        {
            milestones[milestoneId].InvoiceStatus = MilestoneInvoiceStatus.CustomerInvoicePosted;
            posting.Actuals.AddRange(posted);
            foreach (var b in posted) posting.Origin(milestoneId, TransactionTypes.Milestone, b.Id, TransactionTypes.Actual);
        }
        foreach (var b in posted)
        {
            posting.Origin(line.Id, TransactionTypes.InvoiceLine, b.Id, TransactionTypes.Actual);
            posting.Origin(invoice.Id, TransactionTypes.Invoice, b.Id, TransactionTypes.Actual);
            posting.Origin(detail.Id, TransactionTypes.InvoiceLineDetail, b.Id, TransactionTypes.Actual);
        }
    }

    /// <summary>The billed sales of a detail, dated and posted on its invoice.</summary>
    internal static Actual Billed(Invoice invoice, InvoiceLineDetail detail, DateTime now)
    {
        var billed = new Actual
        {
            Id = Ids.New(), Currency = detail.Currency, CreatedOn = now, InvoiceId = invoice.Id,
            SourceEntryId = detail.SourceEntryId ?? detail.MilestoneId,
        };
        billed.CopyFrom(detail);
        billed.TransactionType = TransactionType.BilledSales;
        billed.DocumentDate = invoice.InvoiceDate;
        billed.AccountingDate = invoice.InvoiceDate;
        billed.BillingStatus = BillingStatus.CustomerInvoicePosted;
        return billed;
    }

    /// <summary>
    /// Edits a detail of a draft, as the billing clerk reviews it: its quantity, from 0 up to what it was drafted at
    /// (a milestone is billed whole on a new invoice; a correction may credit it), and its billing type. Totals follow.
    /// </summary>
    public static void EditDetail(Invoice invoice, InvoiceLineDetail detail, decimal? quantity, BillingType? billingType)
    {
        EnsureDraft(invoice);
        var rules = new Rules();
        if (quantity is { } q && (q < 0 || q > detail.PreviousQuantity))
            rules.Add("quantity", $"Quantity {q:0.####} is out of range: it is between 0 and the {detail.PreviousQuantity:0.####} the detail was drafted at; it can be lowered, never raised.");
        else if (quantity is { } whole && detail.MilestoneId is not null && whole != detail.Quantity && (!detail.IsCorrection || whole is not (0 or 1)))
            rules.Add("quantity", detail.IsCorrection ? $"Quantity {whole:0.####} is not 0 or 1: a milestone is credited whole or not at all."
                : "A milestone is billed whole: its quantity cannot change (change its billing type, or correct the invoice once confirmed).");
        if (billingType is { } type && type is not (BillingType.Chargeable or BillingType.NonChargeable or BillingType.Complimentary))
            rules.Add("billingType", $"Billing type '{type}' cannot be billed; it is Chargeable, NonChargeable or Complimentary.");
        rules.ThrowIfAny();
        if (quantity is { } newQuantity)
        {
            detail.Quantity = newQuantity;
            detail.Amount = newQuantity == detail.PreviousQuantity ? detail.PreviousAmount : PriceResolution.Amount(newQuantity, detail.UnitPrice);
        }
        if (billingType is { } newType) detail.BillingType = newType;
        Total(invoice);
    }

    public static void EnsureDraft(Invoice invoice)
    {
        if (invoice.Status != InvoiceStatus.Draft)
            throw new ConflictException($"Invoice '{invoice.Name}' is {invoice.Status} and read-only; only a draft invoice can be changed.");
    }

    /// <summary>
    /// Line amounts by billing type; the invoice total is what is charged. The rest of a lowered detail of unbilled sales is
    /// billed non-chargeable; on a correction it becomes unbilled sales again instead.
    /// </summary>
    public static void Total(Invoice invoice)
    {
        foreach (var line in invoice.Lines)
        {
            line.ChargeableAmount = line.Details.Where(d => d.BillingType is BillingType.Chargeable).Sum(d => d.Amount);
            line.NonChargeableAmount = line.Details.Where(d => d.BillingType is BillingType.NonChargeable).Sum(d => d.Amount)
                                       + line.Details.Where(d => !d.IsCorrection && d.ActualId is not null && d.Quantity < d.PreviousQuantity).Sum(d => d.PreviousAmount - d.Amount);
            line.ComplimentaryAmount = line.Details.Where(d => d.BillingType is BillingType.Complimentary).Sum(d => d.Amount);
        }
        invoice.TotalAmount = invoice.Lines.Sum(l => l.ChargeableAmount);
    }

    private static string EntryType(BusinessTransaction t) =>
        t.TransactionClass == TransactionClass.Expense ? TransactionTypes.Expense : TransactionTypes.TimeEntry;
}
