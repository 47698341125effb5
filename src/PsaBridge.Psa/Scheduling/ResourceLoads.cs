using Microsoft.EntityFrameworkCore;

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
/// utilization all stand on: bookings are read for the whole window in one query, capacity comes from the calendars.
/// </summary>
public sealed class ResourceLoads(PsaDb db, CalendarStore calendars)
{
    /// <summary>The loads of the resources over the periods (which are in order and do not overlap).</summary>
    public async Task<Dictionary<Guid, ResourceLoad>> ForAsync(IReadOnlyCollection<Guid> resourceIds, IReadOnlyList<DateWindow> periods, CancellationToken ct)
    {
        var loads = resourceIds.Distinct().ToDictionary(id => id, _ => new ResourceLoad(periods.Count));
        if (loads.Count == 0 || periods.Count == 0) return loads;
        var (from, to) = (periods[0].Start, periods[^1].End);
        foreach (var booking in await BookedAsync(loads.Keys.ToArray(), from, to, ct))
        {
            if (!loads.TryGetValue(booking.ResourceId, out var load)) continue;
            var i = Periods.IndexOf(periods, booking.Date);
            if (i < 0) continue;
            if (booking.Status == BookingStatus.Committed) load.Hard[i] += booking.Hours;
            else load.Soft[i] += booking.Hours;
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

    private async Task<List<Booking>> BookedAsync(Guid[] ids, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var query = db.Set<Booking>().AsNoTracking().Where(b => b.Date >= from && b.Date <= to && b.Status != BookingStatus.Canceled);
        // A long list of resources is a large part of all of them: reading the window's bookings and dropping the others is cheaper than the IN list.
        if (ids.Length <= MaxListedResources) query = query.Where(b => ids.Contains(b.ResourceId));
        return await query.Select(b => new Booking { ResourceId = b.ResourceId, Date = b.Date, Status = b.Status, Hours = b.Hours }).ToListAsync(ct);
    }

    private const int MaxListedResources = 1_000;
}
