using Microsoft.AspNetCore.Mvc;
using PsaBridge.Psa.Projects;
using PsaBridge.Psa.Scheduling;
using PsaBridge.Web.Pages.Shared;

namespace PsaBridge.Web.Pages.Planning;

/// <summary>What the estimates grid's cells show.</summary>
public enum EstimateMeasure { Hours, Cost, Sales }

/// <summary>A project's time-phased estimate by week or month: rows by task, role or resource, totals both ways, in hours, cost or sales.</summary>
[Authorize(Policy = Policies.Read)]
public sealed class EstimatesModel(ProjectService projects, EstimateQueries estimates) : AppPage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true)] public PeriodLength Period { get; set; } = PeriodLength.Week;
    [BindProperty(SupportsGet = true)] public EstimateRows Rows { get; set; } = EstimateRows.Task;
    [BindProperty(SupportsGet = true)] public EstimateMeasure Show { get; set; } = EstimateMeasure.Hours;

    public string ProjectName { get; private set; } = "";
    public EstimateGrid Grid { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        ProjectName = (await projects.GetAsync(Id, ct)).Name;
        Grid = await estimates.GridAsync(Id, new EstimateGridRequest(Period, Rows), ct);
        if (!ModelState.IsValid) Response.StatusCode = StatusCodes.Status400BadRequest;
    }

    /// <summary>A cell in the measure shown: hours, or an amount (its currency is in the column heads).</summary>
    public string Value(EstimateCell cell) => Show switch
    {
        EstimateMeasure.Cost => Ui.Amount(cell.Cost),
        EstimateMeasure.Sales => Grid.SalesCurrency is null ? "—" : Ui.Amount(cell.Sales),
        _ => PlanningUi.Hours(cell.Hours),
    };

    public string Unit => Show switch
    {
        EstimateMeasure.Cost => Grid.CostCurrency,
        EstimateMeasure.Sales => Grid.SalesCurrency ?? "no sales price list",
        _ => "hours",
    };
}
