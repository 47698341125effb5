using Microsoft.EntityFrameworkCore;
using PsaBridge.Psa;
using PsaBridge.Psa.Accounts;
using PsaBridge.Psa.OrganizationalUnits;
using PsaBridge.Psa.Projects;
using PsaBridge.Psa.Resources;
using PsaBridge.Psa.Sales;

namespace PsaBridge.Reporting.Shared;

/// <summary>The names a report shows beside the ids its totals are grouped by, read once per report, one query per kind of record.</summary>
public sealed class Names(PsaDb db)
{
    public Task<Dictionary<Guid, string>> ProjectsAsync(CancellationToken ct) => db.Set<Project>().AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, ct);
    public Task<Dictionary<Guid, string>> CustomersAsync(CancellationToken ct) => db.Set<Account>().AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, ct);
    public Task<Dictionary<Guid, string>> UnitsAsync(CancellationToken ct) => db.Set<OrganizationalUnit>().AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
    public Task<Dictionary<Guid, string>> ContractsAsync(CancellationToken ct) => db.Set<ProjectContract>().AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);
    public Task<Dictionary<Guid, string>> ResourcesAsync(CancellationToken ct) => db.Set<BookableResource>().AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name, ct);
    public Task<Dictionary<Guid, string>> RolesAsync(CancellationToken ct) => db.Set<Role>().AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name, ct);

    /// <summary>Each resource's default role, for those that have one.</summary>
    public Task<Dictionary<Guid, Guid?>> DefaultRolesAsync(CancellationToken ct) =>
        db.Set<BookableResource>().AsNoTracking().Where(r => r.DefaultRoleId != null).ToDictionaryAsync(r => r.Id, r => r.DefaultRoleId, ct);

    /// <summary>The name of <paramref name="id"/>, or the words for "none" when the total has no such record.</summary>
    public static string Of(Dictionary<Guid, string> names, Guid? id, string none = "(none)") =>
        id is { } g ? names.GetValueOrDefault(g, g.ToString()) : none;
}
