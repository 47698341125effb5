using Microsoft.EntityFrameworkCore;
using PsaBridge.Psa.Accounts;
using PsaBridge.Psa.Actuals;
using PsaBridge.Psa.Pricing;
using PsaBridge.Psa.Projects;
using PsaBridge.Psa.Sales.Quotes;

namespace PsaBridge.Psa.Sales;

/// <summary>What a project's sales are priced on: a contract line, a quote line, the customer, or nothing (an internal project).</summary>
public enum ProjectSalesSource { None, Customer, Quote, Contract }

/// <summary>
/// Who a project's work of one transaction class is sold to and on which sales price lists: the terms the
/// posting rules post unbilled sales by, the owner of the lists (for messages), and the lists with their prices.
/// </summary>
public sealed record ProjectSales(ProjectSalesSource Source, SalesTerms Terms, string Owner, IReadOnlyList<PriceList> PriceLists, Guid? QuoteId = null, Guid? QuoteLineId = null);

/// <summary>
/// The sales price lists that apply to a project (seeds/003: a project earns sales when it "has customer, quote or
/// contract"): those of the contract line covering the class (else of its contract); when the project is on no
/// contract, those of an open quote's line naming it (else of that quote); else its customer's. A line's own price
/// lists, when it has any, come before its header's. Of several open quotes naming the project, an active one comes
/// before a draft, then the one changed last.
/// </summary>
public static class ProjectSalesQuery
{
    public static async Task<ProjectSales> ForProjectAsync(PsaDb db, Guid projectId, TransactionClass transactionClass, CancellationToken ct)
    {
        var project = await db.Set<Project>().AsNoTracking().SingleAsync(p => p.Id == projectId, ct);
        if (project.ContractId is { } contractId)
        {
            var contract = await db.Set<ProjectContract>().AsNoTracking().Include(c => c.Lines).ThenInclude(l => l.PriceLists)
                .Include(c => c.PriceLists).AsSplitQuery().SingleAsync(c => c.Id == contractId, ct);
            var line = contract.Lines.FirstOrDefault(l => l.ProjectId == project.Id && l.Includes(transactionClass));
            var ids = Effective(line?.PriceLists.Select(p => p.PriceListId) ?? [], contract.PriceLists.Select(p => p.PriceListId));
            return new ProjectSales(ProjectSalesSource.Contract, new SalesTerms(contract.CustomerId, contract, line),
                line is { PriceLists.Count: > 0 } ? $"contract line '{line.Name}' of contract '{contract.Name}'" : $"contract '{contract.Name}'",
                await ListsAsync(db, ids, ct));
        }

        var quoteLines = await (
                from l in db.Set<QuoteLine>().AsNoTracking().Include(l => l.PriceLists)
                join q in db.Set<Quote>() on l.QuoteId equals q.Id
                where l.ProjectId == projectId && (q.StateCode == QuoteState.Draft || q.StateCode == QuoteState.Active)
                orderby q.StateCode descending, q.ModifiedOn descending, q.Id
                select new { Line = l, Quote = q })
            .ToListAsync(ct);
        var found = quoteLines.FirstOrDefault(x => x.Line.Includes(transactionClass)) ?? quoteLines.FirstOrDefault();
        if (found is not null)
        {
            var (l, q) = (found.Line, found.Quote);
            var covers = l.Includes(transactionClass);
            var ids = Effective(covers ? l.PriceLists.Select(p => p.PriceListId) : [],
                await db.Set<QuotePriceList>().Where(p => p.QuoteId == q.Id).Select(p => p.PriceListId).ToListAsync(ct));
            var terms = new SalesTerms(q.CustomerId, null, null, covers ? l.BillingMethod : null);
            return new ProjectSales(ProjectSalesSource.Quote, terms,
                covers && l.PriceLists.Count > 0 ? $"quote line '{l.Name}' of quote '{q.Name}'" : $"quote '{q.Name}'", await ListsAsync(db, ids, ct), q.Id, l.Id);
        }

        if (project.CustomerId is { } customer)
        {
            var name = await db.Set<Account>().Where(a => a.Id == customer).Select(a => a.Name).SingleAsync(ct);
            var lists = await PriceLists(db).Where(p => p.Context == PriceListContext.Sales && p.CustomerId == customer).ToListAsync(ct);
            return new ProjectSales(ProjectSalesSource.Customer, new SalesTerms(customer, null, null), $"customer '{name}'", lists);
        }
        return new ProjectSales(ProjectSalesSource.None, SalesTerms.Internal, "", []);
    }

    /// <summary>The price lists of a line when it has its own, else of its header: how a deal's line is priced.</summary>
    public static IReadOnlyList<Guid> Effective(IEnumerable<Guid> lineLists, IEnumerable<Guid> headerLists)
    {
        var own = lineLists.ToList();
        return own.Count > 0 ? own : headerLists.ToList();
    }

    private static async Task<IReadOnlyList<PriceList>> ListsAsync(PsaDb db, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        return await PriceLists(db).Where(p => wanted.Contains(p.Id)).ToListAsync(ct);
    }

    /// <summary>Price lists with their role and category prices, as price resolution reads them.</summary>
    public static IQueryable<PriceList> PriceLists(PsaDb db) =>
        db.Set<PriceList>().AsNoTracking().Include(p => p.RolePrices).Include(p => p.CategoryPrices).AsSplitQuery();
}
