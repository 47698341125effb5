using System.Globalization;

namespace PsaBridge.Psa.Scheduling;

/// <summary>The length of the columns of a time-phased view.</summary>
public enum PeriodLength { Week, Month }

/// <summary>A span of days, both ends included.</summary>
public readonly record struct DateWindow(DateOnly Start, DateOnly End)
{
    public bool Contains(DateOnly date) => Start <= date && date <= End;

    public int Days => End.DayNumber - Start.DayNumber + 1;

    public string Label(PeriodLength length) => length == PeriodLength.Month
        ? Start.ToString("yyyy-MM", CultureInfo.InvariantCulture)
        : Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>Weeks (Monday to Sunday, as ISO 8601) and calendar months, cut to the window asked for.</summary>
public static class Periods
{
    public const int MaxDays = 3 * 366;

    public static DateOnly StartOf(DateOnly date, PeriodLength length) => length == PeriodLength.Month
        ? new DateOnly(date.Year, date.Month, 1)
        : date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    public static DateOnly EndOf(DateOnly date, PeriodLength length) => length == PeriodLength.Month
        ? new DateOnly(date.Year, date.Month, 1).AddMonths(1).AddDays(-1)
        : StartOf(date, length).AddDays(6);

    /// <summary>The periods that cover the window, the first and last cut to it.</summary>
    public static IReadOnlyList<DateWindow> Between(DateOnly from, DateOnly to, PeriodLength length)
    {
        var periods = new List<DateWindow>();
        for (var start = StartOf(from, length); start <= to; start = EndOf(start, length).AddDays(1))
        {
            var end = EndOf(start, length);
            periods.Add(new DateWindow(start < from ? from : start, end > to ? to : end));
        }
        return periods;
    }

    /// <summary>The index of the period that holds <paramref name="date"/>, or -1.</summary>
    public static int IndexOf(IReadOnlyList<DateWindow> periods, DateOnly date)
    {
        int low = 0, high = periods.Count - 1;
        while (low <= high)
        {
            var mid = (low + high) / 2;
            if (date < periods[mid].Start) high = mid - 1;
            else if (date > periods[mid].End) low = mid + 1;
            else return mid;
        }
        return -1;
    }
}
