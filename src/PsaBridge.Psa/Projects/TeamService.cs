using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Storage;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.Actuals;
using PsaBridge.Psa.OrganizationalUnits;
using PsaBridge.Psa.Resources;
using PsaBridge.Psa.Scheduling;

namespace PsaBridge.Psa.Projects;

/// <summary>A team member to add: a resource (named) or none (generic), the role (the resource's default when left out) and the rest.</summary>
public sealed record TeamMemberInput(
    Guid? ResourceId,
    Guid? RoleId,
    Guid? OrganizationalUnitId = null,
    BillingType? BillingType = null,
    DateOnly? From = null,
    DateOnly? To = null,
    decimal? Hours = null);

/// <summary>A team member as the team tab shows it, with the hours assigned to it and booked for it.</summary>
public sealed record TeamMemberView(
    Guid Id,
    Guid ProjectId,
    Guid? ResourceId,
    string Name,
    bool IsGeneric,
    Guid RoleId,
    string Role,
    Guid OrganizationalUnitId,
    string OrganizationalUnit,
    BillingType? BillingType,
    DateOnly? From,
    DateOnly? To,
    decimal? Hours,
    decimal AssignedHours,
    decimal HardBookedHours,
    decimal SoftBookedHours);

/// <summary>
/// A project's team. <i>Generate team</i> makes one generic member for each role that assignments name without a team
/// member and that has no generic member yet, and puts those assignments on it (Project Service's Generate Project Team).
/// </summary>
public sealed class TeamService(PsaDb db)
{
    public const decimal MaxHours = 1_000_000m;

    /// <summary>The checks of one member, with its fields under <paramref name="prefix"/> (as <c>teamMembers[0].</c>).</summary>
    public static Rules Check(Rules rules, string prefix, TeamMemberInput input)
    {
        rules.Defined(prefix + "billingType", input.BillingType).Range(prefix + "hours", input.Hours, 0m, MaxHours);
        if (input.ResourceId is null) rules.RequiredId(prefix + "roleId", input.RoleId);
        if (input.From is { } from && input.To is { } to && to < from) rules.Add(prefix + "to", $"To {to:yyyy-MM-dd} is before from {from:yyyy-MM-dd}.");
        return rules;
    }

