using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa;
using PsaBridge.Psa.Accounts;
using PsaBridge.Psa.OrganizationalUnits;
using PsaBridge.Psa.Projects;
using PsaBridge.Psa.Resources;

namespace PsaBridge.Reporting.Shared;

/// <summary>A filter whose period runs backwards, or that names a customer, project, unit or role that does not exist, is refused field by field.</summary>
public sealed class ReportFilterCheck(PsaDb db)
{
    public async Task<ReportFilter> CheckAsync(ReportFilter filter, CancellationToken ct = default)
    {
        var rules = new Rules();
        if (filter.From is { } from && filter.To is { } to && to < from)
            rules.Add("to", $"'to' ({to:yyyy-MM-dd}) is before 'from' ({from:yyyy-MM-dd}).");
        if (filter.CustomerId is { } customer && !await db.Set<Account>().AnyAsync(a => a.Id == customer, ct))
            rules.Add("customerId", $"No customer has id '{customer}'.");
        if (filter.ProjectId is { } project && !await db.Set<Project>().AnyAsync(p => p.Id == project, ct))
            rules.Add("projectId", $"No project has id '{project}'.");
        if (filter.ContractingUnitId is { } unit && !await db.Set<OrganizationalUnit>().AnyAsync(u => u.Id == unit, ct))
            rules.Add("contractingUnitId", $"No organizational unit has id '{unit}'.");
        if (filter.RoleId is { } role && !await db.Set<Role>().AnyAsync(r => r.Id == role, ct))
            rules.Add("roleId", $"No role has id '{role}'.");
        rules.ThrowIfAny();
        return filter;
    }
}
