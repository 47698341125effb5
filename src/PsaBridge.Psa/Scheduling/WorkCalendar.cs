namespace PsaBridge.Psa.Scheduling;

/// <summary>
/// A resource's calendar as plain data: hours per weekday and the days off. Capacity for a window is what it gives
/// (Microsoft: work hours minus out-of-office and non-working days). Work starts at 08:00 UTC: calendars here keep no
/// time zone (the reference leaves it unsourced), and the start only places the planned-work slices in the day.
/// </summary>
public sealed class WorkCalendar
{
    public static readonly TimeOnly DayStart = new(8, 0);
    public const decimal MaxHoursPerDay = 24m;

    private static readonly decimal[] DefaultWeek = [0m, 8m, 8m, 8m, 8m, 8m, 0m];
    private readonly decimal[] _week;
    private readonly HashSet<DateOnly> _daysOff;

    /// <param name="week">Hours per day of the week, Sunday first (as <see cref="DayOfWeek"/>); the default 8 h Monday to Friday when null.</param>
    public WorkCalendar(decimal[]? week = null, IEnumerable<DateOnly>? daysOff = null)
    {
        if (week is { Length: not 7 }) throw new ArgumentException("A week has seven days.", nameof(week));
        _week = week ?? DefaultWeek;
        _daysOff = daysOff is null ? [] : [.. daysOff];
    }

    public static WorkCalendar Default { get; } = new();

    /// <summary>Hours per day of the week, Sunday first.</summary>
    public IReadOnlyList<decimal> Week => _week;

    public decimal HoursOn(DateOnly date) => _daysOff.Contains(date) ? 0m : _week[(int)date.DayOfWeek];

    public bool IsDayOff(DateOnly date) => _daysOff.Contains(date);

    public decimal Capacity(DateOnly from, DateOnly to)
    {
        var total = 0m;
        foreach (var day in Days(from, to)) total += HoursOn(day);
        return total;
    }

    /// <summary>The days between the dates (both included) that have hours.</summary>
    public IEnumerable<DateOnly> WorkingDays(DateOnly from, DateOnly to) => Days(from, to).Where(d => HoursOn(d) > 0);

    public static IEnumerable<DateOnly> Days(DateOnly from, DateOnly to)
    {
        for (var day = from; day <= to; day = day.AddDays(1)) yield return day;
    }
}
