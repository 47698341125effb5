using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PsaBridge.Psa;
using PsaBridge.Psa.Accounts;
using PsaBridge.Psa.Actuals;
using PsaBridge.Psa.OrganizationalUnits;
using PsaBridge.Psa.Projects;
using PsaBridge.Psa.Sales;
using PsaBridge.Web.Pages.Shared;

namespace PsaBridge.Web.Pages.Psa.Projects;

/// <summary>A contract line that bills the project, with its contract.</summary>
public sealed record ProjectContractLine(Guid ContractId, string Contract, string Line, BillingMethod BillingMethod, decimal? BudgetAmount, string Currency);

/// <summary>One project: its customer, contract lines, manager and dates, its tasks and team, and its actuals with their totals.</summary>
[Authorize(Policy = Policies.Read)]
public sealed class DetailsModel(PsaDb db, ProjectService projects, ActualQueries actuals, Choices choices, TimeProvider clock) : AppPage
{
    /// <summary>How many of the project's latest actuals the page lists; the actuals list has them all.</summary>
    public const int LatestActuals = 20;

    [FromRoute] public Guid Id { get; set; }

    public Project Project { get; private set; } = null!;
    public string? Customer { get; private set; }
    public string? ContractingUnit { get; private set; }
    public List<ProjectContractLine> ContractLines { get; private set; } = [];
    public IReadOnlyList<ActualTotal> Totals { get; private set; } = [];
    public List<ActualView> Actuals { get; private set; } = [];
    public int ActualCount { get; private set; }
    public Dictionary<Guid, string> Names { get; private set; } = [];

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public string Name(Guid? id) => id is { } g && Names.TryGetValue(g, out var n) ? n : "—";

    public async Task OnGetAsync(CancellationToken ct)
    {
        Project = await projects.GetAsync(Id, ct);
        Customer = await db.Set<Account>().Where(a => a.Id == Project.CustomerId).Select(a => a.Name).SingleOrDefaultAsync(ct);
        ContractingUnit = await db.Set<OrganizationalUnit>().Where(u => u.Id == Project.ContractingUnitId).Select(u => u.Name).SingleOrDefaultAsync(ct);
        ContractLines = await (from l in db.Set<ContractLine>()
                               join c in db.Set<ProjectContract>() on l.ContractId equals c.Id
                               where l.ProjectId == Id
                               orderby c.Name, l.Name
                               select new ProjectContractLine(c.Id, c.Name, l.Name, l.BillingMethod, l.BudgetAmount, c.Currency)).ToListAsync(ct);
        var filter = new ActualFilter(ProjectId: Id);
        Totals = await actuals.TotalsAsync(filter, ct);
        ActualCount = Totals.Sum(t => t.Count);
        Actuals = await actuals.Rows(filter).OrderByDescending(a => a.DocumentDate).ThenByDescending(a => a.CreatedOn).Take(LatestActuals).ToListAsync(ct);
        Names = (await choices.ResourcesAsync(ct)).Concat(await choices.RolesAsync(ct)).DistinctBy(c => c.Id).ToDictionary(c => c.Id, c => c.Name);
        Names.TryAdd(Project.ContractingUnitId, ContractingUnit ?? "—");
        var units = Project.TeamMembers.Select(t => t.OrganizationalUnitId).Distinct().ToList();
        foreach (var unit in await db.Set<OrganizationalUnit>().Where(u => units.Contains(u.Id)).Select(u => new { u.Id, u.Name }).ToListAsync(ct))
            Names.TryAdd(unit.Id, unit.Name);
    }
}
