using Microsoft.EntityFrameworkCore;

namespace PsaBridge.Psa.Scheduling;

/// <summary>Reads resources' calendars: their own work hours where they have them, else the default, with their days off in a window.</summary>
public sealed class CalendarStore(PsaDb db)
{
    /// <summary>Past this many resources a query reads the rows of all of them and drops the others: cheaper than so long an IN list.</summary>
    internal const int MaxListedResources = 1_000;

    /// <summary>The calendars of the resources between the dates (every resource when <paramref name="resourceIds"/> is null).</summary>
    public async Task<Dictionary<Guid, WorkCalendar>> ForAsync(IReadOnlyCollection<Guid>? resourceIds, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var hours = db.Set<WorkHours>().AsNoTracking();
        var daysOff = db.Set<DayOff>().AsNoTracking().Where(d => d.Date >= from && d.Date <= to);
        if (resourceIds is not null && resourceIds.Count <= MaxListedResources)
        {
            var ids = resourceIds as Guid[] ?? resourceIds.ToArray();
            hours = hours.Where(h => ids.Contains(h.ResourceId));
            daysOff = daysOff.Where(d => ids.Contains(d.ResourceId));
        }
        var weeks = await hours.ToDictionaryAsync(h => h.ResourceId, h => h.ByDayOfWeek(), ct);
        var off = (await daysOff.Select(d => new { d.ResourceId, d.Date }).ToListAsync(ct)).ToLookup(d => d.ResourceId, d => d.Date);
        var calendars = new Dictionary<Guid, WorkCalendar>();
        foreach (var id in resourceIds ?? weeks.Keys.Union(off.Select(g => g.Key)).ToList())
            calendars[id] = weeks.TryGetValue(id, out var week) || off.Contains(id) ? new WorkCalendar(week, off[id]) : WorkCalendar.Default;
        return calendars;
    }

    /// <summary>One resource's calendar between the dates.</summary>
    public async Task<WorkCalendar> ForAsync(Guid resourceId, DateOnly from, DateOnly to, CancellationToken ct) =>
        (await ForAsync([resourceId], from, to, ct))[resourceId];
}
