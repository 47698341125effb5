using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.Projects;
using PsaBridge.Web.Pages.Shared;

namespace PsaBridge.Web.Pages.Planning;

/// <summary>The task page's form; the labels are the words its field errors use.</summary>
public sealed class TaskEditForm
{
    [Display(Name = "Task name")] public string? Name { get; set; }
    [Display(Name = "Start")] public DateOnly? ScheduledStart { get; set; }
    [Display(Name = "End")] public DateOnly? ScheduledEnd { get; set; }
    [Display(Name = "Effort (hours)")] public decimal? Effort { get; set; }
    [Display(Name = "Progress (%)")] public decimal? Progress { get; set; }

    /// <summary>A summary task's dates and effort are its subtasks': only its name and progress change here.</summary>
    public TaskChange ToChange(bool summary) => summary
        ? new TaskChange(Name, Progress: Progress)
        : new TaskChange(Name, ScheduledStart, ScheduledEnd, Effort, Progress);

    public static TaskEditForm Of(PlanTaskView t) => new()
    {
        Name = t.Name, ScheduledStart = t.ScheduledStart, ScheduledEnd = t.ScheduledEnd, Effort = t.Effort, Progress = t.Progress,
    };
}

/// <summary>
/// One task of a project's plan: change its name, dates, effort and progress, and choose who is assigned to it from the
/// team (its effort is then spread over the assignees' working days). The rules are the work breakdown's and the assignments'.
/// </summary>
[Authorize(Policy = Policies.Read)]
public sealed class TaskModel(PlanQueries plans, WorkBreakdownService tasks, TeamService team, AssignmentService assignments) : AppPage
{
    [FromRoute] public Guid Id { get; set; }
    [FromRoute] public Guid TaskId { get; set; }

    [BindProperty] public TaskEditForm Edit { get; set; } = new();
    [BindProperty] public List<Guid> Members { get; set; } = [];

    public ProjectPlan Plan { get; private set; } = null!;
    public PlanTaskView Task { get; private set; } = null!;
    public IReadOnlyList<TeamMemberView> Team { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Edit = TaskEditForm.Of(Task);
    }

    [HandlerPolicy(Policies.ManageProjects)]
    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!ModelState.IsValid) return Refused();
        try
        {
            var changed = await tasks.ChangeTaskAsync(TaskId, Edit.ToChange(Task.IsSummary), ct);
            Notify($"Task {changed.WbsId} '{changed.Name}' saved.");
            return Redirect($"/planning/projects/{Id}");
        }
        catch (ValidationFailedException e)
        {
            ModelState.AddFieldErrors(e.Errors, nameof(Edit), typeof(TaskEditForm));
            return Refused();
        }
    }

    [HandlerPolicy(Policies.ManageProjects)]
    public async Task<IActionResult> OnPostAssignAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Edit = TaskEditForm.Of(Task);
        try
        {
            var assigned = await assignments.SetAsync(TaskId, new AssignmentInput(TeamMemberIds: Members), ct);
            Notify(assigned.Count == 0 ? $"Task '{Task.Name}' has no assignees now." : $"Task '{Task.Name}' is assigned to {string.Join(", ", assigned.Select(a => a.Name))}.");
            return Redirect($"/planning/projects/{Id}/tasks/{TaskId}");
        }
        catch (Exception e) when (e is ValidationFailedException or ConflictException)
        {
            foreach (var message in e is ValidationFailedException v ? v.Errors.Select(f => f.Message) : [e.Message]) ModelState.AddModelError("", message);
            return Refused();
        }
    }

    public bool IsAssigned(Guid memberId) => Task.Assignees.Any(a => a.TeamMemberId == memberId);

    private async Task LoadAsync(CancellationToken ct)
    {
        Plan = await plans.GetAsync(Id, ct);
        Task = Plan.Tasks.FirstOrDefault(t => t.Id == TaskId) ?? throw new NotFoundException("Task", TaskId.ToString());
        Team = await team.ListAsync(Id, ct);
    }

    private IActionResult Refused()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
