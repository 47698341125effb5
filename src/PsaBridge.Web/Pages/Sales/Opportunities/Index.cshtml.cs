using Microsoft.AspNetCore.Authorization;
using PsaBridge.Psa.Sales.Opportunities;
using PsaBridge.Web.Pages.Shared.Grid;
using PsaBridge.Web.Security;

namespace PsaBridge.Web.Pages.Sales.Opportunities;

/// <summary>The opportunities of the sales pipeline in the shared grid.</summary>
[Authorize(Policy = Policies.Read)]
public sealed class IndexModel(OpportunityService opportunities) : GridListPage<Opportunity>(Grid)
{
    public static readonly ListGrid<Opportunity> Grid = new ListGrid<Opportunity>("opportunities", "opportunities")
        .KeyedBy(o => o.Id)
        .Column("name", "Topic", o => o.Name, GridFilterKind.Text)
        .Column("state", "Status", o => o.StateCode, GridFilterKind.Choice)
        .Column("reason", "Status reason", o => o.StatusCode, GridFilterKind.Choice)
        .Column("ordertype", "Order type", o => o.OrderType, GridFilterKind.Choice)
        .Column("value", "Est. revenue", o => o.EstimatedValue)
        .Column("currency", "Currency", o => o.Currency)
        .Column("closedate", "Est. close date", o => o.EstimatedCloseDate)
        .Column("probability", "Probability", o => o.CloseProbability)
        .Column("created", "Created", o => o.CreatedOn, GridFilterKind.DateRange)
        .SortedBy("created", descending: true);

    protected override IQueryable<Opportunity> Source() => opportunities.Query();
}
