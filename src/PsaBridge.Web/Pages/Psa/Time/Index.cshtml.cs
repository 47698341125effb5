using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.Time;
using PsaBridge.Web.Pages.Shared;

namespace PsaBridge.Web.Pages.Psa.Time;

/// <summary>One row of the grid as the form posts it: what was worked on, and seven days of hours as typed.</summary>
public sealed class TimeRowForm
{
    public Guid? ProjectId { get; set; }
    public Guid? TaskId { get; set; }
    public Guid? RoleId { get; set; }
    public TimeEntryType Type { get; set; } = TimeEntryType.Work;
    public List<string?> Hours { get; set; } = [.. new string?[7]];
}

/// <summary>
/// A resource's week of time: the weekly grid (rows of project, task, role and type; Monday to Sunday; totals both ways),
/// saved as drafts, copied from last week, submitted together; the week's entries with their statuses, and recall.
/// </summary>
[Authorize(Policy = Policies.EnterTime)]
public sealed partial class IndexModel(TimeSheetService sheets, TimeEntryService entries, Choices choices, WorkScope scope, TimeProvider clock) : AppPage
{
    [FromQuery(Name = "resource")] public Guid? ResourceId { get; set; }
    [FromQuery(Name = "week")] public DateOnly? Week { get; set; }
    [BindProperty] public List<TimeRowForm> Rows { get; set; } = [];

    public TimeSheet? Sheet { get; private set; }
    public DateOnly Monday => TimeSheets.MondayOf(Week ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
    public List<Choice> Resources { get; private set; } = [];
    public List<Choice> Projects { get; private set; } = [];
    public List<Choice> Roles { get; private set; } = [];
    public List<(Guid ProjectId, Choice Task)> Tasks { get; private set; } = [];

    public string WeekLink(DateOnly monday) => $"/psa/time?resource={ResourceId}&week={monday:yyyy-MM-dd}";
    public string ProjectName(Guid id) => Projects.FirstOrDefault(p => p.Id == id)?.Name ?? id.ToString();
    public string RoleName(Guid id) => Roles.FirstOrDefault(r => r.Id == id)?.Name ?? id.ToString();
    public string? TaskName(Guid? id) => id is null ? null : Tasks.Select(t => t.Task).FirstOrDefault(t => t.Id == id)?.Name;

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Rows = FormOf(Sheet);
    }

    public Task<IActionResult> OnPostSaveAsync(CancellationToken ct) => SaveThenAsync(_ => Task.FromResult($"The week of {Monday:d MMMM yyyy} is saved."), ct);

    /// <summary>Saves the grid as it is on screen, then submits the week's drafts.</summary>
    public Task<IActionResult> OnPostSubmitAsync(CancellationToken ct) => SaveThenAsync(async resource =>
    {
        var result = await sheets.SubmitWeekAsync(resource, Monday, ct);
        var submitted = $"{result.Submitted} entr{(result.Submitted == 1 ? "y" : "ies")} submitted for approval.";
        return result.Failures.Count == 0 ? submitted : submitted + " Not submitted: " + string.Join(" ", result.Failures.Select(f => $"{f.Date:dddd}: {f.Error}"));
    }, ct);

