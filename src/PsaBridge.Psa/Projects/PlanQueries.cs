using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.Actuals;
using PsaBridge.Psa.OrganizationalUnits;
using PsaBridge.Psa.Resources;
using PsaBridge.Psa.Sales;

namespace PsaBridge.Psa.Projects;

/// <summary>Who works on a task: a team member (named or generic) or a role not yet on the team.</summary>
public sealed record AssigneeView(Guid AssignmentId, Guid? TeamMemberId, Guid? ResourceId, string Name, Guid RoleId, string Role, decimal Hours,
    decimal PlannedCost, decimal PlannedSales);

/// <summary>A task of the plan with its rollups: planned from the assignments, actual from the Actuals (cost; unbilled and billed sales, net).</summary>
public sealed record PlanTaskView(
    Guid Id,
    Guid? ParentTaskId,
    string? WbsId,
    int Depth,
    string Name,
    bool IsSummary,
    DateOnly? ScheduledStart,
    DateOnly? ScheduledEnd,
    decimal Effort,
    decimal Progress,
    decimal PlannedCost,
    decimal PlannedSales,
    decimal ActualCost,
    decimal ActualSales,
    IReadOnlyList<AssigneeView> Assignees);

/// <summary>
/// A project's plan: the root (named after the project, summarizing the top-level tasks, as Project Service's read-only
/// root node does) and the tasks in outline order. Cost is in the contracting unit's currency, sales in the contract's.
/// </summary>
public sealed record ProjectPlan(
    Guid ProjectId,
    string Name,
    DateOnly? ScheduledStart,
    DateOnly? ScheduledEnd,
    decimal Effort,
    decimal PlannedCost,
    decimal PlannedSales,
    decimal ActualCost,
    decimal ActualSales,
    string CostCurrency,
    string? SalesCurrency,
    IReadOnlyList<PlanTaskView> Tasks);

/// <summary>Reads a project's plan.</summary>
public sealed class PlanQueries(PsaDb db)
{
    /// <summary>The projects, for a list of plans to open.</summary>
    public IQueryable<Project> Projects() => db.Set<Project>().AsNoTracking();

    public async Task<ProjectPlan> GetAsync(Guid projectId, CancellationToken ct = default)
    {
        var project = await db.Set<Project>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId, ct)
                      ?? throw new NotFoundException("Project", projectId.ToString());
        var breakdown = new WorkBreakdown(await db.Set<ProjectTask>().AsNoTracking().Where(t => t.ProjectId == projectId).ToListAsync(ct));
        var assignees = (await AssigneesAsync(projectId, ct)).ToLookup(a => a.TaskId, a => a.View);
        var actuals = (await db.Set<Actual>().AsNoTracking()
                .Where(a => a.ProjectId == projectId && a.TaskId != null && a.TransactionClass == TransactionClass.Time
                            && (a.TransactionType == TransactionType.Cost || a.TransactionType == TransactionType.UnbilledSales || a.TransactionType == TransactionType.BilledSales))
                .Select(a => new { TaskId = a.TaskId!.Value, a.TransactionType, a.Amount }).ToListAsync(ct))
            .GroupBy(a => a.TaskId)
            .ToDictionary(g => g.Key, g => (Cost: g.Where(a => a.TransactionType == TransactionType.Cost).Sum(a => a.Amount),
                Sales: g.Where(a => a.TransactionType != TransactionType.Cost).Sum(a => a.Amount)));
        var tasks = breakdown.InOrder().Select(x =>
        {
            var t = x.Task;
            return new PlanTaskView(t.Id, t.ParentTaskId, t.WbsId, x.Depth, t.Name, breakdown.IsSummary(t.Id), t.ScheduledStart, t.ScheduledEnd, t.Effort ?? 0m,
                t.Progress, t.PlannedCost, t.PlannedSales, breakdown.SumOverSubtree(t, id => actuals.GetValueOrDefault(id).Cost),
                breakdown.SumOverSubtree(t, id => actuals.GetValueOrDefault(id).Sales), assignees[t.Id].ToList());
        }).ToList();
        var top = tasks.Where(t => t.Depth == 0).ToList();
        var unit = await db.Set<OrganizationalUnit>().AsNoTracking().SingleAsync(u => u.Id == project.ContractingUnitId, ct);
        var salesCurrency = project.ContractId is { } contractId
            ? await db.Set<ProjectContract>().Where(c => c.Id == contractId).Select(c => c.Currency).SingleAsync(ct)
            : null;
        return new ProjectPlan(project.Id, project.Name, top.Min(t => t.ScheduledStart), top.Max(t => t.ScheduledEnd), top.Sum(t => t.Effort),
            top.Sum(t => t.PlannedCost), top.Sum(t => t.PlannedSales), top.Sum(t => t.ActualCost), top.Sum(t => t.ActualSales), unit.Currency, salesCurrency, tasks);
    }

    private async Task<List<(Guid TaskId, AssigneeView View)>> AssigneesAsync(Guid projectId, CancellationToken ct)
    {
        var rows = await (from a in db.Set<ResourceAssignment>().AsNoTracking()
                          join role in db.Set<Role>() on a.RoleId equals role.Id
                          join r in db.Set<BookableResource>() on a.ResourceId equals r.Id into named
                          from resource in named.DefaultIfEmpty()
                          where a.ProjectId == projectId
                          select new { a, Role = role.Name, Resource = resource == null ? null : resource.Name }).ToListAsync(ct);
        return rows.OrderBy(x => x.Resource ?? "\uffff" + x.Role, StringComparer.OrdinalIgnoreCase)
            .Select(x => (x.a.TaskId, new AssigneeView(x.a.Id, x.a.TeamMemberId, x.a.ResourceId, TeamNames.Of(x.a.TeamMemberId, x.Resource, x.Role),
                x.a.RoleId, x.Role, x.a.Hours, x.a.PlannedCost, x.a.PlannedSales))).ToList();
    }
}

/// <summary>How the plan names who works on something.</summary>
public static class TeamNames
{
    /// <summary>The resource's name; "Generic Solution Architect" for a generic member; "Solution Architect (not on the team)" for a role alone.</summary>
    public static string Of(Guid? teamMemberId, string? resourceName, string roleName) =>
        resourceName ?? (teamMemberId is null ? $"{roleName} (not on the team)" : $"Generic {roleName}");
}
