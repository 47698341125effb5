using PsaBridge.Psa.Actuals;

namespace PsaBridge.Psa.Pricing;

/// <summary>
/// Everything an entry is priced from, loaded once by the service: the cost price lists of the
/// project's contracting unit, and the sales terms with the sales price lists they point to (the
/// contract's, or the customer's when the project has a customer but no contract).
/// </summary>
public sealed record PricingInputs(
    Guid ContractingUnitId,
    string ContractingUnitName,
    IReadOnlyList<PriceList> CostPriceLists,
    SalesTerms Sales,
    string SalesPriceListOwner,
    IReadOnlyList<PriceList> SalesPriceLists,
    ResourcingUnitPrices? ResourcingUnit = null)
{
    public string CostDescription => $"cost price list of organizational unit '{ContractingUnitName}'";
    public string SalesDescription => $"sales price list of {SalesPriceListOwner}";
}

/// <summary>
/// The cost price lists of a resourcing unit other than the contracting unit: its work posts Resourcing Unit Cost at its
/// own cost price, in its own currency.
/// </summary>
public sealed record ResourcingUnitPrices(Guid UnitId, string UnitName, IReadOnlyList<PriceList> CostPriceLists)
{
    public string CostDescription => $"cost price list of organizational unit '{UnitName}'";
}
