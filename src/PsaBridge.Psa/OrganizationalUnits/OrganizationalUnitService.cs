using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Paging;
using PsaBridge.Infrastructure.Storage;
using PsaBridge.Infrastructure.Validation;

namespace PsaBridge.Psa.OrganizationalUnits;

public sealed class OrganizationalUnitService(PsaDb db, TimeProvider clock)
{
    public async Task<OrganizationalUnit> CreateAsync(OrganizationalUnitInput input, CancellationToken ct = default)
    {
        input.Validate().ThrowIfAny();
        var unit = new OrganizationalUnit
        {
            Id = Ids.New(), Name = input.Name!.Trim(), Currency = input.Currency!.Trim().ToUpperInvariant(),
            CreatedOn = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(unit);
        await db.SaveChangesAsync(ct);
        return unit;
    }

    public async Task<OrganizationalUnit> GetAsync(Guid id, CancellationToken ct = default) =>
        await db.Set<OrganizationalUnit>().AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, ct)
        ?? throw new NotFoundException("Organizational unit", id.ToString());

    public Task<Page<OrganizationalUnit>> ListAsync(string? search, PageRequest page, CancellationToken ct = default)
    {
        var query = db.Set<OrganizationalUnit>().AsNoTracking();
        if (InputRules.Clean(search) is { } term) query = query.Where(u => u.Name.ToLower().Contains(term.ToLower()));
        return query.OrderBy(u => u.Name).ThenBy(u => u.Id).ToPageAsync(page, ct);
    }
}
