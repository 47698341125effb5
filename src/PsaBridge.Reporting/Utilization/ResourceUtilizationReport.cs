using PsaBridge.Infrastructure.Export;
using PsaBridge.Infrastructure.Paging;
using PsaBridge.Psa.Scheduling;
using PsaBridge.Reporting.Shared;

namespace PsaBridge.Reporting.Utilization;

/// <summary>
/// Utilization: chargeable utilization by resource, role, unit and month, from the planning's <see cref="UtilizationQuery"/>
/// (capacity from the resources' calendars, chargeable hours from approved time). The period is the window (by default the
/// month of <c>today</c> and the two before it); the role filter keeps the resources who hold the role, the contracting-unit
/// filter those of that unit (a resource's own unit); a resource's role is its default role.
/// </summary>
public sealed class ResourceUtilizationReport(UtilizationQuery utilization, Names names)
{
    public const string Name = "utilization";

    public async Task<UtilizationReportResult> RunAsync(ReportFilter filter, DateOnly today, CancellationToken ct = default)
    {
        var to = filter.To ?? Periods.EndOf(today, PeriodLength.Month);
        var from = filter.From ?? Periods.StartOf(to, PeriodLength.Month).AddMonths(-2);
        var request = new UtilizationRequest(from, to, PeriodLength.Month, new ResourceSelection(RoleId: filter.RoleId, OrganizationalUnitId: filter.ContractingUnitId));
        var roles = await names.RolesAsync(ct);
        var defaultRoles = await names.DefaultRolesAsync(ct);
        var rows = new List<UtilizationRow>();
        for (var page = 1; ; page++)
        {
            var report = await utilization.RunAsync(request, new PageRequest(page, PageRequest.MaxPageSize), ct);
            foreach (var resource in report.Resources.Items)
                rows.AddRange(resource.Periods.Select((f, i) => new UtilizationRow(Periods.StartOf(report.Columns[i].Start, PeriodLength.Month), resource.ResourceId,
                    resource.Name, Names.Of(roles, defaultRoles.GetValueOrDefault(resource.ResourceId)), resource.OrganizationalUnit, f.Capacity, f.ActualHours,
                    f.ChargeableHours, f.ChargeableUtilization)));
            if (page * PageRequest.MaxPageSize >= report.Resources.Total) break;
        }
        return UtilizationRules.Build(from, to, rows.OrderBy(r => r.Month).ThenBy(r => r.Resource, StringComparer.OrdinalIgnoreCase).ToList());
    }

    /// <summary>The columns of the resources' table, its downloads and the CLI's table.</summary>
    public static readonly IReadOnlyList<ExportColumn<UtilizationRow>> Columns =
    [
        ExportColumn<UtilizationRow>.Date("Month", r => r.Month),
        ExportColumn<UtilizationRow>.Text("Resource", r => r.Resource),
        ExportColumn<UtilizationRow>.Text("Role", r => r.Role),
        ExportColumn<UtilizationRow>.Text("Unit", r => r.Unit),
        ExportColumn<UtilizationRow>.Number("Capacity hours", r => r.Capacity),
        ExportColumn<UtilizationRow>.Number("Actual hours", r => r.ActualHours),
        ExportColumn<UtilizationRow>.Number("Chargeable hours", r => r.ChargeableHours),
        ExportColumn<UtilizationRow>.Number("Chargeable utilization %", r => r.Utilization),
    ];
}
