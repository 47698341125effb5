using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Storage;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.Resources;

namespace PsaBridge.Psa.Projects;

/// <summary>Who a task is assigned to: team members, and roles not yet on the team (for <i>Generate team</i>).</summary>
public sealed record AssignmentInput(List<Guid>? TeamMemberIds = null, List<Guid>? RoleIds = null);

/// <summary>An assignment with its daily planned work and its planned cost and sales.</summary>
public sealed record AssignmentView(
    Guid Id,
    Guid TaskId,
    string Task,
    string? WbsId,
    Guid? TeamMemberId,
    Guid? ResourceId,
    string Name,
    Guid RoleId,
    string Role,
    DateOnly FromDate,
    DateOnly ToDate,
    decimal Hours,
    IReadOnlyList<WorkSlice> PlannedWork,
    decimal PlannedCost,
    string CostCurrency,
    decimal PlannedSales,
    string? SalesCurrency);

/// <summary>
/// Assigns tasks. Setting a task's assignees replaces them: members who stay keep their assignment, and the task's
/// effort is laid out again over all of them (<see cref="AssignmentPlanner"/>). Summary tasks are not assigned.
/// </summary>
public sealed class AssignmentService(PsaDb db, PlanStore store, AssignmentPlanner planner)
{
    public const int MaxAssignees = 100;

    public async Task<IReadOnlyList<AssignmentView>> SetAsync(Guid taskId, AssignmentInput input, CancellationToken ct = default)
    {
        var memberIds = input.TeamMemberIds ?? [];
        var roleIds = input.RoleIds ?? [];
        var rules = new Rules();
        if (memberIds.Count + roleIds.Count > MaxAssignees) rules.Add("teamMemberIds", $"A task takes at most {MaxAssignees} assignees.");
        for (var i = 0; i < memberIds.Count; i++)
            if (memberIds.Take(i).Contains(memberIds[i])) rules.Add($"teamMemberIds[{i}]", $"Team member '{memberIds[i]}' is listed twice.");
        for (var i = 0; i < roleIds.Count; i++)
            if (roleIds.Take(i).Contains(roleIds[i])) rules.Add($"roleIds[{i}]", $"Role '{roleIds[i]}' is listed twice.");
        rules.ThrowIfAny();

        var plan = await store.LoadForTaskAsync(taskId, ct);
        var task = plan.Breakdown.Get(taskId);
        if (plan.Breakdown.IsSummary(taskId))
            throw new ValidationFailedException("teamMemberIds", $"Task '{task.Name}' is a summary task: assign its subtasks instead.");
        var members = await db.Set<ProjectTeamMember>().AsNoTracking().Where(m => memberIds.Contains(m.Id) && m.ProjectId == plan.Project.Id)
            .ToDictionaryAsync(m => m.Id, ct);
        for (var i = 0; i < memberIds.Count; i++)
            if (!members.ContainsKey(memberIds[i])) rules.Add($"teamMemberIds[{i}]", $"Team member '{memberIds[i]}' is not on the team of project '{plan.Project.Name}'.");
        await rules.ExistAsync<Role>(db, roleIds.Select((r, i) => ($"roleIds[{i}]", (Guid?)r)), "Role", ct);
        rules.ThrowIfAny();

        var current = plan.Assignments.Where(a => a.TaskId == taskId).ToList();
        var keep = current.Where(a => a.TeamMemberId is { } m ? memberIds.Contains(m) : roleIds.Contains(a.RoleId)).ToList();
        db.RemoveRange(current.Except(keep));
        foreach (var a in current.Except(keep)) plan.Assignments.Remove(a);
        var added = memberIds.Where(m => keep.All(a => a.TeamMemberId != m)).Select(m => New(plan, task, members[m].Id, members[m].RoleId))
            .Concat(roleIds.Where(r => keep.All(a => a.TeamMemberId is not null || a.RoleId != r)).Select(r => New(plan, task, null, r))).ToList();
        db.AddRange(added);
        plan.Assignments.AddRange(added);
        await planner.ReplanAsync(plan.Project, [task], plan.Assignments.Where(a => a.TaskId == taskId).ToList(), ct);
        plan.Breakdown.Rollup();
        await db.SaveChangesAsync(ct);
        return await ListAsync(plan.Project.Id, taskId, ct);
    }

    public async Task<IReadOnlyList<AssignmentView>> ListAsync(Guid projectId, Guid? taskId = null, CancellationToken ct = default)
    {
        if (!await db.Set<Project>().AnyAsync(p => p.Id == projectId, ct)) throw new NotFoundException("Project", projectId.ToString());
        var query = from a in db.Set<ResourceAssignment>().AsNoTracking()
                    join t in db.Set<ProjectTask>() on a.TaskId equals t.Id
                    join role in db.Set<Role>() on a.RoleId equals role.Id
                    join r in db.Set<BookableResource>() on a.ResourceId equals r.Id into named
                    from resource in named.DefaultIfEmpty()
                    where a.ProjectId == projectId && (taskId == null || a.TaskId == taskId)
                    select new { a, Task = t.Name, t.WbsId, Role = role.Name, Resource = resource == null ? null : resource.Name };
        return (await query.ToListAsync(ct))
            .Select(x => new AssignmentView(x.a.Id, x.a.TaskId, x.Task, x.WbsId, x.a.TeamMemberId, x.a.ResourceId, TeamNames.Of(x.a.TeamMemberId, x.Resource, x.Role),
                x.a.RoleId, x.Role, x.a.FromDate, x.a.ToDate, x.a.Hours, PlannedWork.Parse(x.a.PlannedWork), x.a.PlannedCost, x.a.CostCurrency, x.a.PlannedSales,
                x.a.SalesCurrency))
            .OrderBy(v => v.WbsId is null).ThenBy(v => WbsOrder(v.WbsId), StringComparer.Ordinal).ThenBy(v => v.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>An outline number that sorts as text in outline order: 1.10 after 1.9.</summary>
    public static string WbsOrder(string? wbsId) =>
        string.Join('.', (wbsId ?? "").Split('.').Select(part => part.PadLeft(6, '0')));

    private static ResourceAssignment New(PlanState plan, ProjectTask task, Guid? memberId, Guid roleId) => new()
    {
        Id = Ids.New(), ProjectId = plan.Project.Id, TaskId = task.Id, TeamMemberId = memberId, RoleId = roleId,
        FromDate = task.ScheduledStart ?? default, ToDate = task.ScheduledEnd ?? default, CostCurrency = "",
    };
}