    private async Task<IActionResult> SaveThenAsync(Func<Guid, Task<string>> then, CancellationToken ct)
    {
        var resource = RequiredResource();
        await scope.EnsureMayEnterForAsync(resource, ct);
        try
        {
            var input = new TimeSheetInput(Rows.Select(r => new TimeSheetRowInput(r.ProjectId, r.RoleId, r.TaskId, r.Type, r.Hours)).ToList());
            await sheets.SaveAsync(resource, Monday, input, ct);
        }
        catch (ValidationFailedException e)
        {
            foreach (var error in e.Errors) ModelState.AddModelError(KeyOf(error.Field), InWords(error));
            await LoadAsync(ct);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        return await ActAsync(then);
    }

    public Task<IActionResult> OnPostCopyAsync(CancellationToken ct) => ActAsync(async resource =>
    {
        await sheets.CopyLastWeekAsync(resource, Monday, ct);
        return $"Last week's time is copied into the week of {Monday:d MMMM yyyy} as drafts.";
    });

    public Task<IActionResult> OnPostRecallAsync(Guid entry, CancellationToken ct) => ActAsync(async _ =>
    {
        await scope.EnsureMayEnterTimeEntryAsync(entry, ct);
        var recalled = await entries.RecallAsync(entry, ct);
        return recalled.EntryStatus == TimeEntryStatus.Draft
            ? $"The entry of {recalled.Date:dddd d MMMM} is a draft again."
            : $"The recall of the entry of {recalled.Date:dddd d MMMM} waits for its approver.";
    });

    /// <summary>Runs an action of the week and comes back to it, saying what it did or why it could not.</summary>
    private async Task<IActionResult> ActAsync(Func<Guid, Task<string>> act)
    {
        var resource = RequiredResource();
        await scope.EnsureMayEnterForAsync(resource);
        try
        {
            Notify(await act(resource));
        }
        catch (ConflictException e)
        {
            Notify(e.Message);
        }
        return Redirect(WeekLink(Monday));
    }

    private Guid RequiredResource() => ResourceId ?? throw new NotFoundException("Resource", "(none chosen)");

    /// <summary>Why the person sees no week to enter, when their user is linked to no resource.</summary>
    public string? Refusal { get; private set; }

    private async Task LoadAsync(CancellationToken ct)
    {
        Resources = await choices.ResourcesAsync(ct);
        // Anyone but an Administrator sees and enters only their own resource's week.
        if (await scope.PersonAsync(ct) is { Administrator: false } person)
        {
            ResourceId = person.ResourceId;
            Resources = [.. Resources.Where(r => r.Id == person.ResourceId)];
            Refusal = person.ResourceId is null ? OwnWorkRules.NoResource : null;
        }
        Projects = await choices.ProjectsAsync(ct);
        Roles = await choices.RolesAsync(ct);
        Tasks = await choices.TasksAsync(ct);
        if (ResourceId is { } resource) Sheet = await sheets.GetAsync(resource, Monday, ct);
    }

    /// <summary>The grid's rows as the form shows them: the saved rows, then one blank row for new work.</summary>
    private static List<TimeRowForm> FormOf(TimeSheet? sheet) =>
        (sheet?.Rows ?? []).Select(r => new TimeRowForm
        {
            ProjectId = r.Key.ProjectId, TaskId = r.Key.TaskId, RoleId = r.Key.RoleId, Type = r.Key.Type,
            Hours = r.Days.Select(d => d.Minutes == 0 ? null : TimeSheets.Hours(d.Minutes)).ToList(),
        }).Append(new TimeRowForm()).ToList();

    /// <summary>"rows[2].hours[0]" as the form's "Rows[2].Hours[0]".</summary>
    private static string KeyOf(string field) => Segment().Replace(field, m => m.Value.ToUpperInvariant());

    /// <summary>The service's message in the grid's words: the day and row, or the row and column, it is about.</summary>
    private string InWords(FieldError error)
    {
        var cell = Cell().Match(error.Field);
        if (!cell.Success) return error.Message;
        var row = int.Parse(cell.Groups["row"].Value, CultureInfo.InvariantCulture) + 1;
        var where = cell.Groups["day"].Success
            ? $"{Monday.AddDays(int.Parse(cell.Groups["day"].Value, CultureInfo.InvariantCulture)):dddd}, row {row}"
            : $"Row {row}";
        var label = cell.Groups["field"].Value switch { "projectId" => "Project", "roleId" => "Role", "taskId" => "Task", "type" => "Type", _ => null };
        return $"{where}: {(label is null ? error.Message : error.Message.Replace($"'{error.Field}'", label))}";
    }

    [GeneratedRegex(@"(?<=^|\.)[a-z]")]
    private static partial Regex Segment();

    [GeneratedRegex(@"^rows\[(?<row>\d+)\](\.hours\[(?<day>\d+)\]|\.(?<field>\w+))?")]
    private static partial Regex Cell();
}
