using PsaBridge.Infrastructure.Storage;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.Actuals;
using PsaBridge.Psa.Pricing;
using PsaBridge.Psa.Resources;

namespace PsaBridge.Psa.Sales.Estimates;

/// <summary>An estimate as entered: what, who, how much and when.</summary>
public sealed record LineDetailInput(
    TransactionClass? TransactionClass,
    decimal? Quantity,
    DateOnly? StartDate,
    DateOnly? EndDate = null,
    Guid? RoleId = null,
    Guid? ResourceId = null,
    Guid? ResourceOrganizationalUnitId = null,
    Guid? TransactionCategoryId = null,
    BillingType? BillingType = null,
    string? Unit = null,
    decimal? UnitCost = null,
    string? Description = null);

/// <summary>An estimate with its references read: the facts it is priced from.</summary>
public sealed record EstimateFacts(
    TransactionClass TransactionClass,
    decimal Quantity,
    DateOnly StartDate,
    DateOnly EndDate,
    BillingType BillingType,
    Role? Role,
    Guid? ResourceId,
    Guid? ResourceOrganizationalUnitId,
    TransactionCategory? Category,
    string? Unit,
    decimal? UnitCost,
    string? Description);

/// <summary>
/// What an estimate of a deal is priced on: the deal's currency and customer, the contracting unit and its cost
/// price lists, and the sales price lists of the line (its own, else its header's).
/// </summary>
public sealed record EstimatePricing(
    string Currency,
    Guid CustomerId,
    Guid ContractingUnitId,
    string ContractingUnitName,
    IReadOnlyList<PriceList> CostPriceLists,
    string SalesOwner,
    IReadOnlyList<PriceList> SalesPriceLists,
    Guid? ProjectId)
{
    public string CostDescription => $"cost price list of organizational unit '{ContractingUnitName}'";
    public string SalesDescription => $"sales price list of {SalesOwner}";
}

/// <summary>
/// Prices an estimate into its two records (reference psa-data-model.md §3, "Price resolution"): time by the role
/// (and resourcing unit) on the effective cost and sales lists; expense and fee by their transaction category,
/// cost at the cost list's price per unit or the cost entered, sales per unit, at cost or marked up. Only time,
/// expense and fee are estimated (reference A4). A price that cannot be found fails with a message naming the
/// dimension that failed: no list on the date, no price for the role, no cost for the category. Plain code.
/// </summary>
public static class DetailPricing
{
    public static (T Sales, T Cost) Price<T>(EstimateFacts facts, EstimatePricing pricing, string prefix, Func<T> make) where T : SalesLineDetail
    {
        var (cost, sales) = facts.TransactionClass switch
        {
            TransactionClass.Time => Time(facts, pricing, prefix),
            TransactionClass.Expense or TransactionClass.Fee => ByCategory(facts, pricing, prefix),
            _ => throw new ValidationFailedException(prefix + "transactionClass",
                $"Transaction class '{facts.TransactionClass}' is not estimated; a line detail estimates Time, Expense or Fee."),
        };
        if (sales.Currency != pricing.Currency)
            throw new ValidationFailedException(prefix + "startDate", $"The sales price comes in '{sales.Currency}' but the deal is in '{pricing.Currency}'.");
        if (cost.Currency != pricing.Currency)
            throw new ValidationFailedException(prefix + (facts.TransactionClass == TransactionClass.Time ? "roleId" : "transactionCategoryId"),
                $"The cost comes in '{cost.Currency}' (the {pricing.CostDescription}) but the deal is in '{pricing.Currency}'; " +
                "its margin cannot be worked out, as no exchange rates are kept.");

        var costDetail = Fill(make(), facts, pricing, TransactionType.Cost, cost);
        var salesDetail = Fill(make(), facts, pricing, TransactionType.ProjectContract, sales);
        salesDetail.OriginId = costDetail.Id;
        return (salesDetail, costDetail);
    }

    /// <summary>
    /// The billing type of an estimate: as entered, else as the line names the role or category, else the role's or
    /// category's own default chargeability.
    /// </summary>
    public static BillingType BillingType(BillingType? entered, SalesLine line, Role? role, TransactionCategory? category)
    {
        if (entered is { } given) return given;
        if (role is not null && line.IncludedRoles.FirstOrDefault(r => r.RoleId == role.Id) is { } lineRole) return lineRole.BillingType;
        if (category is not null && line.IncludedCategories.FirstOrDefault(c => c.TransactionCategoryId == category.Id) is { } lineCategory)
            return lineCategory.BillingType;
        return role?.BillingType ?? category?.BillingType ?? Actuals.BillingType.Chargeable;
    }

