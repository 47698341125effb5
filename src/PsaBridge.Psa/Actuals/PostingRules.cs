using PsaBridge.Infrastructure.Storage;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.Journals;
using PsaBridge.Psa.Pricing;
using PsaBridge.Psa.Sales;

namespace PsaBridge.Psa.Actuals;

/// <summary>A time entry or an expense as the posting rules see it.</summary>
public sealed record EntryFacts(
    Guid EntryId,
    string EntryType,
    TransactionClass TransactionClass,
    DateOnly Date,
    decimal Quantity,
    BillingType BillingType,
    Guid ProjectId,
    Guid ContractingUnitId,
    Guid? TaskId = null,
    Guid? ResourceId = null,
    Guid? RoleId = null,
    Guid? ResourceOrganizationalUnitId = null,
    Guid? TransactionCategoryId = null,
    string? Description = null);

/// <summary>
/// Who the work of a project is sold to: the project's customer and the contract line that covers the
/// entry's transaction class (null when none does); before a contract, the billing method of the quote
/// line that covers it.
/// </summary>
public sealed record SalesTerms(Guid? CustomerId, ProjectContract? Contract, ContractLine? Line, BillingMethod? QuoteLineBillingMethod = null)
{
    public static readonly SalesTerms Internal = new(null, null, null);

    /// <summary>
    /// Unbilled sales are posted only when the project has a customer, a quote or a contract line, and not for
    /// a fixed-price line: its time and expense post cost only, its milestones are invoiced instead.
    /// </summary>
    public bool PostsUnbilledSales => (Line?.BillingMethod ?? QuoteLineBillingMethod) is { } method
        ? method == BillingMethod.TimeAndMaterial
        : CustomerId is not null;
}

/// <summary>
/// The posting rules of time and expense (reference/psa-data-model.md §3): submission prices the entry
/// into journal lines, approval posts them as actuals, cancelling an approval reverses them. Each step
/// writes its Transaction Origin and Transaction Connection records. Plain code over plain objects.
/// </summary>
public static class PostingRules
{
    /// <summary>
    /// Submission: a journal with a cost line and, when sales are posted, an unbilled sales line, the two connected. Work of a
    /// resource from another unit than the contracting unit (<paramref name="resourcingUnitCost"/> given) adds a Resourcing Unit
    /// Cost line at the resourcing unit's own cost price, in its currency, and an Inter-organizational Sales line at the
    /// contracting unit's cost price, in its currency: what the resourcing unit sells the work to the contracting unit for.
    /// </summary>
    public static Journal Journalize(Posting posting, EntryFacts entry, SalesTerms sales, PriceQuote cost, PriceQuote? salesPrice, DateTime now,
        PriceQuote? resourcingUnitCost = null)
    {
        if (sales.PostsUnbilledSales && salesPrice is null)
            throw new ArgumentException("Unbilled sales are posted for this entry, so a sales price is needed.", nameof(salesPrice));
        var journal = new Journal { Id = Ids.New(), Description = $"{entry.TransactionClass} {entry.Date:yyyy-MM-dd}", CreatedOn = now };
        var lines = new List<JournalLine> { Line(journal, entry, sales, TransactionType.Cost, cost) };
        if (sales.PostsUnbilledSales)
        {
            var salesLine = Line(journal, entry, sales, TransactionType.UnbilledSales, salesPrice!);
            salesLine.BillingStatus = BillingStatus.UnbilledSalesCreated;
            lines.Add(salesLine);
        }
        if (resourcingUnitCost is not null)
        {
            // Between the two units, not with the customer: no customer or contract on these lines.
            lines.Add(Line(journal, entry, SalesTerms.Internal, TransactionType.ResourcingUnitCost, resourcingUnitCost));
            lines.Add(Line(journal, entry, SalesTerms.Internal, TransactionType.InterOrganizationalSales, cost));
        }
        AddJournal(posting, journal, entry.EntryId, entry.EntryType, lines);
        return journal;
    }

    /// <summary>
    /// Cancelling an approval sends the entry back for approval: a new journal with unposted copies of the lines it was
    /// approved from, at their frozen prices, so approving it again posts what was approved before.
    /// </summary>
    public static Journal Rejournalize(Posting posting, Guid entryId, string entryType, IReadOnlyList<JournalLine> approvedLines, DateTime now)
    {
        if (approvedLines.Count == 0) throw new InvalidOperationException($"Entry {entryId} has no approved journal lines to submit again.");
        var journal = new Journal { Id = Ids.New(), Description = $"{approvedLines[0].TransactionClass} {approvedLines[0].DocumentDate:yyyy-MM-dd}", CreatedOn = now };
        var lines = approvedLines.OrderBy(l => l.TransactionType).Select(approved =>
        {
            var line = new JournalLine { Id = Ids.New(), JournalId = journal.Id, SourceEntryId = entryId, Currency = approved.Currency };
            line.CopyFrom(approved);
            line.BillingStatus = approved.TransactionType == TransactionType.UnbilledSales ? BillingStatus.UnbilledSalesCreated : null;
            return line;
        }).ToList();
        AddJournal(posting, journal, entryId, entryType, lines);
        return journal;
    }

