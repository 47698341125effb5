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

        var units = await db.Set<OrganizationalUnit>().AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var people = await db.Set<BookableResource>().AsNoTracking().Where(r => r.ResourceType != ResourceType.Generic)
            .Select(r => new { r.Id, r.Name, r.OrganizationalUnitId }).ToListAsync(ct);
        var withRole = (await db.Set<ResourceRole>().AsNoTracking().Where(r => r.RoleId == requirement.RoleId).Select(r => r.ResourceId).ToListAsync(ct)).ToHashSet();
        var wantedIds = criteria.Characteristics.Select(c => c.CharacteristicId).ToList();
        var ratings = (await (from rc in db.Set<ResourceCharacteristic>().AsNoTracking()
                              join v in db.Set<RatingValue>() on rc.RatingValueId equals v.Id into values
                              from value in values.DefaultIfEmpty()
                              where wantedIds.Contains(rc.CharacteristicId)
                              select new { rc.ResourceId, rc.CharacteristicId, Value = value == null ? (int?)null : value.Value, Name = value == null ? null : value.Name })
                .ToListAsync(ct))
            .GroupBy(r => r.ResourceId)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<Guid, (int?, string?)>)g.ToDictionary(r => r.CharacteristicId, r => (r.Value, r.Name)));
        var none = new Dictionary<Guid, (int?, string?)>();

        var close = people
            .Select(p => new CandidateFacts(p.Id, p.Name, p.OrganizationalUnitId, units[p.OrganizationalUnitId], withRole.Contains(p.Id), ratings.GetValueOrDefault(p.Id) ?? none))
            .Select(c => (Candidate: c, Reasons: ResourceMatching.Reasons(criteria, c)))
            .Where(c => c.Reasons.Count <= 1)
            .ToList();
        var window = new DateWindow(requirement.FromDate, requirement.ToDate);
        var hours = await loads.ForAsync(close.Select(c => c.Candidate.ResourceId).ToList(), [window], ct);
        var found = close.Select(c =>
        {
            var load = hours[c.Candidate.ResourceId];
            return ResourceMatching.Match(c.Candidate, c.Reasons, load.Capacity[0], load.Hard[0], load.Soft[0]);
        }).ToList();
        var matches = ResourceMatching.Ranked(found.Where(m => m.IsMatch)).ToList();
        return new FoundResources(requirement, matches.Count, matches.Take(top ?? DefaultTop).ToList(),
            ResourceMatching.Ranked(found.Where(m => !m.IsMatch)).Take(NearMisses).ToList());
    }
}
