using PsaBridge.Infrastructure.Validation;

namespace PsaBridge.Psa.Time;

/// <summary>A row of the weekly grid: what the time was worked on, as Project Service's grid groups it.</summary>
public sealed record TimeSheetRowKey(Guid ProjectId, Guid? TaskId, Guid RoleId, TimeEntryType Type);

/// <summary>One day of a row: its minutes and the entries behind them (a day's entries can be changed only while all are drafts).</summary>
public sealed record TimeSheetDay(DateOnly Date, int Minutes, IReadOnlyList<TimeEntry> Entries)
{
    public bool Editable => Entries.All(e => e.EntryStatus is TimeEntryStatus.Draft or TimeEntryStatus.Returned) && Entries.Count <= 1;
}

public sealed record TimeSheetRow(TimeSheetRowKey Key, IReadOnlyList<TimeSheetDay> Days)
{
    public int Minutes => Days.Sum(d => d.Minutes);
}

/// <summary>A resource's week, Monday to Sunday, with the totals of each row and each day.</summary>
public sealed record TimeSheet(Guid ResourceId, DateOnly Monday, IReadOnlyList<TimeSheetRow> Rows)
{
    public IReadOnlyList<DateOnly> Dates => Enumerable.Range(0, 7).Select(Monday.AddDays).ToList();
    public int MinutesOn(DateOnly date) => Rows.Sum(r => r.Days.Single(d => d.Date == date).Minutes);
    public int Minutes => Rows.Sum(r => r.Minutes);
}

/// <summary>The minutes a row should hold on one day of the week, as the resource typed them into the grid.</summary>
public sealed record TimeSheetCell(TimeSheetRowKey Row, DateOnly Date, int Minutes);

/// <summary>What saving the grid changes: entries to create, drafts whose minutes change, drafts to remove.</summary>
public sealed record TimeSheetPlan(IReadOnlyList<TimeSheetCell> Create, IReadOnlyList<(TimeEntry Entry, int Minutes)> Update, IReadOnlyList<TimeEntry> Delete);

