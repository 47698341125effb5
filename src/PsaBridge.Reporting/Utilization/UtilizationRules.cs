using PsaBridge.Psa.Scheduling;

namespace PsaBridge.Reporting.Utilization;

/// <summary>One resource's month: capacity from its calendar, approved hours, chargeable hours and chargeable utilization in percent.</summary>
public sealed record UtilizationRow(DateOnly Month, Guid ResourceId, string Resource, string Role, string Unit, decimal Capacity, decimal ActualHours,
    decimal ChargeableHours, decimal? Utilization);

/// <summary>The resources of one role, unit or all of them in one month, added up.</summary>
public sealed record UtilizationGroupRow(DateOnly Month, string Name, decimal Capacity, decimal ActualHours, decimal ChargeableHours, decimal? Utilization);

public sealed record UtilizationReportResult(DateOnly From, DateOnly To, IReadOnlyList<UtilizationRow> Resources, IReadOnlyList<UtilizationGroupRow> ByRole,
    IReadOnlyList<UtilizationGroupRow> ByUnit, IReadOnlyList<UtilizationGroupRow> ByMonth);

/// <summary>Chargeable utilization rolled up: hours and capacity are added first, the percentage taken of the sums (never an average of percentages).</summary>
public static class UtilizationRules
{
    public const string AllResources = "All resources";

    public static decimal? Percent(decimal capacity, decimal chargeable) => new UtilizationFigures(capacity, 0m, 0m, 0m, chargeable).ChargeableUtilization;

    public static UtilizationReportResult Build(DateOnly from, DateOnly to, IReadOnlyList<UtilizationRow> rows) =>
        new(from, to, rows, Rollup(rows, r => r.Role), Rollup(rows, r => r.Unit), Rollup(rows, _ => AllResources));

    public static IReadOnlyList<UtilizationGroupRow> Rollup(IEnumerable<UtilizationRow> rows, Func<UtilizationRow, string> key) =>
        rows.GroupBy(r => (r.Month, Name: key(r)))
            .Select(g =>
            {
                var (capacity, chargeable) = (g.Sum(r => r.Capacity), g.Sum(r => r.ChargeableHours));
                return new UtilizationGroupRow(g.Key.Month, g.Key.Name, capacity, g.Sum(r => r.ActualHours), chargeable, Percent(capacity, chargeable));
            })
            .OrderBy(r => r.Month).ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
}
