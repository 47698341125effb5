using PsaBridge.Psa.Actuals;

namespace PsaBridge.Reporting.Shared;

/// <summary>
/// The filters every report takes: a period of document dates (both ends inclusive, open when empty), a customer, a
/// project, a contracting unit and a role. A report ignores the filters that do not apply to it.
/// </summary>
public sealed record ReportFilter(
    DateOnly? From = null,
    DateOnly? To = null,
    Guid? CustomerId = null,
    Guid? ProjectId = null,
    Guid? ContractingUnitId = null,
    Guid? RoleId = null)
{
    public static readonly ReportFilter None = new();

    /// <summary>The actuals these filters keep.</summary>
    public IQueryable<Actual> Apply(IQueryable<Actual> actuals)
    {
        if (From is { } from) actuals = actuals.Where(a => a.DocumentDate >= from);
        if (To is { } to) actuals = actuals.Where(a => a.DocumentDate <= to);
        if (CustomerId is { } customer) actuals = actuals.Where(a => a.CustomerId == customer);
        if (ProjectId is { } project) actuals = actuals.Where(a => a.ProjectId == project);
        if (ContractingUnitId is { } unit) actuals = actuals.Where(a => a.ContractOrganizationalUnitId == unit);
        if (RoleId is { } role) actuals = actuals.Where(a => a.RoleId == role);
        return actuals;
    }
}