    /// <summary>
    /// Why an approver's billable quantity cannot be taken for these lines, or null when it can: it lowers what the entry's
    /// chargeable unbilled sales bill, never raises it, and needs unbilled sales to lower.
    /// </summary>
    public static string? BillableError(IReadOnlyList<JournalLine> lines, decimal billable)
    {
        var sales = lines.FirstOrDefault(l => l.TransactionType == TransactionType.UnbilledSales);
        if (billable < 0) return $"The billable quantity {billable:0.####} is negative; it is between 0 and the quantity entered.";
        if (sales is null) return "The entry posts no unbilled sales (its project has no customer, or its contract line is fixed price), so it has no billable quantity to adjust.";
        if (billable > sales.Quantity) return $"The billable quantity {billable:0.####} is more than the {sales.Quantity:0.####} entered; an approver can only lower it.";
        if (sales.BillingType != BillingType.Chargeable && billable != 0 && billable != sales.Quantity)
            return $"The entry is {sales.BillingType}, so none of it is billable; its billable quantity can only be 0.";
        return null;
    }

    /// <summary>
    /// Approval: one actual per journal line, at the line's frozen price; unbilled sales connected to cost, inter-organizational
    /// sales to resourcing unit cost. An approver's <paramref name="billableQuantity"/> below the quantity entered splits the
    /// unbilled sales: chargeable for the billable quantity, non-chargeable for the rest (amounts add up to the line's).
    /// </summary>
    public static IReadOnlyList<Actual> Approve(Posting posting, Guid entryId, string entryType, IReadOnlyList<JournalLine> lines, DateTime now,
        decimal? billableQuantity = null)
    {
        if (lines.Count == 0 || lines.Any(l => l.IsPosted))
            throw new InvalidOperationException($"Entry {entryId} has no unposted journal lines to approve.");
        if (billableQuantity is { } checkedQuantity && BillableError(lines, checkedQuantity) is { } error)
            throw new ValidationFailedException("billableQuantity", error);
        var actuals = new List<Actual>(lines.Count);
        foreach (var line in lines.OrderBy(l => l.TransactionType))
        {
            line.IsPosted = true;
            foreach (var actual in ActualsOf(line, entryId, now, billableQuantity))
            {
                actuals.Add(actual);
                posting.Actuals.Add(actual);
                posting.Origin(line.Id, TransactionTypes.JournalLine, actual.Id, TransactionTypes.Actual);
                posting.Origin(entryId, entryType, actual.Id, TransactionTypes.Actual);
            }
        }
        ConnectPairs(posting, actuals, TransactionTypes.Actual);
        return actuals;
    }

    private static IEnumerable<Actual> ActualsOf(JournalLine line, Guid entryId, DateTime now, decimal? billableQuantity)
    {
        Actual New(decimal quantity, decimal amount, BillingType? billingType)
        {
            var actual = new Actual { Id = Ids.New(), Currency = line.Currency, CreatedOn = now, SourceEntryId = entryId };
            actual.CopyFrom(line);
            (actual.Quantity, actual.Amount, actual.BillingType) = (quantity, amount, billingType);
            actual.BillingStatus = line.TransactionType == TransactionType.UnbilledSales ? BillingStatus.UnbilledSalesCreated : null;
            return actual;
        }
        if (line.TransactionType != TransactionType.UnbilledSales || line.BillingType != BillingType.Chargeable
            || billableQuantity is not { } billable || billable >= line.Quantity)
        {
            yield return New(line.Quantity, line.Amount, line.BillingType);
            yield break;
        }
        var chargeable = PriceResolution.Amount(billable, line.UnitPrice);
        if (billable > 0) yield return New(billable, chargeable, BillingType.Chargeable);
        yield return New(line.Quantity - billable, line.Amount - chargeable, BillingType.NonChargeable);
    }

