using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.OrganizationalUnits;
using PsaBridge.Psa.Resources;

namespace PsaBridge.Psa.Scheduling;

/// <summary>What <i>find resources</i> answers: the matches best first, and the near misses (one criterion short) with their reason.</summary>
public sealed record FoundResources(RequirementView Requirement, int MatchCount, IReadOnlyList<ResourceMatch> Matches, IReadOnlyList<ResourceMatch> NearMisses);

/// <summary>
/// Find resources for a requirement (Project Service's schedule assistant): every bookable person is checked against the
/// requirement's role, resourcing unit and characteristics (<see cref="ResourceMatching"/>); those that match, and
/// those that miss by one criterion, get their hours in the requirement's window (<see cref="ResourceLoads"/>).
/// </summary>
public sealed class ResourceFinder(PsaDb db, RequirementService requirements, ResourceLoads loads)
{
    public const int DefaultTop = 50, MaxTop = 500, NearMisses = 20;

    public async Task<FoundResources> FindAsync(Guid requirementId, int? top = null, CancellationToken ct = default)
    {
        if (top is < 1 or > MaxTop) throw new ValidationFailedException("top", $"'top' is {top}; it must be between 1 and {MaxTop}.");
        var requirement = await requirements.GetAsync(requirementId, ct);
        var criteria = new MatchCriteria(requirement.RoleId, requirement.Role, requirement.OrganizationalUnitId, requirement.OrganizationalUnit,
            requirement.Characteristics.Select(c => new WantedCharacteristic(c.CharacteristicId, c.Characteristic, c.MinimumValue, c.MinimumRating)).ToList());

        var close = Close(criteria);
        var units = await db.Set<OrganizationalUnit>().AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var people = await db.Set<BookableResource>().AsNoTracking().Where(r => r.ResourceType != ResourceType.Generic && close.Contains(r.Id))
            .Select(r => new { r.Id, r.Name, r.OrganizationalUnitId, HasRole = db.Set<ResourceRole>().Any(rr => rr.ResourceId == r.Id && rr.RoleId == requirement.RoleId) })
            .ToListAsync(ct);
        var wantedIds = criteria.Characteristics.Select(c => c.CharacteristicId).ToList();
        var ratings = (await (from rc in db.Set<ResourceCharacteristic>().AsNoTracking()
                              join v in db.Set<RatingValue>() on rc.RatingValueId equals v.Id into values
                              from value in values.DefaultIfEmpty()
                              where wantedIds.Contains(rc.CharacteristicId) && close.Contains(rc.ResourceId)
                              select new { rc.ResourceId, rc.CharacteristicId, Value = value == null ? (int?)null : value.Value, Name = value == null ? null : value.Name })
                .ToListAsync(ct))
            .GroupBy(r => r.ResourceId)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<Guid, (int?, string?)>)g.ToDictionary(r => r.CharacteristicId, r => (r.Value, r.Name)));
        var none = new Dictionary<Guid, (int?, string?)>();

        var candidates = people
            .Select(p => new CandidateFacts(p.Id, p.Name, p.OrganizationalUnitId, units[p.OrganizationalUnitId], p.HasRole, ratings.GetValueOrDefault(p.Id) ?? none))
            .Select(c => (Candidate: c, Reasons: ResourceMatching.Reasons(criteria, c)))
            .Where(c => c.Reasons.Count <= 1)
            .ToList();
        var window = new DateWindow(requirement.FromDate, requirement.ToDate);
        var hours = await loads.ForAsync(candidates.Select(c => c.Candidate.ResourceId).ToList(), [window], ct);
        var found = candidates.Select(c =>
        {
            var load = hours[c.Candidate.ResourceId];
            return ResourceMatching.Match(c.Candidate, c.Reasons, load.Capacity[0], load.Hard[0], load.Soft[0]);
        }).ToList();
        var matches = ResourceMatching.Ranked(found.Where(m => m.IsMatch)).ToList();
        return new FoundResources(requirement, matches.Count, matches.Take(top ?? DefaultTop).ToList(),
            ResourceMatching.Ranked(found.Where(m => !m.IsMatch)).Take(NearMisses).ToList());
    }

    /// <summary>
    /// The resources that meet every criterion but at most one, in the database: each criterion met is a row (holding the
    /// role, being in the unit, holding a characteristic at its minimum), and a resource needs all of them but one.
    /// </summary>
    private IQueryable<Guid> Close(MatchCriteria criteria)
    {
        var roleId = criteria.RoleId;
        var met = db.Set<ResourceRole>().Where(r => r.RoleId == roleId).Select(r => r.ResourceId);
        if (criteria.UnitId is { } unitId) met = met.Concat(db.Set<BookableResource>().Where(r => r.OrganizationalUnitId == unitId).Select(r => r.Id));
        foreach (var wanted in criteria.Characteristics)
        {
            var (characteristicId, minimum) = (wanted.CharacteristicId, wanted.MinimumValue);
            var holders = db.Set<ResourceCharacteristic>().Where(rc => rc.CharacteristicId == characteristicId);
            if (minimum is { } least) holders = holders.Where(rc => db.Set<RatingValue>().Any(v => v.Id == rc.RatingValueId && v.Value >= least));
            met = met.Concat(holders.Select(rc => rc.ResourceId));
        }
        var needed = (criteria.UnitId is null ? 0 : 1) + criteria.Characteristics.Count;
        return needed == 0 ? db.Set<BookableResource>().Select(r => r.Id) : met.GroupBy(id => id).Where(g => g.Count() >= needed).Select(g => g.Key);
    }
}
