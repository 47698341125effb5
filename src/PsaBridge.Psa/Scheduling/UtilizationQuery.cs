using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Paging;
using PsaBridge.Infrastructure.Storage;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.Actuals;
using PsaBridge.Psa.OrganizationalUnits;
using PsaBridge.Psa.Time;

namespace PsaBridge.Psa.Scheduling;

public sealed record UtilizationRequest(DateOnly From, DateOnly To, PeriodLength Period = PeriodLength.Week, ResourceSelection? Selection = null);

public sealed record PeriodColumn(DateOnly Start, DateOnly End, string Label);

public sealed record ResourceUtilization(Guid ResourceId, string Name, string OrganizationalUnit, IReadOnlyList<UtilizationFigures> Periods, UtilizationFigures Total);

/// <summary>Utilization of the selected resources by period: each resource's row (a page of them) and the totals of all of them.</summary>
public sealed record UtilizationReport(
    DateOnly From,
    DateOnly To,
    PeriodLength Period,
    IReadOnlyList<PeriodColumn> Columns,
    IReadOnlyList<UtilizationFigures> Totals,
    UtilizationFigures Total,
    Page<ResourceUtilization> Resources);

/// <summary>
/// Utilization (reference §4, B6), a query any report can call: capacity from the calendars, hard and soft hours from
/// bookings, actual hours from approved time (its cost actuals, so a cancelled approval nets out), and chargeable actual
/// hours from its sales actuals of billing type Chargeable (unbilled and billed, net: an invoice moves hours from one to
/// the other, a time entry of an internal or fixed-price project has none). Time counts in the period of its date.
/// </summary>
public sealed class UtilizationQuery(PsaDb db, ResourceLoads loads)
{
    public async Task<UtilizationReport> RunAsync(UtilizationRequest request, PageRequest page, CancellationToken ct = default)
    {
        var rules = new Rules().Defined("period", (PeriodLength?)request.Period);
        if (request.To < request.From) rules.Add("to", $"To {request.To:yyyy-MM-dd} is before from {request.From:yyyy-MM-dd}.");
        else if (request.To.DayNumber - request.From.DayNumber > Periods.MaxDays) rules.Add("to", $"The window is longer than {Periods.MaxDays} days.");
        rules.ThrowIfAny();
        var periods = Periods.Between(request.From, request.To, request.Period);
        var selected = (request.Selection ?? new ResourceSelection()).Apply(db).AsNoTracking();
        var everyone = await selected.Select(r => r.Id).ToListAsync(ct);
        var load = await loads.ForAsync(everyone, periods, ct);
        var actual = await ActualHoursAsync(everyone, periods, ct);
        var figures = everyone.ToDictionary(id => id, id => periods.Select((_, i) => new UtilizationFigures(load[id].Capacity[i], load[id].Hard[i], load[id].Soft[i],
            actual.GetValueOrDefault(id)?.Actual[i] ?? 0m, actual.GetValueOrDefault(id)?.Chargeable[i] ?? 0m)).ToList());
        var totals = periods.Select((_, i) => figures.Values.Aggregate(UtilizationFigures.Zero, (sum, f) => sum.Add(f[i]))).ToList();

        var units = await db.Set<OrganizationalUnit>().AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var rows = await selected.OrderBy(r => r.Name).ThenBy(r => r.Id).Select(r => new { r.Id, r.Name, r.OrganizationalUnitId }).ToPageAsync(page, ct);
        var resources = rows.Map(r => new ResourceUtilization(r.Id, r.Name, units[r.OrganizationalUnitId], figures[r.Id],
            figures[r.Id].Aggregate(UtilizationFigures.Zero, (sum, f) => sum.Add(f))));
        return new UtilizationReport(request.From, request.To, request.Period, periods.Select(p => new PeriodColumn(p.Start, p.End, p.Label(request.Period))).ToList(),
            totals, totals.Aggregate(UtilizationFigures.Zero, (sum, f) => sum.Add(f)), resources);
    }

    private sealed record ActualHours(decimal[] Actual, decimal[] Chargeable);

    private async Task<Dictionary<Guid, ActualHours>> ActualHoursAsync(List<Guid> resourceIds, IReadOnlyList<DateWindow> periods, CancellationToken ct)
    {
        var (first, last) = (periods[0].Start, periods[^1].End);
        var ids = resourceIds.ToArray();
        // Summed by resource, period and kind in the database: cost quantities are the actual hours, the chargeable sales ones the chargeable hours.
        var rows = await (from e in db.Set<TimeEntry>()
                          join a in db.Set<Actual>() on (Guid?)e.Id equals a.SourceEntryId
                          where ids.Contains(e.ResourceId) && e.Date >= first && e.Date <= last && a.TransactionClass == TransactionClass.Time
                                && (a.TransactionType == TransactionType.Cost
                                    || ((a.TransactionType == TransactionType.UnbilledSales || a.TransactionType == TransactionType.BilledSales)
                                        && a.BillingType == BillingType.Chargeable))
                          select new { e.ResourceId, e.Date, IsCost = a.TransactionType == TransactionType.Cost, a.Quantity }).AsNoTracking()
            .WithPeriod(x => x.Date, periods)
            .GroupBy(x => new { x.Row.ResourceId, x.Row.IsCost, x.Period })
            .Select(g => new { g.Key.ResourceId, g.Key.IsCost, g.Key.Period, Units = g.Sum(x => (long)Math.Round((double)x.Row.Quantity * TenThousandths.PerOne)) })
            .ToListAsync(ct);
        var hours = new Dictionary<Guid, ActualHours>();
        foreach (var row in rows)
        {
            if (row.Period < 0) continue;
            if (!hours.TryGetValue(row.ResourceId, out var h)) hours[row.ResourceId] = h = new ActualHours(new decimal[periods.Count], new decimal[periods.Count]);
            if (row.IsCost) h.Actual[row.Period] += TenThousandths.ToDecimal(row.Units);
            else h.Chargeable[row.Period] += TenThousandths.ToDecimal(row.Units);
        }
        return hours;
    }
}
