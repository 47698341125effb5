using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Storage;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.OrganizationalUnits;
using PsaBridge.Psa.Pricing;
using PsaBridge.Psa.Resources;
using PsaBridge.Psa.Sales;
using PsaBridge.Psa.Scheduling;

namespace PsaBridge.Psa.Projects;

/// <summary>
/// Keeps the plan's numbers true: whenever a task's effort, dates or assignees change (or a generic member becomes a
/// named one), its assignments' planned work is laid out again (<see cref="WorkContour"/>), priced
/// (<see cref="PlanningPrices"/>) and written as the project's estimate lines, and the task's planned cost and sales
/// are their sums. It changes tracked entities only; the caller saves them in one go.
/// </summary>
public sealed class AssignmentPlanner(PsaDb db, CalendarStore calendars, TimeProvider clock)
{
    public async Task ReplanAsync(Project project, IReadOnlyCollection<ProjectTask> tasks, IReadOnlyCollection<ResourceAssignment> assignments, CancellationToken ct)
    {
        var assignmentIds = assignments.Select(a => a.Id).ToList();
        db.RemoveRange(await db.Set<EstimateLine>().Where(l => assignmentIds.Contains(l.AssignmentId)).ToListAsync(ct));
        foreach (var task in tasks) task.PlannedCost = task.PlannedSales = 0m;
        if (assignments.Count == 0) return;

        var memberIds = assignments.Where(a => a.TeamMemberId is not null).Select(a => a.TeamMemberId!.Value).Distinct().ToList();
        var members = await db.Set<ProjectTeamMember>().Where(m => memberIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        var resourceIds = members.Values.Where(m => m.ResourceId is not null).Select(m => m.ResourceId!.Value).Distinct().ToList();
        var names = await db.Set<BookableResource>().Where(r => resourceIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        var roleIds = assignments.Select(a => a.RoleId).Concat(members.Values.Select(m => m.RoleId)).Distinct().ToList();
        var roles = await db.Set<Role>().AsNoTracking().Where(r => roleIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        var dated = tasks.Where(t => t.ScheduledStart is not null && t.ScheduledEnd is not null).ToList();
        var calendarsById = dated.Count == 0 ? new Dictionary<Guid, WorkCalendar>() : await calendars.ForAsync(resourceIds, dated.Min(t => t.ScheduledStart!.Value), dated.Max(t => t.ScheduledEnd!.Value), ct);
        var prices = await PricesAsync(project, ct);
        var estimate = await EstimateAsync(project.Id, ct);

        foreach (var task in tasks)
        {
            var assignees = assignments.Where(a => a.TaskId == task.Id).OrderBy(a => a.Id).ToList();
            if (assignees.Count == 0) continue;
            if (task.ScheduledStart is not { } start || task.ScheduledEnd is not { } end)
                throw new ValidationFailedException("scheduledStart", $"Task '{task.Name}' has no scheduled start and end: give it dates before it is assigned.");
            var shares = WorkContour.Split(task.Effort ?? 0m, assignees.Count);
            for (var i = 0; i < assignees.Count; i++)
            {
                var assignment = assignees[i];
                var member = assignment.TeamMemberId is { } memberId ? members[memberId] : null;
                assignment.RoleId = member?.RoleId ?? assignment.RoleId;
                assignment.ResourceId = member?.ResourceId;
                var calendar = member?.ResourceId is { } rid ? calendarsById.GetValueOrDefault(rid) ?? WorkCalendar.Default : WorkCalendar.Default;
                var slices = WorkContour.Spread(shares[i], calendar, start, end);
                if (slices.Count == 0 && shares[i] > 0)
                    throw new ValidationFailedException("teamMemberIds",
                        $"{Who(member, names, roles[assignment.RoleId].Name)} has no working day between {start:yyyy-MM-dd} and {end:yyyy-MM-dd}, the dates of task '{task.Name}'.");
                assignment.FromDate = start;
                assignment.ToDate = end;
                assignment.Hours = shares[i];
                assignment.PlannedWork = PlannedWork.Format(slices);
                var lines = EstimateLines.For(new EstimateDimensions(estimate.Id, project, assignment, member?.OrganizationalUnitId ?? project.ContractingUnitId,
                    member?.BillingType ?? roles[assignment.RoleId].BillingType), slices, prices);
                db.AddRange(lines);
                assignment.CostCurrency = prices.CostCurrency;
                assignment.SalesCurrency = prices.SalesCurrency;
                assignment.PlannedCost = lines.Where(l => l.TransactionType == Actuals.TransactionType.Cost).Sum(l => l.Amount);
                assignment.PlannedSales = lines.Where(l => l.TransactionType == Actuals.TransactionType.ProjectContract).Sum(l => l.Amount);
                task.PlannedCost += assignment.PlannedCost;
                task.PlannedSales += assignment.PlannedSales;
            }
        }
        estimate.ModifiedOn = clock.GetUtcNow().UtcDateTime;
    }

    /// <summary>
    /// The lists the plan is priced from. Sales: the contract's price lists (<c>msdyn_orderpricelist</c>), until the sales
    /// price lists of a project's quote are kept too; a project without a contract is planned at cost only.
    /// </summary>
    public async Task<PlanningPrices> PricesAsync(Project project, CancellationToken ct)
    {
        var unit = await db.Set<OrganizationalUnit>().AsNoTracking().SingleAsync(u => u.Id == project.ContractingUnitId, ct);
        var costLists = await Lists().Where(p => p.Context == PriceListContext.Cost && p.OrganizationalUnitId == unit.Id).ToListAsync(ct);
        if (project.ContractId is not { } contractId) return new PlanningPrices(unit.Currency, costLists, null, []);
        var contract = await db.Set<ProjectContract>().AsNoTracking().Include(c => c.PriceLists).SingleAsync(c => c.Id == contractId, ct);
        var ids = contract.PriceLists.Select(p => p.PriceListId).ToList();
        return new PlanningPrices(unit.Currency, costLists, contract.Currency, await Lists().Where(p => ids.Contains(p.Id)).ToListAsync(ct));
    }

    private IQueryable<PriceList> Lists() => db.Set<PriceList>().AsNoTracking().Include(p => p.RolePrices);

    private async Task<Estimate> EstimateAsync(Guid projectId, CancellationToken ct)
    {
        var estimate = await db.Set<Estimate>().SingleOrDefaultAsync(e => e.ProjectId == projectId, ct);
        if (estimate is not null) return estimate;
        estimate = new Estimate { Id = Ids.New(), ProjectId = projectId, ModifiedOn = clock.GetUtcNow().UtcDateTime };
        db.Add(estimate);
        return estimate;
    }

    private static string Who(ProjectTeamMember? member, Dictionary<Guid, string> names, string role) =>
        member?.ResourceId is { } id ? $"Team member '{names[id]}'" : $"The generic {role}";
}
