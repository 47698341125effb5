using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.Actuals;
using PsaBridge.Psa.OrganizationalUnits;
using PsaBridge.Psa.Pricing;
using PsaBridge.Psa.Resources;

namespace PsaBridge.Psa.Sales.Estimates;

/// <summary>
/// The estimates of a quote or a contract in storage: pricing new ones for a line, pricing the stored ones again
/// when a price list changes, and recomputing the rollups of the lines and the deal. The caller holds the
/// transaction, so a change and its rollups commit together.
/// </summary>
public sealed class DealEstimates(PsaDb db)
{
    /// <summary>What a line's estimates are priced on: the contracting unit's cost lists and the line's (else the deal's) sales lists.</summary>
    public async Task<EstimatePricing> PricingAsync(ISalesDeal deal, SalesLine line, CancellationToken ct)
    {
        var unit = await db.Set<OrganizationalUnit>().AsNoTracking().SingleAsync(u => u.Id == deal.ContractingUnitId, ct);
        var costLists = await ProjectSalesQuery.PriceLists(db).Where(p => p.Context == PriceListContext.Cost && p.OrganizationalUnitId == unit.Id).ToListAsync(ct);
        var ids = ProjectSalesQuery.Effective(line.OwnPriceListIds, deal.DealPriceListIds);
        var salesLists = await ProjectSalesQuery.PriceLists(db).Where(p => ids.Contains(p.Id)).ToListAsync(ct);
        var owner = line.OwnPriceListIds.Any() ? $"line '{line.Name}' of {deal.Noun} '{deal.Name}'" : $"{deal.Noun} '{deal.Name}'";
        return new EstimatePricing(deal.Currency, deal.CustomerId, unit.Id, unit.Name, costLists, owner, salesLists, line.ProjectId);
    }

    /// <summary>Prices the estimates entered for <paramref name="line"/> into their sales and cost records; the errors of the i-th under <paramref name="prefix"/>(i).</summary>
    public async Task<List<T>> PriceAsync<T>(ISalesDeal deal, SalesLine line, IReadOnlyList<LineDetailInput?> inputs, Func<int, string> prefix, CancellationToken ct)
        where T : SalesLineDetail, IDealDetail<T>
    {
        if (inputs.Count == 0) return [];
        var references = await EstimateInputs.ReadAsync(db, inputs, ct);
        var rules = new Rules();
        var facts = inputs.Select((input, i) => references.Facts(rules, prefix(i), input, line)).ToList();
        rules.ThrowIfAny();
        var pricing = await PricingAsync(deal, line, ct);
        var records = new List<T>(inputs.Count * 2);
        for (var i = 0; i < facts.Count; i++)
        {
            var (sales, cost) = DetailPricing.Price(facts[i]!, pricing, prefix(i), () => T.New(deal, line));
            records.Add(sales);
            records.Add(cost);
        }
        return records;
    }

    /// <summary>
    /// Prices the stored estimates of <paramref name="lines"/> again (their price lists or roles changed), in place: the
    /// tracked records get the new prices, amounts and lists. An estimate that can no longer be priced fails the change.
    /// </summary>
    public async Task RepriceAsync<T>(ISalesDeal deal, IReadOnlyCollection<SalesLine> lines, CancellationToken ct) where T : SalesLineDetail, IDealDetail<T>
    {
        var lineIds = lines.Select(l => l.Id).ToList();
        var details = await db.Set<T>().Where(T.OfLines(lineIds)).ToListAsync(ct);
        if (details.Count == 0) return;
        var roleIds = details.Select(d => d.RoleId).OfType<Guid>().Distinct().ToList();
        var categoryIds = details.Select(d => d.TransactionCategoryId).OfType<Guid>().Distinct().ToList();
        var roles = await db.Set<Role>().AsNoTracking().Where(r => roleIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        var categories = await db.Set<TransactionCategory>().AsNoTracking().Where(c => categoryIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var byId = details.ToDictionary(d => d.Id);
        foreach (var line in lines)
        {
            var pricing = await PricingAsync(deal, line, ct);
            foreach (var sales in details.Where(d => d.LineId == line.Id && d.IsSales))
            {
                var cost = byId[sales.OriginId!.Value];
                var facts = new EstimateFacts(sales.TransactionClass, sales.Quantity, sales.StartDate, sales.EndDate, sales.BillingType ?? BillingType.Chargeable,
                    sales.RoleId is { } r ? roles[r] : null, sales.ResourceId, sales.ResourceOrganizationalUnitId,
                    sales.TransactionCategoryId is { } c ? categories[c] : null, sales.Unit, cost.PriceListId is null ? cost.UnitPrice : null, sales.Description);
                var (newSales, newCost) = DetailPricing.Price(facts, pricing, "", () => T.New(deal, line));
                CopyPrice(newSales, sales);
                CopyPrice(newCost, cost);
            }
        }
    }

    /// <summary>Recomputes the rollups of every line of the deal and of the deal, from its stored estimates (save pending changes first).</summary>
    public async Task RecomputeAsync<T>(ISalesDeal deal, CancellationToken ct) where T : SalesLineDetail, IDealDetail<T>
    {
        var amounts = await db.Set<T>().Where(T.OfDeal(deal.Id)).Select(T.Amounts).ToListAsync(ct);
        var rollups = SalesRollups.Lines(deal.DealLines.Select(l => l.Terms), amounts);
        foreach (var line in deal.DealLines) line.Rollup.CopyFrom(rollups[line.Id]);
        deal.Rollup.CopyFrom(SalesRollups.Header(rollups.Values));
    }

    private static void CopyPrice(SalesLineDetail from, SalesLineDetail to)
    {
        to.UnitPrice = from.UnitPrice;
        to.Amount = from.Amount;
        to.PriceListId = from.PriceListId;
        to.Unit = from.Unit;
        to.Currency = from.Currency;
    }
}
