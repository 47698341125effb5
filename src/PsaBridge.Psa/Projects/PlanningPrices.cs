using PsaBridge.Psa.Pricing;

namespace PsaBridge.Psa.Projects;

/// <summary>
/// The price lists a project's plan is priced from: the contracting unit's cost lists (in its currency), and the sales
/// lists of the project's contract, or none (an internal project is planned at cost only). Planning never refuses for
/// want of a price: a day with no single effective list or no role price is estimated at zero, as Project Service's
/// estimates fall back to 0 (reference B5).
/// </summary>
public sealed record PlanningPrices(string CostCurrency, IReadOnlyList<PriceList> CostLists, string? SalesCurrency, IReadOnlyList<PriceList> SalesLists)
{
    public PriceQuote Cost(DateOnly date, Guid roleId, Guid unitId) => Price(CostLists, CostCurrency, date, roleId, unitId);

    public PriceQuote? Sales(DateOnly date, Guid roleId, Guid unitId) =>
        SalesCurrency is { } currency ? Price(SalesLists, currency, date, roleId, unitId) : null;

    private static PriceQuote Price(IReadOnlyList<PriceList> lists, string currency, DateOnly date, Guid roleId, Guid unitId)
    {
        var list = PriceResolution.SingleEffectiveList(lists, date);
        var price = list is null ? null : PriceResolution.FindRolePrice(list, roleId, unitId);
        return price is null ? new PriceQuote(list?.Id, currency, 0m, "Hour") : new PriceQuote(list!.Id, list.Currency, price.Price, price.Unit);
    }
}
