using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Storage;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.Resources;

namespace PsaBridge.Psa.Scheduling;

/// <summary>Hours per weekday; a day left out is not worked.</summary>
public sealed record WorkWeek(decimal Monday = 0m, decimal Tuesday = 0m, decimal Wednesday = 0m, decimal Thursday = 0m, decimal Friday = 0m,
    decimal Saturday = 0m, decimal Sunday = 0m)
{
    public static WorkWeek From(IReadOnlyList<decimal> bySundayFirst) =>
        new(bySundayFirst[1], bySundayFirst[2], bySundayFirst[3], bySundayFirst[4], bySundayFirst[5], bySundayFirst[6], bySundayFirst[0]);

    public IEnumerable<(string Field, decimal Hours)> Days() =>
        [("monday", Monday), ("tuesday", Tuesday), ("wednesday", Wednesday), ("thursday", Thursday), ("friday", Friday), ("saturday", Saturday), ("sunday", Sunday)];
}

public sealed record DayOffInput(DateOnly? Date, string? Description = null);

public sealed record CalendarDay(DateOnly Date, decimal Hours, bool IsDayOff, string? Description);

/// <summary>A resource's calendar: its week (its own or the default), its days off, and its days and capacity in a window.</summary>
public sealed record CalendarView(Guid ResourceId, bool IsDefault, WorkWeek Week, DateOnly From, DateOnly To, decimal Capacity, IReadOnlyList<CalendarDay> Days,
    IReadOnlyList<DayOff> DaysOff);

/// <summary>Resources' work hours and days off: the calendar capacity is counted from.</summary>
public sealed class CalendarService(PsaDb db, CalendarStore calendars, TimeProvider clock)
{
    public const int DefaultWeeks = 4;

    public async Task<CalendarView> GetAsync(Guid resourceId, DateOnly? from = null, DateOnly? to = null, CancellationToken ct = default)
    {
        var start = from ?? Periods.StartOf(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), PeriodLength.Week);
        var end = to ?? start.AddDays(7 * DefaultWeeks - 1);
        var rules = new Rules();
        if (end < start) rules.Add("to", $"To {end:yyyy-MM-dd} is before from {start:yyyy-MM-dd}.");
        else if (end.DayNumber - start.DayNumber > Periods.MaxDays) rules.Add("to", $"The window is longer than {Periods.MaxDays} days.");
        rules.ThrowIfAny();
        await RequireResourceAsync(resourceId, ct);
        var calendar = await calendars.ForAsync(resourceId, start, end, ct);
        var isDefault = !await db.Set<WorkHours>().AnyAsync(w => w.ResourceId == resourceId, ct);
        var daysOff = await db.Set<DayOff>().AsNoTracking().Where(d => d.ResourceId == resourceId).OrderBy(d => d.Date).ToListAsync(ct);
        var descriptions = daysOff.ToDictionary(d => d.Date, d => d.Description);
        var days = WorkCalendar.Days(start, end).Select(d => new CalendarDay(d, calendar.HoursOn(d), calendar.IsDayOff(d), descriptions.GetValueOrDefault(d))).ToList();
        return new CalendarView(resourceId, isDefault, WorkWeek.From(calendar.Week), start, end, calendar.Capacity(start, end), days, daysOff);
    }

    /// <summary>Gives the resource its own work hours (0 to 24 a day).</summary>
    public async Task<CalendarView> SetWorkHoursAsync(Guid resourceId, WorkWeek week, CancellationToken ct = default)
    {
        var rules = new Rules();
        foreach (var (field, hours) in week.Days()) rules.Range(field, hours, 0m, WorkCalendar.MaxHoursPerDay);
        rules.ThrowIfAny();
        await RequireResourceAsync(resourceId, ct);
        var row = await db.Set<WorkHours>().SingleOrDefaultAsync(w => w.ResourceId == resourceId, ct);
        if (row is null) db.Add(row = new WorkHours { ResourceId = resourceId });
        (row.Monday, row.Tuesday, row.Wednesday, row.Thursday, row.Friday, row.Saturday, row.Sunday) =
            (week.Monday, week.Tuesday, week.Wednesday, week.Thursday, week.Friday, week.Saturday, week.Sunday);
        await db.SaveChangesAsync(ct);
        return await GetAsync(resourceId, ct: ct);
    }

    public async Task<CalendarView> AddDayOffAsync(Guid resourceId, DayOffInput input, CancellationToken ct = default)
    {
        var rules = new Rules().RequiredValue("date", input.Date).Text("description", input.Description, DayOff.DescriptionLength, required: false);
        await RequireResourceAsync(resourceId, ct);
        if (input.Date is { } date && await db.Set<DayOff>().AnyAsync(d => d.ResourceId == resourceId && d.Date == date, ct))
            rules.Add("date", $"{date:yyyy-MM-dd} is a day off already.");
        rules.ThrowIfAny();
        db.Add(new DayOff { Id = Ids.New(), ResourceId = resourceId, Date = input.Date!.Value, Description = InputRules.Clean(input.Description) });
        await db.SaveChangesAsync(ct);
        var week = Periods.StartOf(input.Date!.Value, PeriodLength.Week);
        return await GetAsync(resourceId, week, week.AddDays(6), ct);
    }

    public async Task RemoveDayOffAsync(Guid resourceId, DateOnly date, CancellationToken ct = default)
    {
        var day = await db.Set<DayOff>().SingleOrDefaultAsync(d => d.ResourceId == resourceId && d.Date == date, ct)
                  ?? throw new NotFoundException("Day off", $"{date:yyyy-MM-dd}");
        db.Remove(day);
        await db.SaveChangesAsync(ct);
    }

    private async Task RequireResourceAsync(Guid resourceId, CancellationToken ct)
    {
        if (!await db.Set<BookableResource>().AnyAsync(r => r.Id == resourceId, ct)) throw new NotFoundException("Resource", resourceId.ToString());
    }
}
