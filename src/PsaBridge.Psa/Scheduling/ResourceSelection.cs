using PsaBridge.Psa.Resources;

namespace PsaBridge.Psa.Scheduling;

/// <summary>
/// Which bookable people a board or a utilization report covers: one resource, those who hold a role (as their default
/// or not), those of a resourcing unit, those with a characteristic, those whose name contains a text. Generic resources
/// are never shown: they have no calendar of their own.
/// </summary>
public sealed record ResourceSelection(Guid? ResourceId = null, Guid? RoleId = null, Guid? OrganizationalUnitId = null, Guid? CharacteristicId = null,
    string? Search = null)
{
    public IQueryable<BookableResource> Apply(PsaDb db)
    {
        var query = db.Set<BookableResource>().Where(r => r.ResourceType != ResourceType.Generic);
        if (ResourceId is { } id) query = query.Where(r => r.Id == id);
        if (OrganizationalUnitId is { } unit) query = query.Where(r => r.OrganizationalUnitId == unit);
        if (RoleId is { } role) query = query.Where(r => db.Set<ResourceRole>().Any(rr => rr.ResourceId == r.Id && rr.RoleId == role));
        if (CharacteristicId is { } characteristic)
            query = query.Where(r => db.Set<ResourceCharacteristic>().Any(rc => rc.ResourceId == r.Id && rc.CharacteristicId == characteristic));
        if (InputRules.Clean(Search) is { } term) query = query.Where(r => r.Name.ToLower().Contains(term.ToLower()));
        return query;
    }
}