    public async Task<TeamMemberView> AddAsync(Guid projectId, TeamMemberInput input, CancellationToken ct = default)
    {
        var project = await db.Set<Project>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId, ct)
                      ?? throw new NotFoundException("Project", projectId.ToString());
        var rules = Check(new Rules(), "", input);
        var resource = input.ResourceId is { } rid ? await db.Set<BookableResource>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == rid, ct) : null;
        if (input.ResourceId is { } missing && resource is null) rules.Add("resourceId", $"Resource '{missing}' does not exist.");
        var roleId = input.RoleId ?? resource?.DefaultRoleId;
        if (resource is not null && roleId is null) rules.Add("roleId", $"'roleId' is required: resource '{resource.Name}' has no default role.");
        await rules.ExistAsync<Role>(db, "roleId", input.RoleId, "Role", ct);
        await rules.ExistAsync<OrganizationalUnit>(db, "organizationalUnitId", input.OrganizationalUnitId, "Organizational unit", ct);
        if (resource is not null && roleId is { } role
            && await db.Set<ProjectTeamMember>().AnyAsync(m => m.ProjectId == projectId && m.ResourceId == resource.Id && m.RoleId == role, ct))
            rules.Add("resourceId", $"Resource '{resource.Name}' is on the team in this role already.");
        rules.ThrowIfAny();
        var member = new ProjectTeamMember
        {
            Id = Ids.New(), ProjectId = projectId, ResourceId = resource?.Id, RoleId = roleId!.Value,
            OrganizationalUnitId = input.OrganizationalUnitId ?? resource?.OrganizationalUnitId ?? project.ContractingUnitId, BillingType = input.BillingType,
            From = input.From, To = input.To, Hours = input.Hours,
        };
        db.Add(member);
        await db.SaveChangesAsync(ct);
        return (await ListAsync(projectId, ct)).Single(m => m.Id == member.Id);
    }

    /// <summary>Removes a member that nothing is assigned to or booked for.</summary>
    public async Task RemoveAsync(Guid memberId, CancellationToken ct = default)
    {
        var member = await db.Set<ProjectTeamMember>().SingleOrDefaultAsync(m => m.Id == memberId, ct) ?? throw new NotFoundException("Team member", memberId.ToString());
        if (await db.Set<ResourceAssignment>().AnyAsync(a => a.TeamMemberId == memberId, ct))
            throw new ConflictException("The team member has task assignments: assign the tasks to someone else first.");
        if (await db.Set<BookingHeader>().AnyAsync(b => b.TeamMemberId == memberId && b.Status != BookingStatus.Canceled, ct))
            throw new ConflictException("The team member has bookings: cancel them first.");
        db.Remove(member);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Generate team: the generic members made (none when every assigned role has one).</summary>
    public async Task<IReadOnlyList<TeamMemberView>> GenerateAsync(Guid projectId, CancellationToken ct = default)
    {
        var project = await db.Set<Project>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId, ct)
                      ?? throw new NotFoundException("Project", projectId.ToString());
        var unassigned = await db.Set<ResourceAssignment>().Where(a => a.ProjectId == projectId && a.TeamMemberId == null).ToListAsync(ct);
        var generics = await db.Set<ProjectTeamMember>().Where(m => m.ProjectId == projectId && m.ResourceId == null).ToListAsync(ct);
        var made = new List<Guid>();
        foreach (var byRole in unassigned.GroupBy(a => a.RoleId))
        {
            var member = generics.FirstOrDefault(m => m.RoleId == byRole.Key);
            if (member is null)
            {
                member = new ProjectTeamMember
                {
                    Id = Ids.New(), ProjectId = projectId, RoleId = byRole.Key, OrganizationalUnitId = project.ContractingUnitId,
                    From = byRole.Min(a => a.FromDate), To = byRole.Max(a => a.ToDate), Hours = byRole.Sum(a => a.Hours),
                };
                db.Add(member);
                generics.Add(member);
                made.Add(member.Id);
            }
            foreach (var assignment in byRole) assignment.TeamMemberId = member.Id;
        }
        await db.SaveChangesAsync(ct);
        return (await ListAsync(projectId, ct)).Where(m => made.Contains(m.Id)).ToList();
    }

    public async Task<IReadOnlyList<TeamMemberView>> ListAsync(Guid projectId, CancellationToken ct = default)
    {
        if (!await db.Set<Project>().AnyAsync(p => p.Id == projectId, ct)) throw new NotFoundException("Project", projectId.ToString());
        var rows = await (from m in db.Set<ProjectTeamMember>().AsNoTracking()
                          join role in db.Set<Role>() on m.RoleId equals role.Id
                          join unit in db.Set<OrganizationalUnit>() on m.OrganizationalUnitId equals unit.Id
                          join r in db.Set<BookableResource>() on m.ResourceId equals r.Id into named
                          from resource in named.DefaultIfEmpty()
                          where m.ProjectId == projectId
                          select new { m, Role = role.Name, Unit = unit.Name, Resource = resource == null ? null : resource.Name }).ToListAsync(ct);
        var assigned = (await db.Set<ResourceAssignment>().AsNoTracking().Where(a => a.ProjectId == projectId && a.TeamMemberId != null)
                .Select(a => new { a.TeamMemberId, a.Hours }).ToListAsync(ct))
            .GroupBy(a => a.TeamMemberId!.Value).ToDictionary(g => g.Key, g => g.Sum(a => a.Hours));
        return rows.Select(x => new TeamMemberView(x.m.Id, x.m.ProjectId, x.m.ResourceId, TeamNames.Of(x.m.Id, x.Resource, x.Role), x.m.IsGeneric, x.m.RoleId,
                x.Role, x.m.OrganizationalUnitId, x.Unit, x.m.BillingType, x.m.From, x.m.To, x.m.Hours, assigned.GetValueOrDefault(x.m.Id),
                x.m.HardBookedHours, x.m.SoftBookedHours))
            .OrderBy(v => v.IsGeneric).ThenBy(v => v.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }
}
