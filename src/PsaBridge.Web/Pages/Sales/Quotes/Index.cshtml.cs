using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PsaBridge.Psa.Sales.Quotes;
using PsaBridge.Web.Pages.Shared.Grid;
using PsaBridge.Web.Security;

namespace PsaBridge.Web.Pages.Sales.Quotes;

/// <summary>Project quotes in the shared grid, with their state and rollups; the selected drafts activated together, each failing alone.</summary>
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

    /// <summary>Only activation is offered on many quotes: closing one needs its own reason (and, as lost, a confirmation) on the quote.</summary>
    public static readonly GridAction[] Actions = [new("Activate", "Activate selected drafts")];

    protected override IQueryable<Quote> Source() => quotes.Query();

    [HandlerPolicy(Policies.ManageProjects)]
    public Task<IActionResult> OnPostActivateAsync(CancellationToken ct) =>
        EachSelectedAsync(Query.Selected, "draft quotes", "activated", id => quotes.ActivateAsync(id, ct));
}
