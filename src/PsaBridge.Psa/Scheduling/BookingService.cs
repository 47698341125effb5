using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Paging;
using PsaBridge.Infrastructure.Storage;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.Projects;
using PsaBridge.Psa.Resources;

namespace PsaBridge.Psa.Scheduling;

/// <summary>
/// A booking of a resource on a project for a window. The team member is the resource's on the project (added when it
/// has none, in <see cref="RoleId"/> or the resource's default role). The method defaults to evenly distributing the
/// hours when hours are given, else to full capacity; the status to Committed.
/// </summary>
public sealed record BookingInput(
    Guid? ResourceId,
    Guid? ProjectId,
    DateOnly? From,
    DateOnly? To,
    decimal? Hours = null,
    Guid? TeamMemberId = null,
    Guid? RoleId = null,
    AllocationMethod? AllocationMethod = null,
    decimal? Percentage = null,
    BookingStatus? Status = null);

/// <summary>A booking of a requirement: its window; the requirement's open hours, method and percentage unless given.</summary>
public sealed record RequirementBookingInput(Guid? ResourceId, decimal? Hours = null, AllocationMethod? AllocationMethod = null, decimal? Percentage = null,
    BookingStatus? Status = null);

public sealed record BookingStatusInput(BookingStatus? Status);

public sealed record BookingFilter(Guid? ResourceId = null, Guid? ProjectId = null, Guid? RequirementId = null, DateOnly? From = null, DateOnly? To = null,
    BookingStatus? Status = null);

