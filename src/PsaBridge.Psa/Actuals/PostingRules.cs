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
/// entry's transaction class (null when none does).
/// </summary>
public sealed record SalesTerms(Guid? CustomerId, ProjectContract? Contract, ContractLine? Line)
{
    public static readonly SalesTerms Internal = new(null, null, null);

    /// <summary>
    /// Unbilled sales are posted only when the project has a customer or a contract line, and not for
    /// a fixed-price line: its time and expense post cost only, its milestones are invoiced instead.
    /// </summary>
    public bool PostsUnbilledSales => Line is null ? CustomerId is not null : Line.BillingMethod == BillingMethod.TimeAndMaterial;
}

/// <summary>
/// The posting rules of time and expense (reference/psa-data-model.md §3): submission prices the entry
/// into journal lines, approval posts them as actuals, cancelling an approval reverses them. Each step
/// writes its Transaction Origin and Transaction Connection records. Plain code over plain objects.
/// </summary>
public static class PostingRules
{
    /// <summary>Submission: a journal with a cost line and, when sales are posted, an unbilled sales line; the two connected.</summary>
    public static Journal Journalize(Posting posting, EntryFacts entry, SalesTerms sales, PriceQuote cost, PriceQuote? salesPrice, DateTime now)
    {
        if (sales.PostsUnbilledSales && salesPrice is null)
            throw new ArgumentException("Unbilled sales are posted for this entry, so a sales price is needed.", nameof(salesPrice));
        var journal = new Journal { Id = Ids.New(), Description = $"{entry.TransactionClass} {entry.Date:yyyy-MM-dd}", CreatedOn = now };
        posting.Journals.Add(journal);

        var costLine = Line(journal, entry, sales, TransactionType.Cost, cost);
        posting.JournalLines.Add(costLine);
        posting.Origin(entry.EntryId, entry.EntryType, costLine.Id, TransactionTypes.JournalLine);
        if (!sales.PostsUnbilledSales) return journal;

        var salesLine = Line(journal, entry, sales, TransactionType.UnbilledSales, salesPrice!);
        salesLine.BillingStatus = BillingStatus.UnbilledSalesCreated;
        posting.JournalLines.Add(salesLine);
        posting.Origin(entry.EntryId, entry.EntryType, salesLine.Id, TransactionTypes.JournalLine);
        posting.Connect(salesLine.Id, ConnectionRoles.UnbilledSales, TransactionTypes.JournalLine, costLine.Id, ConnectionRoles.Cost, TransactionTypes.JournalLine);
        return journal;
    }

    /// <summary>Approval: one actual per journal line, at the line's frozen price; unbilled sales connected to cost.</summary>
    public static IReadOnlyList<Actual> Approve(Posting posting, Guid entryId, string entryType, IReadOnlyList<JournalLine> lines, DateTime now)
    {
        if (lines.Count == 0 || lines.Any(l => l.IsPosted))
            throw new InvalidOperationException($"Entry {entryId} has no unposted journal lines to approve.");
        var actuals = new List<Actual>(lines.Count);
        foreach (var line in lines.OrderBy(l => l.TransactionType))
        {
            var actual = new Actual { Id = Ids.New(), Currency = line.Currency, CreatedOn = now, SourceEntryId = entryId };
            actual.CopyFrom(line);
            actual.BillingStatus = line.TransactionType == TransactionType.UnbilledSales ? BillingStatus.UnbilledSalesCreated : null;
            line.IsPosted = true;
            actuals.Add(actual);
            posting.Actuals.Add(actual);
            posting.Origin(line.Id, TransactionTypes.JournalLine, actual.Id, TransactionTypes.Actual);
            posting.Origin(entryId, entryType, actual.Id, TransactionTypes.Actual);
        }
        var costActual = actuals.SingleOrDefault(a => a.TransactionType == TransactionType.Cost);
        var salesActual = actuals.SingleOrDefault(a => a.TransactionType == TransactionType.UnbilledSales);
        if (costActual is not null && salesActual is not null)
            posting.Connect(salesActual.Id, ConnectionRoles.UnbilledSales, TransactionTypes.Actual, costActual.Id, ConnectionRoles.Cost, TransactionTypes.Actual);
        return actuals;
    }

    /// <summary>
    /// Cancelling an approval: every cost and unbilled sales actual of the entry gets a reversal
    /// (quantity and amount negated, Unadjustable) and is itself marked Adjusted; sales ones Canceled.
    /// Refused once any of its sales is on an invoice.
    /// </summary>
    public static IReadOnlyList<Actual> CancelApproval(Posting posting, Guid entryId, string entryType, IReadOnlyList<Actual> actuals, DateOnly date, DateTime now)
    {
        var invoiced = actuals.FirstOrDefault(a => a.TransactionType != TransactionType.Cost && a.BillingStatus is not (BillingStatus.UnbilledSalesCreated or BillingStatus.ReadyToInvoice));
        if (invoiced is not null)
            throw new ConflictException($"The approval of entry '{entryId}' cannot be cancelled: its unbilled sales are on invoice '{invoiced.InvoiceId}' ({invoiced.BillingStatus}).");
        var reversals = new List<Actual>();
        foreach (var original in actuals.Where(a => a.AdjustmentStatus is null).OrderBy(a => a.TransactionType))
        {
            var reversal = original.Reversal(date, now);
            original.AdjustmentStatus = AdjustmentStatus.Adjusted;
            reversal.AdjustmentStatus = AdjustmentStatus.Unadjustable;
            if (original.TransactionType != TransactionType.Cost) original.BillingStatus = reversal.BillingStatus = BillingStatus.Canceled;
            reversals.Add(reversal);
            posting.Actuals.Add(reversal);
            posting.Origin(entryId, entryType, reversal.Id, TransactionTypes.Actual);
            posting.Connect(reversal.Id, ConnectionRoles.Reversing, TransactionTypes.Actual, original.Id, ConnectionRoles.Original, TransactionTypes.Actual);
        }
        return reversals;
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
