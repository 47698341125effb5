using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Storage;

namespace PsaBridge.Psa.Scheduling;

/// <summary>A resource's hours in each of a row of periods: what its calendar gives and what bookings take, committed (hard) and proposed (soft).</summary>
public sealed class ResourceLoad(int periods)
{
    public decimal[] Capacity { get; } = new decimal[periods];
    public decimal[] Hard { get; } = new decimal[periods];
    public decimal[] Soft { get; } = new decimal[periods];
}

/// <summary>
/// Capacity and booked hours of resources over periods, the numbers find resources, the schedule board and
/// utilization all stand on: bookings are summed by resource and period in one query, capacity comes from the calendars.
/// </summary>
public sealed class ResourceLoads(PsaDb db, CalendarStore calendars)
{
    /// <summary>The loads of the resources over the periods (which are in order and do not overlap).</summary>
    public async Task<Dictionary<Guid, ResourceLoad>> ForAsync(IReadOnlyCollection<Guid> resourceIds, IReadOnlyList<DateWindow> periods, CancellationToken ct)
    {
        var loads = resourceIds.Distinct().ToDictionary(id => id, _ => new ResourceLoad(periods.Count));
        if (loads.Count == 0 || periods.Count == 0) return loads;
        var (from, to) = (periods[0].Start, periods[^1].End);
        foreach (var booked in await BookedAsync(loads.Keys.ToArray(), periods, ct))
        {
            if (booked.Period < 0 || !loads.TryGetValue(booked.ResourceId, out var load)) continue;
            if (booked.Status == BookingStatus.Committed) load.Hard[booked.Period] += booked.Hours;
            else load.Soft[booked.Period] += booked.Hours;
        }
        var byResource = await calendars.ForAsync(loads.Keys, from, to, ct);
        foreach (var (id, load) in loads)
        {
            var calendar = byResource[id];
            for (var i = 0; i < periods.Count; i++) load.Capacity[i] = calendar.Capacity(periods[i].Start, periods[i].End);
        }
        return loads;
    }

    /// <summary>The resource's days in the window with the hours committed on each, for laying out a new booking.</summary>
    public async Task<List<DayLoad>> DaysAsync(Guid resourceId, DateOnly from, DateOnly to, Guid? exceptHeaderId, CancellationToken ct)
    {
        var calendar = await calendars.ForAsync(resourceId, from, to, ct);
        var committed = (await db.Set<Booking>().AsNoTracking()
                .Where(b => b.ResourceId == resourceId && b.Date >= from && b.Date <= to && b.Status == BookingStatus.Committed && b.HeaderId != exceptHeaderId)
                .Select(b => new { b.Date, b.Hours }).ToListAsync(ct))
            .GroupBy(b => b.Date).ToDictionary(g => g.Key, g => g.Sum(b => b.Hours));
        return WorkCalendar.Days(from, to).Select(d => new DayLoad(d, calendar.HoursOn(d), committed.GetValueOrDefault(d))).ToList();
    }

    private sealed record PeriodHours(Guid ResourceId, BookingStatus Status, int Period, long Units)
    {
        public decimal Hours => TenThousandths.ToDecimal(Units);
    }

    /// <summary>Booked hours by resource, status and period, summed in the database.</summary>
    private async Task<List<PeriodHours>> BookedAsync(Guid[] ids, IReadOnlyList<DateWindow> periods, CancellationToken ct)
    {
        var (from, to) = (periods[0].Start, periods[^1].End);
        var query = db.Set<Booking>().AsNoTracking().Where(b => b.Date >= from && b.Date <= to && b.Status != BookingStatus.Canceled);
        if (ids.Length <= CalendarStore.MaxListedResources) query = query.Where(b => ids.Contains(b.ResourceId));
        return await query.WithPeriod(b => b.Date, periods)
            .GroupBy(b => new { b.Row.ResourceId, b.Row.Status, b.Period })
            .Select(g => new PeriodHours(g.Key.ResourceId, g.Key.Status, g.Key.Period, g.Sum(b => (long)Math.Round((double)b.Row.Hours * TenThousandths.PerOne))))
            .ToListAsync(ct);
    }
}
