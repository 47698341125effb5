using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Paging;
using PsaBridge.Psa.Actuals;
using PsaBridge.Psa.Pricing;
using PsaBridge.Psa.Resources;

namespace PsaBridge.Psa.Sales.Estimates;

/// <summary>
/// One estimate as a person reads it: the sales record (its id is the estimate's) beside its cost twin, with the
/// names of what it refers to and its margin; a contract's detail also names the quote line detail it came from.
/// </summary>
public sealed record LineDetailView(
    Guid Id,
    Guid CostId,
    Guid LineId,
    TransactionClass TransactionClass,
    BillingType? BillingType,
    Guid? RoleId,
    string? Role,
    Guid? ResourceId,
    string? Resource,
    Guid? TransactionCategoryId,
    string? TransactionCategory,
    decimal Quantity,
    string? Unit,
    DateOnly StartDate,
    DateOnly EndDate,
    decimal UnitPrice,
    decimal SalesAmount,
    decimal UnitCost,
    decimal CostAmount,
    decimal Margin,
    string Currency,
    Guid? SalesPriceListId,
    Guid? CostPriceListId,
    string? Description,
    Guid? QuoteLineDetailId);

/// <summary>Pages the estimates of a quote or contract (or of one of its lines) as <see cref="LineDetailView"/>s.</summary>
public static class LineDetailViews
{
    public static async Task<Page<LineDetailView>> PageAsync<T>(PsaDb db, Guid dealId, Guid? lineId, PageRequest page, CancellationToken ct)
        where T : SalesLineDetail, IDealDetail<T>
    {
        var query = db.Set<T>().AsNoTracking().Where(T.OfDeal(dealId)).Where(d => d.TransactionType == TransactionType.ProjectContract);
        if (lineId is { } line) query = query.Where(T.OfLines([line]));
        var sales = await query.OrderBy(d => d.StartDate).ThenBy(d => d.Id).ToPageAsync(page, ct);
        var views = await ViewsAsync(db, sales.Items, ct);
        return new Page<LineDetailView>(views, sales.Total, sales.PageNumber, sales.PageSize);
    }

    /// <summary>One estimate by the id of its sales record; null when the deal has none such.</summary>
    public static async Task<LineDetailView?> OneAsync<T>(PsaDb db, Guid dealId, Guid detailId, CancellationToken ct) where T : SalesLineDetail, IDealDetail<T>
    {
        var sales = await db.Set<T>().AsNoTracking().Where(T.OfDeal(dealId))
            .Where(d => d.Id == detailId && d.TransactionType == TransactionType.ProjectContract).ToListAsync(ct);
        return (await ViewsAsync(db, sales, ct)).SingleOrDefault();
    }

    private static async Task<List<LineDetailView>> ViewsAsync<T>(PsaDb db, IReadOnlyList<T> sales, CancellationToken ct) where T : SalesLineDetail, IDealDetail<T>
    {
        var costIds = sales.Select(d => d.OriginId).OfType<Guid>().ToList();
        var costs = await db.Set<T>().AsNoTracking().Where(d => costIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        var roleIds = sales.Select(d => d.RoleId).OfType<Guid>().Distinct().ToList();
        var resourceIds = sales.Select(d => d.ResourceId).OfType<Guid>().Distinct().ToList();
        var categoryIds = sales.Select(d => d.TransactionCategoryId).OfType<Guid>().Distinct().ToList();
        var roles = await db.Set<Role>().Where(r => roleIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        var resources = await db.Set<BookableResource>().Where(r => resourceIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        var categories = await db.Set<TransactionCategory>().Where(c => categoryIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        return sales.Select(s =>
        {
            var cost = costs[s.OriginId!.Value];
            return new LineDetailView(s.Id, cost.Id, s.LineId, s.TransactionClass, s.BillingType, s.RoleId, Name(roles, s.RoleId), s.ResourceId,
                Name(resources, s.ResourceId), s.TransactionCategoryId, Name(categories, s.TransactionCategoryId), s.Quantity, s.Unit, s.StartDate, s.EndDate,
                s.UnitPrice, s.Amount, cost.UnitPrice, cost.Amount, s.Amount - cost.Amount, s.Currency, s.PriceListId, cost.PriceListId, s.Description,
                s.QuoteLineDetailId);
        }).ToList();
    }

    private static string? Name(Dictionary<Guid, string> names, Guid? id) => id is { } g && names.TryGetValue(g, out var name) ? name : null;
}
