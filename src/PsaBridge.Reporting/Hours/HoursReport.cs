using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Export;
using PsaBridge.Psa;
using PsaBridge.Psa.Actuals;
using PsaBridge.Reporting.Shared;

namespace PsaBridge.Reporting.Hours;

/// <summary>Hours of one resource in one role and month, by how they are charged.</summary>
public sealed record HoursRow(Guid? ResourceId, string Resource, Guid? RoleId, string Role, DateOnly Period,
    decimal Chargeable, decimal NonChargeable, decimal Complimentary, decimal Total);

/// <summary>
/// Hours: chargeable, non-chargeable and complimentary hours by resource, role and month. They are read from the cost
/// actuals of time, which every approved hour posts once (a sales actual is reversed when it is invoiced), reversals included.
/// </summary>
public sealed class HoursReport(PsaDb db, Names names)
{
    public const string Name = "hours";

    public async Task<IReadOnlyList<HoursRow>> RunAsync(ReportFilter filter, CancellationToken ct = default)
    {
        var totals = await filter.Apply(db.Set<Actual>().AsNoTracking())
            .Where(a => a.TransactionType == TransactionType.Cost && a.TransactionClass == TransactionClass.Time)
            .GroupBy(a => new { a.ResourceId, a.RoleId, a.DocumentDate.Year, a.DocumentDate.Month, a.BillingType })
            .Select(g => new { g.Key.ResourceId, g.Key.RoleId, g.Key.Year, g.Key.Month, g.Key.BillingType, Hours = g.Sum(a => a.Quantity) })
            .ToListAsync(ct);
        var resources = await names.ResourcesAsync(ct);
        var roles = await names.RolesAsync(ct);
        return totals
            .GroupBy(t => (t.ResourceId, t.RoleId, Period: new DateOnly(t.Year, t.Month, 1)))
            .Select(g =>
            {
                decimal Of(BillingType type) => g.Where(t => t.BillingType == type).Sum(t => t.Hours);
                return new HoursRow(g.Key.ResourceId, Names.Of(resources, g.Key.ResourceId), g.Key.RoleId, Names.Of(roles, g.Key.RoleId), g.Key.Period,
                    Of(BillingType.Chargeable), Of(BillingType.NonChargeable), Of(BillingType.Complimentary), g.Sum(t => t.Hours));
            })
            .OrderBy(r => r.Period).ThenBy(r => r.Resource, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Role, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary>The columns of the report's table, its downloads and the CLI's table.</summary>
    public static readonly IReadOnlyList<ExportColumn<HoursRow>> Columns =
    [
        ExportColumn<HoursRow>.Date("Month", r => r.Period),
        ExportColumn<HoursRow>.Text("Resource", r => r.Resource),
        ExportColumn<HoursRow>.Text("Role", r => r.Role),
        ExportColumn<HoursRow>.Number("Chargeable hours", r => r.Chargeable),
        ExportColumn<HoursRow>.Number("Non-chargeable hours", r => r.NonChargeable),
        ExportColumn<HoursRow>.Number("Complimentary hours", r => r.Complimentary),
        ExportColumn<HoursRow>.Number("Total hours", r => r.Total),
    ];
}
