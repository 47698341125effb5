using PsaBridge.Psa.Scheduling;

namespace PsaBridge.Psa.Projects;

/// <summary>
/// How a task's effort becomes each assignee's planned work (reference B5): the effort is split equally among the
/// assignees, and each share is laid evenly over the assignee's working days between the task's dates, as Project
/// Service does for manually scheduled tasks (18 h over 3 days = 6/6/6). Hours are kept to the hundredth; what
/// rounding leaves goes to the last share and the last day, so the parts add up to the whole exactly.
/// </summary>
public static class WorkContour
{
    public static IReadOnlyList<decimal> Split(decimal hours, int parts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parts, 1);
        var each = Math.Floor(hours / parts * 100m) / 100m;
        var shares = Enumerable.Repeat(each, parts).ToArray();
        shares[^1] = hours - each * (parts - 1);
        return shares;
    }

    /// <summary>The hours laid over the calendar's working days in the window; empty when it has none.</summary>
    public static IReadOnlyList<WorkSlice> Spread(decimal hours, WorkCalendar calendar, DateOnly from, DateOnly to)
    {
        var days = calendar.WorkingDays(from, to).ToList();
        if (days.Count == 0) return [];
        var shares = Split(hours, days.Count);
        return days.Select((day, i) => PlannedWork.Slice(day, calendar.HoursOn(day), shares[i])).ToList();
    }
}
