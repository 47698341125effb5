using System.Globalization;
using System.Text;
using System.Text.Json;
using PsaBridge.Psa.Scheduling;

namespace PsaBridge.Psa.Projects;

/// <summary>One day of planned work: the calendar's working hours that day (start and end, UTC) and the hours assigned.</summary>
public sealed record WorkSlice(DateTime Start, DateTime End, decimal Hours)
{
    public DateOnly Date => DateOnly.FromDateTime(Start);
}

/// <summary>
/// The planned work contour (<c>msdyn_plannedwork</c>) in Microsoft's form: a JSON array of daily slices,
/// <c>[{"End":"\/Date(1543885200000)\/","Start":"\/Date(1543856400000)\/","Hours":8}]</c>, times in Unix milliseconds.
/// </summary>
public static class PlannedWork
{
    public static string Format(IEnumerable<WorkSlice> slices)
    {
        var json = new StringBuilder("[");
        foreach (var slice in slices)
        {
            if (json.Length > 1) json.Append(',');
            json.Append(CultureInfo.InvariantCulture, $$"""{"End":"\/Date({{Milliseconds(slice.End)}})\/","Start":"\/Date({{Milliseconds(slice.Start)}})\/","Hours":{{slice.Hours.ToString("0.####", CultureInfo.InvariantCulture)}}}""");
        }
        return json.Append(']').ToString();
    }

    public static IReadOnlyList<WorkSlice> Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray()
            .Select(e => new WorkSlice(Time(e.GetProperty("Start").GetString()!), Time(e.GetProperty("End").GetString()!), e.GetProperty("Hours").GetDecimal()))
            .ToList();
    }

    /// <summary>A day's slice: from the calendar's day start for as many hours as the calendar has that day.</summary>
    public static WorkSlice Slice(DateOnly date, decimal calendarHours, decimal hours)
    {
        var start = date.ToDateTime(WorkCalendar.DayStart, DateTimeKind.Utc);
        return new WorkSlice(start, start.AddHours((double)calendarHours), hours);
    }

    private static long Milliseconds(DateTime utc) => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToUnixTimeMilliseconds();

    // The reader has already turned "\/" into "/": the text is "/Date(1543856400000)/".
    private static DateTime Time(string text) =>
        DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(text.AsSpan(6, text.Length - 8), CultureInfo.InvariantCulture)).UtcDateTime;
}