    /// <summary>
    /// Cancelling an approval: every cost, unbilled sales, resourcing unit cost and inter-organizational sales actual of the
    /// entry gets a reversal (quantity and amount negated, Unadjustable) and is itself marked Adjusted; unbilled sales ones
    /// Canceled. Refused once any of its unbilled sales is on an invoice, draft or confirmed.
    /// </summary>
    public static IReadOnlyList<Actual> CancelApproval(Posting posting, Guid entryId, string entryType, IReadOnlyList<Actual> actuals, DateOnly date, DateTime now)
    {
        EnsureNotInvoiced(entryId, actuals);
        var reversals = new List<Actual>();
        foreach (var original in actuals.Where(a => a.AdjustmentStatus is null).OrderBy(a => a.TransactionType))
        {
            var reversal = original.Reversal(date, now);
            original.AdjustmentStatus = AdjustmentStatus.Adjusted;
            reversal.AdjustmentStatus = AdjustmentStatus.Unadjustable;
            if (original.TransactionType == TransactionType.UnbilledSales) original.BillingStatus = reversal.BillingStatus = BillingStatus.Canceled;
            reversals.Add(reversal);
            posting.Actuals.Add(reversal);
            posting.Origin(entryId, entryType, reversal.Id, TransactionTypes.Actual);
            posting.Connect(reversal.Id, ConnectionRoles.Reversing, TransactionTypes.Actual, original.Id, ConnectionRoles.Original, TransactionTypes.Actual);
        }
        return reversals;
    }

    /// <summary>An approval can be cancelled or recalled only while none of its unbilled sales is on an invoice.</summary>
    public static void EnsureNotInvoiced(Guid entryId, IReadOnlyList<Actual> actuals)
    {
        var invoiced = actuals.FirstOrDefault(a => a.TransactionType == TransactionType.UnbilledSales
                                                   && a.BillingStatus is not (BillingStatus.UnbilledSalesCreated or BillingStatus.ReadyToInvoice));
        if (invoiced is not null)
            throw new ConflictException($"The approval of entry '{entryId}' cannot be cancelled or recalled: its unbilled sales are on invoice '{invoiced.InvoiceId}' ({invoiced.BillingStatus}).");
    }

    private static void AddJournal(Posting posting, Journal journal, Guid entryId, string entryType, List<JournalLine> lines)
    {
        posting.Journals.Add(journal);
        foreach (var line in lines)
        {
            posting.JournalLines.Add(line);
            posting.Origin(entryId, entryType, line.Id, TransactionTypes.JournalLine);
        }
        ConnectPairs(posting, lines, TransactionTypes.JournalLine);
    }

    /// <summary>The connections of one entry's transactions: each unbilled sales to the cost, inter-organizational sales to resourcing unit cost.</summary>
    private static void ConnectPairs(Posting posting, IReadOnlyList<BusinessTransaction> transactions, string type)
    {
        var cost = transactions.FirstOrDefault(t => t.TransactionType == TransactionType.Cost);
        var resourcingUnitCost = transactions.FirstOrDefault(t => t.TransactionType == TransactionType.ResourcingUnitCost);
        foreach (var t in transactions)
        {
            if (t.TransactionType == TransactionType.UnbilledSales && cost is not null)
                posting.Connect(t.Id, ConnectionRoles.UnbilledSales, type, cost.Id, ConnectionRoles.Cost, type);
            else if (t.TransactionType == TransactionType.InterOrganizationalSales && resourcingUnitCost is not null)
                posting.Connect(t.Id, ConnectionRoles.InterOrganizationalSales, type, resourcingUnitCost.Id, ConnectionRoles.ResourcingUnitCost, type);
        }
    }

    private static JournalLine Line(Journal journal, EntryFacts entry, SalesTerms sales, TransactionType type, PriceQuote price) => new()
    {
        Id = Ids.New(),
        JournalId = journal.Id,
        SourceEntryId = entry.EntryId,
        TransactionType = type,
        TransactionClass = entry.TransactionClass,
        BillingType = entry.BillingType,
        DocumentDate = entry.Date,
        AccountingDate = entry.Date,
        Quantity = entry.Quantity,
        Unit = price.Unit,
        UnitPrice = price.UnitPrice,
        Amount = PriceResolution.Amount(entry.Quantity, price.UnitPrice),
        Currency = price.Currency,
        PriceListId = price.PriceListId,
        ProjectId = entry.ProjectId,
        TaskId = entry.TaskId,
        ResourceId = entry.ResourceId,
        RoleId = entry.RoleId,
        ResourceOrganizationalUnitId = entry.ResourceOrganizationalUnitId,
        ContractOrganizationalUnitId = entry.ContractingUnitId,
        TransactionCategoryId = entry.TransactionCategoryId,
        CustomerId = sales.CustomerId,
        ContractId = sales.Contract?.Id,
        ContractLineId = sales.Line?.Id,
        Description = entry.Description,
    };
}