    /// <summary>Whether the line takes the estimate: its class included, its role and category named when the line names any.</summary>
    public static void CheckLineTakes(Rules rules, string prefix, SalesLine line, TransactionClass transactionClass, Role? role, TransactionCategory? category)
    {
        if (transactionClass is TransactionClass.Time or TransactionClass.Expense or TransactionClass.Fee && !line.Includes(transactionClass))
            rules.Add(prefix + "transactionClass", $"Line '{line.Name}' does not include {transactionClass}; include it on the line or estimate it on another.");
        if (role is not null && line.IncludedRoles.Any() && line.IncludedRoles.All(r => r.RoleId != role.Id))
            rules.Add(prefix + "roleId", $"Line '{line.Name}' names its roles and role '{role.Name}' is not one of them.");
        if (category is not null && line.IncludedCategories.Any() && line.IncludedCategories.All(c => c.TransactionCategoryId != category.Id))
            rules.Add(prefix + "transactionCategoryId", $"Line '{line.Name}' names its transaction categories and '{category.Name}' is not one of them.");
    }

    private static (PriceQuote Cost, PriceQuote Sales) Time(EstimateFacts f, EstimatePricing p, string prefix)
    {
        if (f.Role is not { } role) throw new ValidationFailedException(prefix + "roleId", $"'{prefix}roleId' is required: time is priced by role.");
        var costList = PriceResolution.EffectiveList(p.CostPriceLists, f.StartDate, p.CostDescription, prefix + "startDate");
        var cost = PriceResolution.RolePrice(costList, role.Id, role.Name, f.ResourceOrganizationalUnitId, prefix + "roleId");
        var salesList = PriceResolution.EffectiveList(p.SalesPriceLists, f.StartDate, p.SalesDescription, prefix + "startDate");
        var sales = PriceResolution.RolePrice(salesList, role.Id, role.Name, f.ResourceOrganizationalUnitId, prefix + "roleId");
        return (cost, sales);
    }

    private static (PriceQuote Cost, PriceQuote Sales) ByCategory(EstimateFacts f, EstimatePricing p, string prefix)
    {
        if (f.Category is not { } category)
            throw new ValidationFailedException(prefix + "transactionCategoryId", $"'{prefix}transactionCategoryId' is required: {f.TransactionClass} is priced by transaction category.");
        var effectiveCost = p.CostPriceLists.Where(l => l.IsEffectiveOn(f.StartDate)).ToList();
        var costList = effectiveCost.Count > 1 ? PriceResolution.EffectiveList(effectiveCost, f.StartDate, p.CostDescription, prefix + "startDate") : effectiveCost.SingleOrDefault();
        var listed = costList?.CategoryPrices.Any(c => c.TransactionCategoryId == category.Id && c.PriceCalculation == PriceCalculation.PricePerUnit) == true;
        // A fee usually costs nothing; an expense's cost must come from somewhere.
        if (!listed && f.UnitCost is null && f.TransactionClass == TransactionClass.Expense)
            throw new ValidationFailedException(prefix + "unitCost",
                $"The {p.CostDescription} has no price per unit for category '{category.Name}', so '{prefix}unitCost' is required.");
        var cost = PriceResolution.ExpenseCostPrice(costList, category.Id, f.UnitCost ?? 0m, p.Currency, f.Unit ?? category.DefaultUnit);
        var salesList = PriceResolution.EffectiveList(p.SalesPriceLists, f.StartDate, p.SalesDescription, prefix + "startDate");
        return (cost, PriceResolution.ExpenseSalesPrice(salesList, category.Id, cost.UnitPrice, cost.Unit));
    }

    private static T Fill<T>(T d, EstimateFacts f, EstimatePricing p, TransactionType type, PriceQuote price) where T : SalesLineDetail
    {
        d.Id = Ids.New();
        d.TransactionType = type;
        d.TransactionClass = f.TransactionClass;
        d.BillingType = f.BillingType;
        d.StartDate = f.StartDate;
        d.EndDate = f.EndDate;
        d.DocumentDate = f.StartDate;
        d.Quantity = f.Quantity;
        d.Unit = price.Unit ?? f.Unit;
        d.UnitPrice = price.UnitPrice;
        d.Amount = PriceResolution.Amount(f.Quantity, price.UnitPrice);
        d.Currency = price.Currency;
        d.PriceListId = price.PriceListId;
        d.ProjectId = p.ProjectId;
        d.ResourceId = f.ResourceId;
        d.RoleId = f.Role?.Id;
        d.ResourceOrganizationalUnitId = f.ResourceOrganizationalUnitId;
        d.ContractOrganizationalUnitId = p.ContractingUnitId;
        d.TransactionCategoryId = f.Category?.Id;
        d.CustomerId = p.CustomerId;
        d.Description = f.Description;
        return d;
    }
}
