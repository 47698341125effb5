using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Paging;
using PsaBridge.Infrastructure.Validation;

namespace PsaBridge.Psa.Sales.Estimates;

/// <summary>
/// The details (estimates) of the lines of an open quote or a draft contract: each priced into its sales record and
/// cost twin, every change recomputing the line's and the deal's rollups in the same transaction.
/// </summary>
public class DealDetails<TDeal, TLine, TDetail>(IDealStore<TDeal, TLine> store, string entity)
    where TDeal : class, ISalesDeal where TLine : SalesLine where TDetail : SalesLineDetail, IDealDetail<TDetail>
{
    private PsaDb Db => store.Db;

    public async Task<LineDetailView> AddAsync(Guid dealId, Guid lineId, LineDetailInput input, CancellationToken ct = default)
    {
        var deal = await store.ForChangeAsync(dealId, ct);
        var line = store.Line(deal, lineId);
        await using var tx = await Db.Database.BeginTransactionAsync(ct);
        var records = await store.Estimates.PriceAsync<TDetail>(deal, line, [input], _ => "", ct);
        Db.AddRange(records);
        await store.SaveWithRollupsAsync(deal, ct);
        await tx.CommitAsync(ct);
        return await GetAsync(dealId, records[0].Id, ct);
    }

    /// <summary>Changes an estimate: both its records are priced again from what is entered now, keeping their ids.</summary>
    public async Task<LineDetailView> UpdateAsync(Guid dealId, Guid detailId, LineDetailInput input, CancellationToken ct = default)
    {
        var deal = await store.ForChangeAsync(dealId, ct);
        var (sales, cost) = await PairAsync(dealId, detailId, ct);
        var line = store.Line(deal, sales.LineId);
        await using var tx = await Db.Database.BeginTransactionAsync(ct);
        var priced = await store.Estimates.PriceAsync<TDetail>(deal, line, [input], _ => "", ct);
        sales.CopyEstimate(priced[0]);
        cost.CopyEstimate(priced[1]);
        await store.SaveWithRollupsAsync(deal, ct);
        await tx.CommitAsync(ct);
        return await GetAsync(dealId, detailId, ct);
    }

    public async Task DeleteAsync(Guid dealId, Guid detailId, CancellationToken ct = default)
    {
        var deal = await store.ForChangeAsync(dealId, ct);
        var (sales, cost) = await PairAsync(dealId, detailId, ct);
        await using var tx = await Db.Database.BeginTransactionAsync(ct);
        Db.RemoveRange(sales, cost);
        await store.SaveWithRollupsAsync(deal, ct);
        await tx.CommitAsync(ct);
    }

    public async Task<LineDetailView> GetAsync(Guid dealId, Guid detailId, CancellationToken ct = default) =>
        await LineDetailViews.OneAsync<TDetail>(Db, dealId, detailId, ct) ?? throw new NotFoundException(entity, detailId.ToString());

    /// <summary>The deal's estimates (of one line when given), by start date; an unknown deal is not found.</summary>
    public async Task<Page<LineDetailView>> ListAsync(Guid dealId, Guid? lineId, PageRequest page, CancellationToken ct = default)
    {
        var deal = await Db.Set<TDeal>().FindAsync([dealId], ct);
        if (deal is null) throw new NotFoundException(entity.Replace(" line detail", ""), dealId.ToString());
        return await LineDetailViews.PageAsync<TDetail>(Db, dealId, lineId, page, ct);
    }

    private async Task<(TDetail Sales, TDetail Cost)> PairAsync(Guid dealId, Guid detailId, CancellationToken ct)
    {
        var sales = await Db.Set<TDetail>().Where(TDetail.OfDeal(dealId)).SingleOrDefaultAsync(d => d.Id == detailId && d.OriginId != null, ct)
                    ?? throw new NotFoundException(entity, detailId.ToString());
        var cost = await Db.Set<TDetail>().SingleAsync(d => d.Id == sales.OriginId, ct);
        return (sales, cost);
    }
}
