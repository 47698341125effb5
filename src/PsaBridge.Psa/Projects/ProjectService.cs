using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Paging;
using PsaBridge.Infrastructure.Storage;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.Accounts;
using PsaBridge.Psa.Actuals;
using PsaBridge.Psa.OrganizationalUnits;
using PsaBridge.Psa.Resources;

namespace PsaBridge.Psa.Projects;

public sealed record ProjectTaskInput(string? Name, string? WbsId = null, DateOnly? ScheduledStart = null, DateOnly? ScheduledEnd = null, decimal? Effort = null);

public sealed record ProjectInput(
    string? Name,
    Guid? ContractingUnitId,
    Guid? CustomerId = null,
    Guid? ProjectManagerId = null,
    DateOnly? ScheduledStart = null,
    DateOnly? ScheduledEnd = null,
    List<ProjectTaskInput>? Tasks = null,
    List<TeamMemberInput>? TeamMembers = null);

public sealed record ProjectFilter(Guid? CustomerId = null, Guid? ContractId = null, string? Search = null);

/// <summary>Projects with their tasks and team members.</summary>
public sealed class ProjectService(PsaDb db, TimeProvider clock)
{
    public async Task<Project> CreateAsync(ProjectInput input, CancellationToken ct = default)
    {
        var rules = new Rules().Required("name", input.Name, Project.NameLength).RequiredId("contractingUnitId", input.ContractingUnitId);
        if (input.ScheduledStart is { } start && input.ScheduledEnd is { } end && end < start)
            rules.Add("scheduledEnd", $"Scheduled end {end:yyyy-MM-dd} is before scheduled start {start:yyyy-MM-dd}.");
        await rules.ExistAsync<OrganizationalUnit>(db, "contractingUnitId", input.ContractingUnitId, "Organizational unit", ct);
        await rules.ExistAsync<Account>(db, "customerId", input.CustomerId, "Account", ct);
        await rules.ExistAsync<BookableResource>(db, "projectManagerId", input.ProjectManagerId, "Resource", ct);

        var tasks = input.Tasks ?? [];
        for (var i = 0; i < tasks.Count; i++)
        {
            var f = $"tasks[{i}].";
            if (tasks[i] is not { } task) { rules.Add($"tasks[{i}]", $"'tasks[{i}]' is empty."); continue; }
            rules.Text(f + "name", task.Name, ProjectTask.NameLength).MaxLength(f + "wbsId", task.WbsId, ProjectTask.WbsIdLength).NotNegative(f + "effort", task.Effort);
            if (task.ScheduledStart is { } ts && task.ScheduledEnd is { } te && te < ts)
                rules.Add(f + "scheduledEnd", $"Scheduled end {te:yyyy-MM-dd} is before scheduled start {ts:yyyy-MM-dd}.");
        }
        var members = input.TeamMembers ?? [];
        for (var i = 0; i < members.Count; i++)
        {
            var f = $"teamMembers[{i}].";
            if (members[i] is not { } member) { rules.Add($"teamMembers[{i}]", $"'teamMembers[{i}]' is empty."); continue; }
            TeamService.Check(rules, f, member).RequiredId(f + "roleId", member.RoleId);
            if (member.ResourceId is not null && members.Take(i).Any(o => o is not null && o.ResourceId == member.ResourceId && o.RoleId == member.RoleId))
                rules.Add(f + "resourceId", $"Resource '{member.ResourceId}' is on the team twice in the same role.");
        }
        await rules.ExistAsync<BookableResource>(db, members.Select((m, i) => ($"teamMembers[{i}].resourceId", m?.ResourceId)), "Resource", ct);
        await rules.ExistAsync<Role>(db, members.Select((m, i) => ($"teamMembers[{i}].roleId", m?.RoleId)), "Role", ct);
        await rules.ExistAsync<OrganizationalUnit>(db, members.Select((m, i) => ($"teamMembers[{i}].organizationalUnitId", m?.OrganizationalUnitId)), "Organizational unit", ct);
        rules.ThrowIfAny();

        var resourceIds = members.Where(m => m.ResourceId is not null).Select(m => m.ResourceId!.Value).Distinct().ToList();
        var resourceUnits = await db.Set<BookableResource>().Where(r => resourceIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.OrganizationalUnitId, ct);
        var project = new Project
        {
            Id = Ids.New(), Name = input.Name!.Trim(), CustomerId = input.CustomerId, ContractingUnitId = input.ContractingUnitId!.Value,
            ProjectManagerId = input.ProjectManagerId, ScheduledStart = input.ScheduledStart, ScheduledEnd = input.ScheduledEnd, CreatedOn = clock.GetUtcNow().UtcDateTime,
        };
        project.Tasks.AddRange(Outline(project.Id, tasks));
        project.TeamMembers.AddRange(members.Select(m => new ProjectTeamMember
        {
            Id = Ids.New(), ProjectId = project.Id, ResourceId = m.ResourceId, RoleId = m.RoleId!.Value,
            OrganizationalUnitId = m.OrganizationalUnitId ?? (m.ResourceId is { } r ? resourceUnits[r] : project.ContractingUnitId), BillingType = m.BillingType,
            From = m.From, To = m.To, Hours = m.Hours,
        }));
        db.Add(project);
        await db.SaveChangesAsync(ct);
        return project;
    }

    /// <summary>
    /// The tasks of a new project as a work breakdown: a task whose WBS id extends another's (1.2 under 1) goes under it, the
    /// rest at the top level in the order given; the outline is then numbered afresh and the summary tasks rolled up.
    /// </summary>
    private static List<ProjectTask> Outline(Guid projectId, List<ProjectTaskInput> inputs)
    {
        var tasks = inputs.Select(t => new ProjectTask
        {
            Id = Ids.New(), ProjectId = projectId, Name = t.Name!.Trim(), WbsId = InputRules.Clean(t.WbsId), ScheduledStart = t.ScheduledStart,
            ScheduledEnd = t.ScheduledEnd, Effort = t.Effort,
        }).ToList();
        var byWbs = tasks.Where(t => t.WbsId is not null).GroupBy(t => t.WbsId!).ToDictionary(g => g.Key, g => g.First());
        foreach (var task in tasks.Where(t => t.WbsId?.Contains('.') == true))
            if (byWbs.TryGetValue(task.WbsId![..task.WbsId!.LastIndexOf('.')], out var parent) && parent != task) task.ParentTaskId = parent.Id;
        var breakdown = new WorkBreakdown(tasks);
        breakdown.Renumber();
        breakdown.Rollup();
        return tasks;
    }

    public async Task<Project> GetAsync(Guid id, CancellationToken ct = default) =>
        await db.Set<Project>().AsNoTracking().Include(p => p.Tasks).Include(p => p.TeamMembers).AsSplitQuery().SingleOrDefaultAsync(p => p.Id == id, ct)
        ?? throw new NotFoundException("Project", id.ToString());

    public Task<Page<Project>> ListAsync(ProjectFilter filter, PageRequest page, CancellationToken ct = default)
    {
        var query = db.Set<Project>().AsNoTracking().Include(p => p.Tasks).Include(p => p.TeamMembers).AsSplitQuery();
        if (filter.CustomerId is { } customer) query = query.Where(p => p.CustomerId == customer);
        if (filter.ContractId is { } contract) query = query.Where(p => p.ContractId == contract);
        if (InputRules.Clean(filter.Search) is { } term) query = query.Where(p => p.Name.ToLower().Contains(term.ToLower()));
        return query.OrderBy(p => p.Name).ThenBy(p => p.Id).ToPageAsync(page, ct);
    }
}
