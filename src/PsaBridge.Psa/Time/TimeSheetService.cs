using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.Resources;

namespace PsaBridge.Psa.Time;

/// <summary>A row of the weekly grid as entered: what was worked on, and the hours of Monday to Sunday ("7.5", "7:30" or empty).</summary>
public sealed record TimeSheetRowInput(Guid? ProjectId, Guid? RoleId, Guid? TaskId = null, TimeEntryType? Type = null, IReadOnlyList<string?>? Hours = null);

public sealed record TimeSheetInput(IReadOnlyList<TimeSheetRowInput>? Rows);

/// <summary>What submitting a week did: the entries submitted, and each one that could not be with the reason (a missing price, say).</summary>
public sealed record TimeSheetSubmission(int Submitted, IReadOnlyList<TimeSheetFailure> Failures);

public sealed record TimeSheetFailure(Guid EntryId, DateOnly Date, string Error);

/// <summary>The weekly grid of a resource (<see cref="TimeSheets"/>): read, saved as draft entries, copied from last week, submitted.</summary>
public sealed class TimeSheetService(PsaDb db, TimeEntryService entries, TimeProvider clock)
{
    public const int MaxRows = 50;

    public async Task<TimeSheet> GetAsync(Guid resourceId, DateOnly day, CancellationToken ct = default)
    {
        if (!await db.Set<BookableResource>().AnyAsync(r => r.Id == resourceId, ct)) throw new NotFoundException("Resource", resourceId.ToString());
        var monday = TimeSheets.MondayOf(day);
        return TimeSheets.Build(resourceId, monday, await WeekAsync(resourceId, monday, tracked: false, ct));
    }

    /// <summary>Saves the grid: new drafts for new hours, changed drafts, emptied drafts removed; all or nothing.</summary>
    public async Task<TimeSheet> SaveAsync(Guid resourceId, DateOnly day, TimeSheetInput input, CancellationToken ct = default)
    {
        var monday = TimeSheets.MondayOf(day);
        var (cells, rowOf) = Cells(monday, input);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var sheet = TimeSheets.Build(resourceId, monday, await WeekAsync(resourceId, monday, tracked: true, ct));
        var plan = TimeSheets.Plan(sheet, cells, c => $"rows[{rowOf[c.Row]}].hours[{c.Date.DayNumber - monday.DayNumber}]");
        await CreateAsync(resourceId, plan.Create, c => $"rows[{rowOf[c.Row]}]", ct);
        foreach (var (entry, minutes) in plan.Update)
        {
            entry.Duration = minutes;
            entry.ModifiedOn = clock.GetUtcNow().UtcDateTime;
        }
        db.RemoveRange(plan.Delete);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return await GetAsync(resourceId, monday, ct);
    }

