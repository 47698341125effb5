using PsaBridge.Psa.Actuals;

namespace PsaBridge.Psa.Sales.Estimates;

public sealed record MilestoneInput(string? Name, DateOnly? InvoiceDate, decimal? Amount, bool ReadyForInvoicing = false);

public sealed record LineRoleInput(Guid? RoleId, BillingType? BillingType = null);

public sealed record LineCategoryInput(Guid? TransactionCategoryId, BillingType? BillingType = null);

/// <summary>
/// A quote or contract line as entered. Unset inclusions include the class; a time-and-material line's invoice
/// frequency defaults from the PSA parameters and its delivery date from the quote; a fixed-price line takes an
/// amount, or the sum of its milestones.
/// </summary>
public sealed record SalesLineInput(
    string? Name,
    BillingMethod? BillingMethod,
    Guid? ProjectId = null,
    decimal? BudgetAmount = null,
    bool? IncludeTime = null,
    bool? IncludeExpense = null,
    bool? IncludeFee = null,
    bool? IncludeMaterial = null,
    List<MilestoneInput>? Milestones = null,
    decimal? Amount = null,
    Guid? InvoiceFrequencyId = null,
    DateOnly? BillingStartDate = null,
    DateOnly? RequestedDeliveryDate = null,
    List<Guid>? PriceListIds = null,
    List<LineRoleInput>? Roles = null,
    List<LineCategoryInput>? Categories = null,
    List<LineDetailInput>? Details = null)
{
    /// <summary>The classes the line includes, in the words of messages.</summary>
    public IEnumerable<TransactionClass> Classes()
    {
        if (IncludeTime ?? true) yield return TransactionClass.Time;
        if (IncludeExpense ?? true) yield return TransactionClass.Expense;
        if (IncludeFee ?? true) yield return TransactionClass.Fee;
        if (IncludeMaterial ?? true) yield return TransactionClass.Material;
    }
}
