using Microsoft.EntityFrameworkCore;
using PsaBridge.Psa.Projects;
using PsaBridge.Psa.Resources;

namespace PsaBridge.Psa.Scheduling;

/// <summary>
/// What bookings do to the team (reference B1, B5): a member's hard- and soft-booked hours are its committed and proposed
/// bookings; a requirement whose hours are committed is fulfilled, and when one named resource booked it all, that
/// resource takes the generic member's place, keeping the role and the assignments (which are laid out again over the
/// resource's calendar). A requirement booked in part, or by several resources, keeps its generic member.
/// </summary>
public sealed class RequirementFulfilment(PsaDb db, PlanStore plans, AssignmentPlanner planner)
{
    /// <summary>The member's hard- and soft-booked hours, from its bookings saved and about to be.</summary>
    public async Task RollUpAsync(ProjectTeamMember member, CancellationToken ct)
    {
        var headers = await TrackedAsync(h => h.TeamMemberId == member.Id, ct);
        member.HardBookedHours = headers.Where(h => h.Status == BookingStatus.Committed).Sum(h => h.Hours);
        member.SoftBookedHours = headers.Where(h => h.Status == BookingStatus.Proposed).Sum(h => h.Hours);
    }

    /// <summary>Fulfils the requirement (or makes it active again) by its committed hours, replacing its generic member when one resource booked it all.</summary>
    public async Task SettleAsync(ResourceRequirement requirement, CancellationToken ct)
    {
        var committed = (await TrackedAsync(h => h.RequirementId == requirement.Id, ct)).Where(h => h.Status == BookingStatus.Committed).ToList();
        if (requirement.Status != RequirementStatus.Canceled)
            requirement.Status = committed.Count > 0 && committed.Sum(h => h.Hours) >= requirement.Hours ? RequirementStatus.Fulfilled : RequirementStatus.Active;
        var member = requirement.TeamMemberId is { } id ? await db.Set<ProjectTeamMember>().SingleOrDefaultAsync(m => m.Id == id, ct) : null;
        if (member is null) return;
        if (requirement.Status == RequirementStatus.Fulfilled && member.IsGeneric && committed.Select(h => h.ResourceId).Distinct().Count() == 1)
            member = await ReplaceAsync(member, committed[0].ResourceId, ct);
        await RollUpAsync(member, ct);
    }

    private async Task<ProjectTeamMember> ReplaceAsync(ProjectTeamMember generic, Guid resourceId, CancellationToken ct)
    {
        var resource = await db.Set<BookableResource>().AsNoTracking().SingleAsync(r => r.Id == resourceId, ct);
        var plan = await plans.LoadAsync(generic.ProjectId, ct);
        var moved = plan.Assignments.Where(a => a.TeamMemberId == generic.Id).ToList();
        var named = await db.Set<ProjectTeamMember>()
            .FirstOrDefaultAsync(m => m.ProjectId == generic.ProjectId && m.ResourceId == resourceId && m.RoleId == generic.RoleId && m.Id != generic.Id, ct);
        if (named is null)
        {
            generic.ResourceId = resourceId;
            generic.OrganizationalUnitId = resource.OrganizationalUnitId;
            named = generic;
        }
        else
        {
            // The resource is on the team in this role already: the generic member's work and bookings go to that member.
            foreach (var assignment in moved) assignment.TeamMemberId = named.Id;
            foreach (var header in await TrackedAsync(h => h.TeamMemberId == generic.Id, ct)) header.TeamMemberId = named.Id;
            foreach (var requirement in await db.Set<ResourceRequirement>().Where(r => r.TeamMemberId == generic.Id).ToListAsync(ct)) requirement.TeamMemberId = named.Id;
            db.Remove(generic);
        }
        var taskIds = moved.Select(a => a.TaskId).ToHashSet();
        await planner.ReplanAsync(plan.Project, plan.Breakdown.Tasks.Where(t => taskIds.Contains(t.Id)).ToList(),
            plan.Assignments.Where(a => taskIds.Contains(a.TaskId)).ToList(), ct);
        plan.Breakdown.Rollup();
        return named;
    }

    /// <summary>The bookings that match, as the context holds them: those read now and those added or changed before saving.</summary>
    private async Task<List<BookingHeader>> TrackedAsync(System.Linq.Expressions.Expression<Func<BookingHeader, bool>> which, CancellationToken ct)
    {
        await db.Set<BookingHeader>().Where(which).LoadAsync(ct);
        return db.Set<BookingHeader>().Local.AsQueryable().Where(which).ToList();
    }
}