    /// <summary>Enters last week's rows and hours as drafts of this week, where this week has nothing on that row and day.</summary>
    public async Task<TimeSheet> CopyLastWeekAsync(Guid resourceId, DateOnly day, CancellationToken ct = default)
    {
        var monday = TimeSheets.MondayOf(day);
        var lastWeek = await GetAsync(resourceId, monday.AddDays(-7), ct);
        var cells = TimeSheets.CopyOfLastWeek(lastWeek, await GetAsync(resourceId, monday, ct));
        if (cells.Count == 0) throw new ConflictException($"The week of {monday.AddDays(-7):d MMMM yyyy} has no time to copy, or this week already holds it.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await CreateAsync(resourceId, cells, _ => "copy", ct);
        await tx.CommitAsync(ct);
        return await GetAsync(resourceId, monday, ct);
    }

    /// <summary>Submits every draft and returned entry of the week; one that cannot be priced fails alone, with the reason.</summary>
    public async Task<TimeSheetSubmission> SubmitWeekAsync(Guid resourceId, DateOnly day, CancellationToken ct = default)
    {
        var sheet = await GetAsync(resourceId, day, ct);
        var drafts = sheet.Rows.SelectMany(r => r.Days).SelectMany(d => d.Entries)
            .Where(e => e.EntryStatus is TimeEntryStatus.Draft or TimeEntryStatus.Returned).OrderBy(e => e.Date).ToList();
        if (drafts.Count == 0) throw new ConflictException($"The week of {sheet.Monday:d MMMM yyyy} has no draft or returned time to submit.");
        var failures = new List<TimeSheetFailure>();
        foreach (var entry in drafts)
        {
            try
            {
                await entries.SubmitAsync(entry.Id, ct);
            }
            catch (Exception e) when (e is ValidationFailedException or ConflictException)
            {
                db.ChangeTracker.Clear();
                failures.Add(new TimeSheetFailure(entry.Id, entry.Date, e is ValidationFailedException v ? string.Join(" ", v.Errors.Select(x => x.Message)) : e.Message));
            }
        }
        return new TimeSheetSubmission(drafts.Count - failures.Count, failures);
    }

    private async Task CreateAsync(Guid resourceId, IReadOnlyList<TimeSheetCell> cells, Func<TimeSheetCell, string> prefix, CancellationToken ct)
    {
        foreach (var cell in cells)
        {
            try
            {
                await entries.CreateAsync(new TimeEntryInput(cell.Date, cell.Minutes, resourceId, cell.Row.ProjectId, cell.Row.TaskId, cell.Row.RoleId, cell.Row.Type), ct);
            }
            catch (ValidationFailedException e)
            {
                throw new ValidationFailedException(e.Errors.Select(x => x with { Field = $"{prefix(cell)}.{x.Field}" }).ToList());
            }
        }
    }

    private Task<List<TimeEntry>> WeekAsync(Guid resourceId, DateOnly monday, bool tracked, CancellationToken ct)
    {
        var sunday = monday.AddDays(6);
        var query = db.Set<TimeEntry>().Where(e => e.ResourceId == resourceId && e.Date >= monday && e.Date <= sunday);
        return (tracked ? query : query.AsNoTracking()).ToListAsync(ct);
    }

    /// <summary>The grid's cells, checked: each row names a project and a role, at most once, with seven days of hours.</summary>
    private static (List<TimeSheetCell> Cells, Dictionary<TimeSheetRowKey, int> RowOf) Cells(DateOnly monday, TimeSheetInput input)
    {
        var rules = new Rules();
        var rows = input.Rows ?? [];
        if (rows.Count > MaxRows) rules.Add("rows", $"'rows' has {rows.Count} rows; a week holds at most {MaxRows}.");
        var cells = new List<TimeSheetCell>();
        var rowOf = new Dictionary<TimeSheetRowKey, int>();
        for (var i = 0; i < Math.Min(rows.Count, MaxRows); i++)
        {
            var row = rows[i];
            if (row.Hours is { Count: > 7 }) rules.Add($"rows[{i}].hours", $"'rows[{i}].hours' has {row.Hours.Count} days; a week has 7.");
            var hours = row.Hours ?? [];
            if (row.ProjectId is null && hours.All(string.IsNullOrWhiteSpace)) continue; // the grid's blank row for new work
            if (row.ProjectId is null || row.ProjectId == Guid.Empty) rules.Add($"rows[{i}].projectId", $"'rows[{i}].projectId' is required: choose a project.");
            if (row.RoleId is null || row.RoleId == Guid.Empty) rules.Add($"rows[{i}].roleId", $"'rows[{i}].roleId' is required: choose a role.");
            if (row.Type is { } type && !Enum.IsDefined(type)) rules.Add($"rows[{i}].type", $"'rows[{i}].type' is '{type}', which is not a time entry type.");
            if (row.ProjectId is not { } project || row.RoleId is not { } role) continue;
            var key = new TimeSheetRowKey(project, row.TaskId, role, row.Type ?? TimeEntryType.Work);
            if (!rowOf.TryAdd(key, i))
            {
                rules.Add($"rows[{i}]", $"Row {i + 1} repeats row {rowOf[key] + 1} (the same project, task, role and type); put its hours there.");
                continue;
            }
            for (var d = 0; d < 7; d++)
            {
                var (minutes, error) = TimeSheets.ParseHours(d < hours.Count ? hours[d] : null);
                if (error is not null) rules.Add($"rows[{i}].hours[{d}]", error);
                else cells.Add(new TimeSheetCell(key, monday.AddDays(d), minutes ?? 0));
            }
        }
        rules.ThrowIfAny();
        return (cells, rowOf);
    }
}
