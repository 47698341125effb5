using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Storage;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.Pricing;

namespace PsaBridge.Psa.Sales.Estimates;

/// <summary>
/// The sales price lists of a deal: checking the ones given, defaulting them (a quote's from its opportunity,
/// then its customer, then the PSA parameters), and copying them (custom pricing, and the contract's copy on win).
/// </summary>
public static class SalesPriceLists
{
    /// <summary>
    /// The lists named by <paramref name="ids"/>, each a sales price list in <paramref name="currency"/> (when known)
    /// and named once; errors on <paramref name="field"/>[i].
    /// </summary>
    public static async Task<List<PriceList>> CheckAsync(Rules rules, PsaDb db, string field, IReadOnlyList<Guid>? ids, string? currency, CancellationToken ct)
    {
        if (ids is not { Count: > 0 }) return [];
        var wanted = ids.Distinct().ToList();
        var found = await db.Set<PriceList>().AsNoTracking().Where(p => wanted.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var lists = new List<PriceList>();
        for (var i = 0; i < ids.Count; i++)
        {
            var f = $"{field}[{i}]";
            if (!found.TryGetValue(ids[i], out var list)) rules.Add(f, $"Price list '{ids[i]}' does not exist.");
            else if (ids.Take(i).Contains(ids[i])) rules.Add(f, $"Price list '{list.Name}' is listed twice.");
            else
            {
                Check(rules, f, list, currency);
                lists.Add(list);
            }
        }
        return lists;
    }

    public static void Check(Rules rules, string field, PriceList list, string? currency)
    {
        if (list.Context != PriceListContext.Sales)
            rules.Add(field, $"Price list '{list.Name}' is a {list.Context} price list; a deal takes sales price lists.");
        else if (currency is not null && list.Currency != currency)
            rules.Add(field, $"Price list '{list.Name}' is in '{list.Currency}' but the deal is in '{currency}'; a deal's price lists are in its currency.");
    }

    /// <summary>The first of the candidates that has any lists: how Project Service defaults a deal's price lists.</summary>
    public static IReadOnlyList<Guid> Default(params IReadOnlyList<Guid>[] candidates) => candidates.FirstOrDefault(c => c.Count > 0) ?? [];

    /// <summary>The defaults after the deal's own: the customer's sales price lists, else the PSA parameters'.</summary>
    public static async Task<IReadOnlyList<Guid>> CustomerOrParametersAsync(PsaDb db, Guid customerId, CancellationToken ct)
    {
        var customer = await db.Set<PriceList>().Where(p => p.CustomerId == customerId && p.Context == PriceListContext.Sales)
            .OrderBy(p => p.Name).Select(p => p.Id).ToListAsync(ct);
        if (customer.Count > 0) return customer;
        return await db.Set<Parameters.ProjectParameterPriceList>().Select(p => p.PriceListId).ToListAsync(ct);
    }

    /// <summary>
    /// A copy of a price list with its role and transaction category prices (the only ones Project Service copies),
    /// for one deal only: custom pricing, or the contract's copy of its quote's lists.
    /// </summary>
    public static PriceList Copy(PriceList list, string name, DateTime now)
    {
        var copy = new PriceList
        {
            Id = Ids.New(), Name = name.Length > PriceList.NameLength ? name[..PriceList.NameLength] : name, Context = list.Context, Currency = list.Currency,
            BeginDate = list.BeginDate, EndDate = list.EndDate, CreatedOn = now,
        };
        copy.RolePrices.AddRange(list.RolePrices.Select(r => new RolePrice
        {
            Id = Ids.New(), PriceListId = copy.Id, RoleId = r.RoleId, OrganizationalUnitId = r.OrganizationalUnitId, Unit = r.Unit, Price = r.Price,
        }));
        copy.CategoryPrices.AddRange(list.CategoryPrices.Select(c => new TransactionCategoryPrice
        {
            Id = Ids.New(), PriceListId = copy.Id, TransactionCategoryId = c.TransactionCategoryId, PriceCalculation = c.PriceCalculation,
            Unit = c.Unit, Price = c.Price, Percent = c.Percent,
        }));
        return copy;
    }
}
