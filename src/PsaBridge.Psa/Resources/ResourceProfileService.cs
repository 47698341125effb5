using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Storage;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.OrganizationalUnits;

namespace PsaBridge.Psa.Resources;

public sealed record ResourceRoleInput(Guid? RoleId, bool IsDefault = false);

public sealed record ResourceRatingInput(Guid? CharacteristicId, Guid? RatingValueId = null);

public sealed record ResourceRoleView(Guid RoleId, string Role, bool IsDefault);

public sealed record ResourceRatingView(Guid CharacteristicId, string Characteristic, CharacteristicType CharacteristicType, Guid? RatingValueId, string? Rating, int? Value);

/// <summary>A resource with its resourcing unit, its roles and its characteristics.</summary>
public sealed record ResourceProfile(BookableResource Resource, string OrganizationalUnit, IReadOnlyList<ResourceRoleView> Roles, IReadOnlyList<ResourceRatingView> Characteristics);

/// <summary>A resource's roles (one of them the default) and its rated characteristics; each set replaces the one before.</summary>
public sealed class ResourceProfileService(PsaDb db, SkillService skills)
{
    public const int MaxEntries = 200;

    public async Task<ResourceProfile> GetAsync(Guid resourceId, CancellationToken ct = default)
    {
        var resource = await db.Set<BookableResource>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == resourceId, ct)
                       ?? throw new NotFoundException("Resource", resourceId.ToString());
        var unit = await db.Set<OrganizationalUnit>().Where(u => u.Id == resource.OrganizationalUnitId).Select(u => u.Name).SingleAsync(ct);
        var roles = await (from rr in db.Set<ResourceRole>().AsNoTracking()
                           join role in db.Set<Role>() on rr.RoleId equals role.Id
                           where rr.ResourceId == resourceId
                           orderby rr.IsDefault descending, role.Name
                           select new ResourceRoleView(role.Id, role.Name, rr.IsDefault)).ToListAsync(ct);
        var ratings = await (from rc in db.Set<ResourceCharacteristic>().AsNoTracking()
                             join c in db.Set<Characteristic>() on rc.CharacteristicId equals c.Id
                             join v in db.Set<RatingValue>() on rc.RatingValueId equals v.Id into rated
                             from value in rated.DefaultIfEmpty()
                             where rc.ResourceId == resourceId
                             orderby c.Name
                             select new ResourceRatingView(c.Id, c.Name, c.CharacteristicType, rc.RatingValueId, value == null ? null : value.Name,
                                 value == null ? null : value.Value)).ToListAsync(ct);
        return new ResourceProfile(resource, unit, roles, ratings);
    }

    /// <summary>Sets the resource's roles; the one marked default (or the only one) becomes <see cref="BookableResource.DefaultRoleId"/>.</summary>
    public async Task<ResourceProfile> SetRolesAsync(Guid resourceId, List<ResourceRoleInput>? input, CancellationToken ct = default)
    {
        var roles = input ?? [];
        var rules = new Rules();
        if (roles.Count > MaxEntries) rules.Add("body", $"At most {MaxEntries} roles.");
        for (var i = 0; i < roles.Count; i++)
        {
            rules.RequiredId($"[{i}].roleId", roles[i]?.RoleId);
            if (roles[i]?.RoleId is { } id && roles.Take(i).Any(r => r?.RoleId == id)) rules.Add($"[{i}].roleId", $"Role '{id}' is listed twice.");
        }
        if (roles.Count(r => r?.IsDefault == true) > 1) rules.Add("body", "Only one role is the default.");
        await rules.ExistAsync<Role>(db, roles.Select((r, i) => ($"[{i}].roleId", r?.RoleId)), "Role", ct);
        var resource = await db.Set<BookableResource>().SingleOrDefaultAsync(r => r.Id == resourceId, ct) ?? throw new NotFoundException("Resource", resourceId.ToString());
        rules.ThrowIfAny();
        db.RemoveRange(await db.Set<ResourceRole>().Where(r => r.ResourceId == resourceId).ToListAsync(ct));
        var defaultRole = roles.FirstOrDefault(r => r.IsDefault)?.RoleId ?? (roles.Count == 1 ? roles[0].RoleId : null);
        db.AddRange(roles.Select(r => new ResourceRole { Id = Ids.New(), ResourceId = resourceId, RoleId = r.RoleId!.Value, IsDefault = r.RoleId == defaultRole }));
        resource.DefaultRoleId = defaultRole;
        await db.SaveChangesAsync(ct);
        return await GetAsync(resourceId, ct);
    }

    /// <summary>Sets the resource's characteristics and ratings: a skill's rating must be a value of the skill's own rating model.</summary>
    public async Task<ResourceProfile> SetCharacteristicsAsync(Guid resourceId, List<ResourceRatingInput>? input, CancellationToken ct = default)
    {
        var ratings = input ?? [];
        var rules = new Rules();
        if (ratings.Count > MaxEntries) rules.Add("body", $"At most {MaxEntries} characteristics.");
        if (ratings.Any(r => r is null)) rules.Add("body", "An entry is empty.");
        rules.ThrowIfAny();
        await skills.CheckRatingsAsync(rules, "", ratings.Select(r => (r.CharacteristicId, r.RatingValueId)).ToList(), ratingRequired: true, ct);
        if (!await db.Set<BookableResource>().AnyAsync(r => r.Id == resourceId, ct)) throw new NotFoundException("Resource", resourceId.ToString());
        rules.ThrowIfAny();
        db.RemoveRange(await db.Set<ResourceCharacteristic>().Where(r => r.ResourceId == resourceId).ToListAsync(ct));
        db.AddRange(ratings.Select(r => new ResourceCharacteristic
        {
            Id = Ids.New(), ResourceId = resourceId, CharacteristicId = r.CharacteristicId!.Value, RatingValueId = r.RatingValueId,
        }));
        await db.SaveChangesAsync(ct);
        return await GetAsync(resourceId, ct);
    }
}
