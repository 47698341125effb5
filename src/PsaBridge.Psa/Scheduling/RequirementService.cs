using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Paging;
using PsaBridge.Infrastructure.Storage;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.OrganizationalUnits;
using PsaBridge.Psa.Projects;
using PsaBridge.Psa.Resources;

namespace PsaBridge.Psa.Scheduling;

public sealed record RequirementCharacteristicInput(Guid? CharacteristicId, Guid? RatingValueId = null);

/// <summary>
/// A requirement for a generic team member. What is left out comes from the member: its role, resourcing unit and
/// dates, and its assigned hours (Project Service: required hours = assigned hours). Without a member, a generic one is
/// added for it.
/// </summary>
public sealed record RequirementInput(
    Guid? TeamMemberId = null,
    string? Name = null,
    Guid? RoleId = null,
    Guid? OrganizationalUnitId = null,
    DateOnly? FromDate = null,
    DateOnly? ToDate = null,
    decimal? Hours = null,
    decimal? Percentage = null,
    AllocationMethod? AllocationMethod = null,
    List<RequirementCharacteristicInput>? Characteristics = null);

public sealed record RequirementFilter(Guid? ProjectId = null, RequirementStatus? Status = null);

public sealed record RequiredCharacteristicView(Guid CharacteristicId, string Characteristic, Guid? RatingValueId, string? MinimumRating, int? MinimumValue);

/// <summary>A requirement with the hours booked against it so far, committed and proposed.</summary>
public sealed record RequirementView(
    Guid Id,
    Guid ProjectId,
    string Project,
    Guid? TeamMemberId,
    string Name,
    Guid RoleId,
    string Role,
    Guid? OrganizationalUnitId,
    string? OrganizationalUnit,
    DateOnly FromDate,
    DateOnly ToDate,
    decimal Hours,
    decimal? Percentage,
    AllocationMethod AllocationMethod,
    RequirementStatus Status,
    decimal HardBookedHours,
    decimal SoftBookedHours,
    IReadOnlyList<RequiredCharacteristicView> Characteristics);

/// <summary>Resource requirements: made for generic team members, booked by <see cref="BookingService"/>, canceled here.</summary>
public sealed class RequirementService(PsaDb db, SkillService skills, TimeProvider clock)
{
    public const int MaxCharacteristics = 50;

    public async Task<RequirementView> CreateAsync(Guid projectId, RequirementInput input, CancellationToken ct = default)
    {
        var project = await db.Set<Project>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId, ct)
                      ?? throw new NotFoundException("Project", projectId.ToString());
        var rules = new Rules().Text("name", input.Name, ResourceRequirement.NameLength, required: false).Defined("allocationMethod", input.AllocationMethod)
            .Range("hours", input.Hours, 0m, TeamService.MaxHours).Range("percentage", input.Percentage, 0m, 100m);
        var member = input.TeamMemberId is { } mid ? await db.Set<ProjectTeamMember>().SingleOrDefaultAsync(m => m.Id == mid && m.ProjectId == projectId, ct) : null;
        if (input.TeamMemberId is { } missing && member is null) rules.Add("teamMemberId", $"Team member '{missing}' is not on the team of project '{project.Name}'.");
        else if (member is { IsGeneric: false }) rules.Add("teamMemberId", "The team member is a named resource already; requirements are for generic members.");
        var assigned = member is null ? [] : await db.Set<ResourceAssignment>().AsNoTracking().Where(a => a.TeamMemberId == member.Id).ToListAsync(ct);
        var roleId = input.RoleId ?? member?.RoleId;
        var from = input.FromDate ?? member?.From ?? assigned.Select(a => (DateOnly?)a.FromDate).Min();
        var to = input.ToDate ?? member?.To ?? assigned.Select(a => (DateOnly?)a.ToDate).Max();
        var hours = input.Hours ?? (assigned.Count > 0 ? assigned.Sum(a => a.Hours) : member?.Hours);
        var method = input.AllocationMethod ?? AllocationMethod.DistributeEvenly;
        rules.RequiredId("roleId", roleId).RequiredValue("fromDate", from).RequiredValue("toDate", to);
        if (method == AllocationMethod.PercentageCapacity) rules.RequiredValue("percentage", input.Percentage);
        else if (method != AllocationMethod.FullCapacity) rules.RequiredValue("hours", hours);
        if (from is { } f && to is { } t && t < f) rules.Add("toDate", $"To date {t:yyyy-MM-dd} is before from date {f:yyyy-MM-dd}.");
        if (from is { } f2 && to is { } t2 && t2.DayNumber - f2.DayNumber > Periods.MaxDays) rules.Add("toDate", $"A requirement spans at most {Periods.MaxDays} days.");
        await rules.ExistAsync<Role>(db, "roleId", input.RoleId, "Role", ct);
        await rules.ExistAsync<OrganizationalUnit>(db, "organizationalUnitId", input.OrganizationalUnitId, "Organizational unit", ct);
        var wanted = input.Characteristics ?? [];
        if (wanted.Count > MaxCharacteristics) rules.Add("characteristics", $"At most {MaxCharacteristics} characteristics.");
        if (wanted.Any(c => c is null)) rules.Add("characteristics", "An entry of 'characteristics' is empty.");
        else await skills.CheckRatingsAsync(rules, "characteristics", wanted.Select(c => (c.CharacteristicId, c.RatingValueId)).ToList(), ratingRequired: false, ct);
        rules.ThrowIfAny();