/// <summary>
/// Bookings: laid over the days by their allocation method (<see cref="BookingAllocation"/>), flagged when committed
/// hours go beyond capacity, and rolled up into the team member's hard- and soft-booked hours. Booking a requirement
/// with a named resource replaces its generic member once its hours are committed (<see cref="RequirementFulfilment"/>).
/// </summary>
public sealed class BookingService(PsaDb db, ResourceLoads loads, RequirementFulfilment fulfilment, BookingQueries queries, TimeProvider clock)
{
    public async Task<BookingView> BookAsync(BookingInput input, CancellationToken ct = default)
    {
        var rules = Check(new Rules().RequiredId("resourceId", input.ResourceId).RequiredId("projectId", input.ProjectId), input.From, input.To,
            input.Hours, input.Percentage, input.AllocationMethod, input.Status);
        var resource = await ResourceAsync(rules, input.ResourceId, ct);
        var project = input.ProjectId is { } pid ? await db.Set<Project>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == pid, ct) : null;
        if (input.ProjectId is { } missing && missing != Guid.Empty && project is null) rules.Add("projectId", $"Project '{missing}' does not exist.");
        await rules.ExistAsync<Role>(db, "roleId", input.RoleId, "Role", ct);
        ProjectTeamMember? member = null;
        if (input.TeamMemberId is { } mid && project is not null)
        {
            member = await db.Set<ProjectTeamMember>().SingleOrDefaultAsync(m => m.Id == mid && m.ProjectId == project.Id, ct);
            if (member is null) rules.Add("teamMemberId", $"Team member '{mid}' is not on the team of project '{project.Name}'.");
            else if (member.ResourceId is { } other && other != resource?.Id) rules.Add("teamMemberId", "The team member is another resource.");
        }
        else if (project is not null && resource is not null)
        {
            member = await db.Set<ProjectTeamMember>().FirstOrDefaultAsync(m => m.ProjectId == project.Id && m.ResourceId == resource.Id
                                                                                && (input.RoleId == null || m.RoleId == input.RoleId), ct);
            if (member is null && (input.RoleId ?? resource.DefaultRoleId) is null)
                rules.Add("roleId", $"'roleId' is required: resource '{resource.Name}' is not on the team and has no default role.");
        }
        rules.ThrowIfAny();
        if (member is null)
        {
            member = new ProjectTeamMember
            {
                Id = Ids.New(), ProjectId = project!.Id, ResourceId = resource!.Id, RoleId = (input.RoleId ?? resource.DefaultRoleId)!.Value,
                OrganizationalUnitId = resource.OrganizationalUnitId, From = input.From, To = input.To,
            };
            db.Add(member);
        }
        var header = await LayOutAsync(new BookingHeader
        {
            Id = Ids.New(), ProjectId = project!.Id, TeamMemberId = member.Id, ResourceId = resource!.Id, RoleId = member.RoleId, StartDate = input.From!.Value,
            EndDate = input.To!.Value, Status = input.Status ?? BookingStatus.Committed, Percentage = input.Percentage,
            AllocationMethod = input.AllocationMethod ?? (input.Hours is null ? AllocationMethod.FullCapacity : AllocationMethod.DistributeEvenly),
        }, input.Hours, ct);
        await fulfilment.RollUpAsync(member, ct);
        await db.SaveChangesAsync(ct);
        return await queries.GetAsync(header.Id, ct);
    }

    public async Task<BookingView> BookRequirementAsync(Guid requirementId, RequirementBookingInput input, CancellationToken ct = default)
    {
        var requirement = await db.Set<ResourceRequirement>().SingleOrDefaultAsync(r => r.Id == requirementId, ct)
                          ?? throw new NotFoundException("Requirement", requirementId.ToString());
        var rules = Check(new Rules().RequiredId("resourceId", input.ResourceId), requirement.FromDate, requirement.ToDate, input.Hours, input.Percentage,
            input.AllocationMethod, input.Status);
        var resource = await ResourceAsync(rules, input.ResourceId, ct);
        rules.ThrowIfAny();
        if (requirement.Status != RequirementStatus.Active)
            throw new ConflictException($"Requirement '{requirement.Name}' is {requirement.Status}; only an active requirement is booked.");
        var committed = await db.Set<BookingHeader>().Where(b => b.RequirementId == requirement.Id && b.Status == BookingStatus.Committed).Select(b => b.Hours).ToListAsync(ct);
        var method = input.AllocationMethod ?? (requirement.AllocationMethod == AllocationMethod.None ? AllocationMethod.DistributeEvenly : requirement.AllocationMethod);
        var header = await LayOutAsync(new BookingHeader
        {
            Id = Ids.New(), ProjectId = requirement.ProjectId, TeamMemberId = requirement.TeamMemberId, ResourceId = resource!.Id, RequirementId = requirement.Id,
            RoleId = requirement.RoleId, StartDate = requirement.FromDate, EndDate = requirement.ToDate, Status = input.Status ?? BookingStatus.Committed,
            AllocationMethod = method, Percentage = input.Percentage ?? requirement.Percentage,
        }, input.Hours ?? Math.Max(0m, requirement.Hours - committed.Sum()), ct);
        await fulfilment.SettleAsync(requirement, ct);
        await db.SaveChangesAsync(ct);
        return await queries.GetAsync(header.Id, ct);
    }

    /// <summary>Moves a booking between Proposed, Committed and Canceled; the member's hours and the requirement follow.</summary>
    public async Task<BookingView> SetStatusAsync(Guid headerId, BookingStatusInput input, CancellationToken ct = default)
    {
        new Rules().RequiredValue("status", input.Status).Defined("status", input.Status).ThrowIfAny();
        var header = await db.Set<BookingHeader>().Include(h => h.Lines).SingleOrDefaultAsync(h => h.Id == headerId, ct)
                     ?? throw new NotFoundException("Booking", headerId.ToString());
        if (header.Status == BookingStatus.Canceled && input.Status != BookingStatus.Canceled)
            throw new ConflictException("The booking is canceled; book again instead.");
        header.Status = input.Status!.Value;
        foreach (var line in header.Lines) line.Status = header.Status;
        header.OverbookedHours = header.Status == BookingStatus.Committed
            ? BookingAllocation.Overbooked(await loads.DaysAsync(header.ResourceId, header.StartDate, header.EndDate, header.Id, ct),
                header.Lines.Select(l => (l.Date, l.Hours)).ToList())
            : 0m;
        header.ModifiedOn = clock.GetUtcNow().UtcDateTime;
        if (header.RequirementId is { } rid && await db.Set<ResourceRequirement>().SingleOrDefaultAsync(r => r.Id == rid, ct) is { } requirement)
            await fulfilment.SettleAsync(requirement, ct);
        else if (header.TeamMemberId is { } mid && await db.Set<ProjectTeamMember>().SingleOrDefaultAsync(m => m.Id == mid, ct) is { } member)
            await fulfilment.RollUpAsync(member, ct);
        await db.SaveChangesAsync(ct);
        return await queries.GetAsync(header.Id, ct);
    }

    public Task<BookingView> GetAsync(Guid id, CancellationToken ct = default) => queries.GetAsync(id, ct);

    public Task<Page<BookingView>> ListAsync(BookingFilter filter, PageRequest page, CancellationToken ct = default) => queries.ListAsync(filter, page, ct);

    /// <summary>Lays the booking over its days, flags what it overbooks, and adds it (header and lines) to the context.</summary>
    private async Task<BookingHeader> LayOutAsync(BookingHeader header, decimal? hours, CancellationToken ct)
    {
        var days = await loads.DaysAsync(header.ResourceId, header.StartDate, header.EndDate, null, ct);
        var lines = BookingAllocation.Allocate(header.AllocationMethod, days, hours, header.Percentage);
        header.Hours = lines.Sum(l => l.Hours);
        header.OverbookedHours = header.Status == BookingStatus.Committed ? BookingAllocation.Overbooked(days, lines) : 0m;
        header.CreatedOn = header.ModifiedOn = clock.GetUtcNow().UtcDateTime;
        header.Lines.AddRange(lines.Select(l => new Booking
        {
            Id = Ids.New(), HeaderId = header.Id, ResourceId = header.ResourceId, ProjectId = header.ProjectId, Date = l.Date, Hours = l.Hours, Status = header.Status,
        }));
        db.Add(header);
        return header;
    }

    private async Task<BookableResource?> ResourceAsync(Rules rules, Guid? id, CancellationToken ct)
    {
        if (id is not { } rid || rid == Guid.Empty) return null;
        var resource = await db.Set<BookableResource>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == rid, ct);
        if (resource is null) rules.Add("resourceId", $"Resource '{rid}' does not exist.");
        else if (resource.ResourceType == ResourceType.Generic) rules.Add("resourceId", $"Resource '{resource.Name}' is generic: book a named resource.");
        return resource;
    }

    private static Rules Check(Rules rules, DateOnly? from, DateOnly? to, decimal? hours, decimal? percentage, AllocationMethod? method, BookingStatus? status)
    {
        rules.RequiredValue("from", from).RequiredValue("to", to).Range("hours", hours, 0m, TeamService.MaxHours).Range("percentage", percentage, 0m, 100m)
            .Defined("allocationMethod", method).Defined("status", status);
        if (from is { } f && to is { } t && t < f) rules.Add("to", $"To {t:yyyy-MM-dd} is before from {f:yyyy-MM-dd}.");
        if (from is { } f2 && to is { } t2 && t2.DayNumber - f2.DayNumber > Periods.MaxDays) rules.Add("to", $"A booking spans at most {Periods.MaxDays} days.");
        return rules;
    }
}
