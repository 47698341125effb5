using Microsoft.AspNetCore.Authorization;
using PsaBridge.Psa.Sales.Quotes;
using PsaBridge.Web.Pages.Shared.Grid;
using PsaBridge.Web.Security;

namespace PsaBridge.Web.Pages.Sales.Quotes;

/// <summary>Project quotes in the shared grid, with their state and rollups.</summary>
[Authorize(Policy = Policies.Read)]
public sealed class IndexModel(QuoteService quotes) : GridListPage<Quote>(Grid)
{
    public static readonly ListGrid<Quote> Grid = new ListGrid<Quote>("quotes", "quotes")
        .KeyedBy(q => q.Id)
        .Column("name", "Quote name", q => q.Name, GridFilterKind.Text)
        .Column("state", "Status", q => q.StateCode, GridFilterKind.Choice)
        .Column("reason", "Status reason", q => q.StatusCode, GridFilterKind.Choice)
        .Column("sales", "Sales", q => q.Rollup.SalesAmount)
        .Column("cost", "Chargeable cost", q => q.Rollup.ChargeableCost)
        .Column("margin", "Gross margin", q => q.Rollup.GrossMargin)
        .Column("profitability", "Profitability %", q => q.Rollup.ProfitabilityPercent)
        .Column("currency", "Currency", q => q.Currency)
        .Column("created", "Created", q => q.CreatedOn, GridFilterKind.DateRange)
        .SortedBy("created", descending: true);

    protected override IQueryable<Quote> Source() => quotes.Query();
}