        if (member is null)
        {
            member = new ProjectTeamMember { Id = Ids.New(), ProjectId = projectId, RoleId = roleId!.Value, OrganizationalUnitId = project.ContractingUnitId };
            db.Add(member);
        }
        member.From ??= from;
        member.To ??= to;
        member.Hours ??= hours;
        var roleName = await db.Set<Role>().Where(r => r.Id == roleId).Select(r => r.Name).SingleAsync(ct);
        var requirement = new ResourceRequirement
        {
            Id = Ids.New(), ProjectId = projectId, TeamMemberId = member.Id, Name = InputRules.Clean(input.Name) ?? $"{project.Name}: {roleName}",
            RoleId = roleId!.Value, OrganizationalUnitId = input.OrganizationalUnitId ?? member.OrganizationalUnitId, FromDate = from!.Value, ToDate = to!.Value,
            Hours = hours ?? 0m, Percentage = input.Percentage, AllocationMethod = method, CreatedOn = clock.GetUtcNow().UtcDateTime,
        };
        requirement.Characteristics.AddRange(wanted.Select(c => new RequirementCharacteristic
        {
            Id = Ids.New(), RequirementId = requirement.Id, CharacteristicId = c.CharacteristicId!.Value, RatingValueId = c.RatingValueId,
        }));
        db.Add(requirement);
        await db.SaveChangesAsync(ct);
        return await GetAsync(requirement.Id, ct);
    }

    public async Task<RequirementView> CancelAsync(Guid id, CancellationToken ct = default)
    {
        var requirement = await db.Set<ResourceRequirement>().SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("Requirement", id.ToString());
        if (requirement.Status != RequirementStatus.Active)
            throw new ConflictException($"Requirement '{requirement.Name}' is {requirement.Status}; only an active requirement can be canceled.");
        requirement.Status = RequirementStatus.Canceled;
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    public async Task<RequirementView> GetAsync(Guid id, CancellationToken ct = default) =>
        (await ViewsAsync(db.Set<ResourceRequirement>().Where(r => r.Id == id), ct)).SingleOrDefault() ?? throw new NotFoundException("Requirement", id.ToString());

    public async Task<Page<RequirementView>> ListAsync(RequirementFilter filter, PageRequest page, CancellationToken ct = default)
    {
        new Rules().Defined("status", filter.Status).ThrowIfAny();
        var query = db.Set<ResourceRequirement>().AsNoTracking();
        if (filter.ProjectId is { } project) query = query.Where(r => r.ProjectId == project);
        if (filter.Status is { } status) query = query.Where(r => r.Status == status);
        var ordered = query.OrderBy(r => r.FromDate).ThenBy(r => r.Name).ThenBy(r => r.Id);
        var total = await ordered.CountAsync(ct);
        var ids = await ordered.Skip(page.Skip).Take(page.PageSize).Select(r => r.Id).ToListAsync(ct);
        var items = await ViewsAsync(db.Set<ResourceRequirement>().Where(r => ids.Contains(r.Id)), ct);
        return new Page<RequirementView>(items.OrderBy(v => ids.IndexOf(v.Id)).ToList(), total, page.PageNumber, page.PageSize);
    }

    private async Task<List<RequirementView>> ViewsAsync(IQueryable<ResourceRequirement> requirements, CancellationToken ct)
    {
        var rows = await (from r in requirements.AsNoTracking()
                          join p in db.Set<Project>() on r.ProjectId equals p.Id
                          join role in db.Set<Role>() on r.RoleId equals role.Id
                          join u in db.Set<OrganizationalUnit>() on r.OrganizationalUnitId equals u.Id into units
                          from unit in units.DefaultIfEmpty()
                          select new { r, Project = p.Name, Role = role.Name, Unit = unit == null ? null : unit.Name }).ToListAsync(ct);
        var ids = rows.Select(x => x.r.Id).ToList();
        var wanted = (await (from c in db.Set<RequirementCharacteristic>().AsNoTracking()
                             join ch in db.Set<Characteristic>() on c.CharacteristicId equals ch.Id
                             join v in db.Set<RatingValue>() on c.RatingValueId equals v.Id into values
                             from value in values.DefaultIfEmpty()
                             where ids.Contains(c.RequirementId)
                             select new { c.RequirementId, View = new RequiredCharacteristicView(ch.Id, ch.Name, c.RatingValueId, value == null ? null : value.Name,
                                 value == null ? null : value.Value) }).ToListAsync(ct)).ToLookup(x => x.RequirementId, x => x.View);
        var booked = (await db.Set<BookingHeader>().AsNoTracking().Where(b => b.RequirementId != null && ids.Contains(b.RequirementId.Value))
                .Select(b => new { RequirementId = b.RequirementId!.Value, b.Status, b.Hours }).ToListAsync(ct))
            .ToLookup(b => b.RequirementId);
        return rows.Select(x => new RequirementView(x.r.Id, x.r.ProjectId, x.Project, x.r.TeamMemberId, x.r.Name, x.r.RoleId, x.Role, x.r.OrganizationalUnitId,
                x.Unit, x.r.FromDate, x.r.ToDate, x.r.Hours, x.r.Percentage, x.r.AllocationMethod, x.r.Status,
                booked[x.r.Id].Where(b => b.Status == BookingStatus.Committed).Sum(b => b.Hours),
                booked[x.r.Id].Where(b => b.Status == BookingStatus.Proposed).Sum(b => b.Hours), wanted[x.r.Id].OrderBy(c => c.Characteristic).ToList()))
            .ToList();
    }
}
