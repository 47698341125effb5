using PsaBridge.Psa.Actuals;
using PsaBridge.Psa.Journals;
using PsaBridge.Psa.Pricing;
using PsaBridge.Psa.Resources;

namespace PsaBridge.Psa.Time;

/// <summary>
/// Prices a time entry on submission: cost from the role price on the contracting unit's cost price list,
/// unbilled sales from the role price on the contract's sales price list, both effective on the entry date; the work of a
/// resource from another unit also from the role price on that resourcing unit's own cost price list.
/// </summary>
public static class TimeEntryPricing
{
    public static Journal Submit(Posting posting, TimeEntry entry, Role role, PricingInputs inputs, DateTime now)
    {
        var costList = PriceResolution.EffectiveList(inputs.CostPriceLists, entry.Date, inputs.CostDescription, "date");
        var cost = PriceResolution.RolePrice(costList, role.Id, role.Name, entry.ResourceOrganizationalUnitId, "roleId");
        PriceQuote? sales = null;
        if (inputs.Sales.PostsUnbilledSales)
        {
            var salesList = PriceResolution.EffectiveList(inputs.SalesPriceLists, entry.Date, inputs.SalesDescription, "date");
            sales = PriceResolution.RolePrice(salesList, role.Id, role.Name, entry.ResourceOrganizationalUnitId, "roleId");
        }
        PriceQuote? resourcingUnitCost = null;
        if (inputs.ResourcingUnit is { } unit && unit.UnitId != inputs.ContractingUnitId && unit.UnitId == entry.ResourceOrganizationalUnitId)
        {
            var unitList = PriceResolution.EffectiveList(unit.CostPriceLists, entry.Date, unit.CostDescription, "date");
            resourcingUnitCost = PriceResolution.RolePrice(unitList, role.Id, role.Name, unit.UnitId, "roleId");
        }
        return PostingRules.Journalize(posting, Facts(entry, role, inputs.ContractingUnitId), inputs.Sales, cost, sales, now, resourcingUnitCost);
    }

    public static EntryFacts Facts(TimeEntry entry, Role role, Guid contractingUnitId) => new(
        entry.Id, TransactionTypes.TimeEntry, TransactionClass.Time, entry.Date, entry.Hours, role.BillingType, entry.ProjectId, contractingUnitId,
        entry.TaskId, entry.ResourceId, entry.RoleId, entry.ResourceOrganizationalUnitId, null, entry.ExternalDescription ?? entry.Description);
}
