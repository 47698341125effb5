using PsaBridge.Infrastructure.Storage;
using PsaBridge.Psa.Actuals;

namespace PsaBridge.Psa.Projects;

/// <summary>Who and what an assignment's estimate lines are for: the dimensions every line of it carries.</summary>
public sealed record EstimateDimensions(Guid EstimateId, Project Project, ResourceAssignment Assignment, Guid ResourceUnitId, BillingType BillingType);

/// <summary>
/// The estimate lines of one assignment: for each day of its planned work a cost line at the cost price and, when the
/// project has sales price lists, a sales line at the sales price whose origin is the cost line (reference B5: sales
/// and cost lines are made together). Amounts are rounded to cents a line, as every transaction here is.
/// </summary>
public static class EstimateLines
{
    public static List<EstimateLine> For(EstimateDimensions d, IReadOnlyList<WorkSlice> slices, PlanningPrices prices)
    {
        var lines = new List<EstimateLine>(slices.Count * 2);
        foreach (var slice in slices)
        {
            var cost = Line(d, slice, TransactionType.Cost, prices.Cost(slice.Date, d.Assignment.RoleId, d.ResourceUnitId));
            lines.Add(cost);
            if (prices.Sales(slice.Date, d.Assignment.RoleId, d.ResourceUnitId) is { } salesPrice)
            {
                var sales = Line(d, slice, TransactionType.ProjectContract, salesPrice);
                sales.OriginId = cost.Id;
                lines.Add(sales);
            }
        }
        return lines;
    }

    private static EstimateLine Line(EstimateDimensions d, WorkSlice slice, TransactionType type, Pricing.PriceQuote price) => new()
    {
        Id = Ids.New(),
        EstimateId = d.EstimateId,
        AssignmentId = d.Assignment.Id,
        TransactionType = type,
        TransactionClass = TransactionClass.Time,
        BillingType = d.BillingType,
        DocumentDate = slice.Date,
        Quantity = slice.Hours,
        Unit = price.Unit ?? "Hour",
        UnitPrice = price.UnitPrice,
        Amount = Money.Round(slice.Hours * price.UnitPrice),
        Currency = price.Currency,
        PriceListId = price.PriceListId,
        ProjectId = d.Project.Id,
        TaskId = d.Assignment.TaskId,
        ResourceId = d.Assignment.ResourceId,
        RoleId = d.Assignment.RoleId,
        ResourceOrganizationalUnitId = d.ResourceUnitId,
        ContractOrganizationalUnitId = d.Project.ContractingUnitId,
        CustomerId = d.Project.CustomerId,
        ContractId = d.Project.ContractId,
    };
}