/// <summary>
/// The weekly time grid (Project Service's weekly time entry: rows of project, task, role and type; columns Monday to
/// Sunday): one time entry a row and day. Plain code over plain objects; the service reads and writes around it.
/// </summary>
public static class TimeSheets
{
    /// <summary>The Monday of the week <paramref name="date"/> is in (weeks run Monday to Sunday).</summary>
    public static DateOnly MondayOf(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    public static TimeSheet Build(Guid resourceId, DateOnly monday, IEnumerable<TimeEntry> entries)
    {
        var week = entries.Where(e => e.ResourceId == resourceId && e.Date >= monday && e.Date < monday.AddDays(7) && e.EntryStatus != TimeEntryStatus.Cancelled).ToList();
        var rows = week.GroupBy(Key).Select(g => new TimeSheetRow(g.Key, Enumerable.Range(0, 7).Select(monday.AddDays)
                .Select(d => new TimeSheetDay(d, g.Where(e => e.Date == d).Sum(e => e.Duration), g.Where(e => e.Date == d).OrderBy(e => e.CreatedOn).ToList())).ToList()))
            .OrderBy(r => r.Days.SelectMany(d => d.Entries).Min(e => e.CreatedOn)).ToList();
        return new TimeSheet(resourceId, monday, rows);
    }

    public static TimeSheetRowKey Key(TimeEntry e) => new(e.ProjectId, e.TaskId, e.RoleId, e.Type);

    /// <summary>
    /// What saving <paramref name="cells"/> over the week's <paramref name="sheet"/> changes. A cell of a day whose entries
    /// are submitted or approved must keep its minutes (a field error otherwise); an emptied draft is removed.
    /// </summary>
    public static TimeSheetPlan Plan(TimeSheet sheet, IReadOnlyList<TimeSheetCell> cells, Func<TimeSheetCell, string> field)
    {
        var rules = new Rules();
        var create = new List<TimeSheetCell>();
        var update = new List<(TimeEntry, int)>();
        var delete = new List<TimeEntry>();
        var days = sheet.Rows.SelectMany(r => r.Days.Select(d => (r.Key, Day: d))).ToDictionary(x => (x.Key, x.Day.Date), x => x.Day);
        foreach (var cell in cells.GroupBy(c => (c.Row, c.Date)).Select(g => g.Last()))
        {
            if (cell.Date < sheet.Monday || cell.Date >= sheet.Monday.AddDays(7))
                rules.Add(field(cell), $"{cell.Date:dddd d MMMM} is not in the week of {sheet.Monday:d MMMM yyyy}.");
            else if (cell.Minutes is < 0 or > TimeEntry.MaxDuration)
                rules.Add(field(cell), $"{Hours(cell.Minutes)} hours is out of range: a day holds from 0 to 24 hours.");
            else if (!days.TryGetValue((cell.Row, cell.Date), out var day) || day.Entries.Count == 0) { if (cell.Minutes > 0) create.Add(cell); }
            else if (day.Minutes == cell.Minutes) { }
            else if (!day.Editable)
                rules.Add(field(cell), day.Entries.Count > 1
                    ? $"{cell.Date:dddd} holds {day.Entries.Count} entries of this row; change them one by one in the list below."
                    : $"{cell.Date:dddd}'s time is {day.Entries[0].EntryStatus} and cannot change; recall it first.");
            else if (cell.Minutes == 0) delete.Add(day.Entries[0]);
            else update.Add((day.Entries[0], cell.Minutes));
        }
        var total = sheet.Dates.ToDictionary(d => d, sheet.MinutesOn);
        foreach (var c in create) total[c.Date] += c.Minutes;
        foreach (var (entry, minutes) in update) total[entry.Date] += minutes - entry.Duration;
        foreach (var entry in delete) total[entry.Date] -= entry.Duration;
        foreach (var (date, minutes) in total.Where(t => t.Value > TimeEntry.MaxDuration))
            rules.Add($"total.{date:yyyy-MM-dd}", $"{date:dddd} would hold {Hours(minutes)} hours; a day holds at most 24.");
        rules.ThrowIfAny();
        return new TimeSheetPlan(create, update, delete);
    }

    /// <summary>Last week's rows and minutes, a week later: what "copy last week" enters as drafts where this week has nothing on that row and day.</summary>
    public static IReadOnlyList<TimeSheetCell> CopyOfLastWeek(TimeSheet lastWeek, TimeSheet thisWeek)
    {
        var taken = thisWeek.Rows.SelectMany(r => r.Days.Where(d => d.Minutes > 0).Select(d => (r.Key, d.Date))).ToHashSet();
        return lastWeek.Rows.SelectMany(r => r.Days.Where(d => d.Minutes > 0).Select(d => new TimeSheetCell(r.Key, d.Date.AddDays(7), d.Minutes)))
            .Where(c => !taken.Contains((c.Row, c.Date))).ToList();
    }

    /// <summary>Hours as the grid shows them: up to two decimals, no trailing zeros.</summary>
    public static string Hours(int minutes) => (minutes / 60m).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Hours as typed ("7.5", "7,5" or "7:30") in minutes; null for an empty cell; an error message for anything else.
    /// </summary>
    public static (int? Minutes, string? Error) ParseHours(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return (null, null);
        var t = text.Trim();
        var colon = t.Split(':');
        if (colon.Length == 2 && int.TryParse(colon[0], out var h) && int.TryParse(colon[1], out var m) && h >= 0 && m is >= 0 and < 60) return (h * 60 + m, null);
        if (decimal.TryParse(t.Replace(',', '.'), System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var hours)
            && hours <= 100 && hours * 60 == decimal.Round(hours * 60))
            return ((int)(hours * 60), null);
        return (null, $"'{text}' is not a number of hours (such as 7.5 or 7:30, in whole minutes).");
    }
}
