using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Paging;
using PsaBridge.Infrastructure.Storage;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.Actuals;
using PsaBridge.Psa.OrganizationalUnits;

namespace PsaBridge.Psa.Resources;

public sealed record RoleInput(string? Name, BillingType? BillingType = null);

public sealed record ResourceInput(string? Name, ResourceType? ResourceType = null, Guid? OrganizationalUnitId = null, Guid? DefaultRoleId = null);

/// <summary>Roles (bookable resource categories) and bookable resources.</summary>
public sealed class ResourceService(PsaDb db, TimeProvider clock)
{
    public async Task<Role> CreateRoleAsync(RoleInput input, CancellationToken ct = default)
    {
        new Rules().Required("name", input.Name, Role.NameLength).Defined("billingType", input.BillingType).ThrowIfAny();
        var role = new Role
        {
            Id = Ids.New(), Name = input.Name!.Trim(), BillingType = input.BillingType ?? BillingType.Chargeable,
            CreatedOn = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(role);
        await db.SaveChangesAsync(ct);
        return role;
    }

    public Task<Page<Role>> ListRolesAsync(string? search, PageRequest page, CancellationToken ct = default)
    {
        var query = db.Set<Role>().AsNoTracking();
        if (InputRules.Clean(search) is { } term) query = query.Where(r => r.Name.ToLower().Contains(term.ToLower()));
        return query.OrderBy(r => r.Name).ThenBy(r => r.Id).ToPageAsync(page, ct);
    }

    public async Task<BookableResource> CreateResourceAsync(ResourceInput input, CancellationToken ct = default)
    {
        var rules = new Rules().Text("name", input.Name, BookableResource.NameLength).Defined("resourceType", input.ResourceType)
            .RequiredId("organizationalUnitId", input.OrganizationalUnitId);
        await rules.ExistAsync<OrganizationalUnit>(db, "organizationalUnitId", input.OrganizationalUnitId, "Organizational unit", ct);
        await rules.ExistAsync<Role>(db, "defaultRoleId", input.DefaultRoleId, "Role", ct);
        rules.ThrowIfAny();
        var resource = new BookableResource
        {
            Id = Ids.New(), Name = input.Name!.Trim(), ResourceType = input.ResourceType ?? ResourceType.User,
            OrganizationalUnitId = input.OrganizationalUnitId!.Value, DefaultRoleId = input.DefaultRoleId, CreatedOn = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(resource);
        if (resource.DefaultRoleId is { } role) db.Add(new ResourceRole { Id = Ids.New(), ResourceId = resource.Id, RoleId = role, IsDefault = true });
        await db.SaveChangesAsync(ct);
        return resource;
    }

    public async Task<BookableResource> GetResourceAsync(Guid id, CancellationToken ct = default) =>
        await db.Set<BookableResource>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct)
        ?? throw new NotFoundException("Resource", id.ToString());

    public Task<Page<BookableResource>> ListResourcesAsync(string? search, Guid? organizationalUnitId, PageRequest page, CancellationToken ct = default)
    {
        var query = db.Set<BookableResource>().AsNoTracking();
        if (InputRules.Clean(search) is { } term) query = query.Where(r => r.Name.ToLower().Contains(term.ToLower()));
        if (organizationalUnitId is { } unit) query = query.Where(r => r.OrganizationalUnitId == unit);
        return query.OrderBy(r => r.Name).ThenBy(r => r.Id).ToPageAsync(page, ct);
    }
}
