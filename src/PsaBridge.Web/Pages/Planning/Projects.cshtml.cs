using Microsoft.AspNetCore.Mvc;
using PsaBridge.Psa.Projects;
using PsaBridge.Web.Pages.Shared;
using PsaBridge.Web.Pages.Shared.Grid;

namespace PsaBridge.Web.Pages.Planning;

/// <summary>The projects in the shared grid, each a link to its plan; the selected ones exported.</summary>
[Authorize(Policy = Policies.Read)]
public sealed class ProjectsModel(PlanQueries plans) : AppPage
{
    public static readonly ListGrid<Project> Grid = new ListGrid<Project>("projects", "projects")
        .KeyedBy(p => p.Id)
        .Column("name", "Project", p => p.Name, GridFilterKind.Text)
        .Column("start", "Scheduled start", p => p.ScheduledStart, GridFilterKind.DateRange)
        .Column("end", "Scheduled end", p => p.ScheduledEnd, GridFilterKind.DateRange)
        .Column("status", "Status", p => p.StatusCode, GridFilterKind.Choice)
        .SortedBy("name");

    [BindProperty(SupportsGet = true)] public GridQuery Query { get; set; } = new();

    public GridPage<Project> Projects { get; private set; } = GridPage<Project>.Empty;

    public async Task OnGetAsync(CancellationToken ct) => Projects = Checked(await Grid.PageAsync(plans.Projects(), Query, ct));

    public IActionResult OnGetExport() => Grid.Export(plans.Projects(), Query);

    public IActionResult OnPostExport() => OnGetExport();
}
