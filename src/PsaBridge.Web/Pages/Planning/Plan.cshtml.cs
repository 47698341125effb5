using Microsoft.AspNetCore.Mvc;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.Projects;
using PsaBridge.Web.Pages.Shared;
using PsaBridge.Web.Pages.Shared.Grid;

namespace PsaBridge.Web.Pages.Planning;

/// <summary>
/// A project's plan: the task tree with dates, effort, assignees and rollups; tasks are added, indented, outdented, moved
/// up and down and deleted (after a confirmation) here. The rules are the work breakdown's; a refusal is shown on the page.
/// </summary>
[Authorize(Policy = Policies.Read)]
public sealed class PlanModel(PlanQueries plans, WorkBreakdownService tasks) : AppPage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    [BindProperty] public TaskForm Task { get; set; } = new();

    public ProjectPlan Plan { get; private set; } = null!;
    public ConfirmView? Confirm { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Plan = await plans.GetAsync(Id, ct);

    [HandlerPolicy(Policies.ManageProjects)]
    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        await OnGetAsync(ct);
        if (Task.ParentTaskId is { } parent && Plan.Tasks.All(t => t.Id != parent)) ModelState.AddModelError("Task.ParentTaskId", "Under: choose a task of this plan.");
        if (!ModelState.IsValid) return Refused();
        try
        {
            var task = await tasks.AddTaskAsync(Id, Task.ToInput(), ct);
            Notify($"Task {task.WbsId} '{task.Name}' added.");
            return RedirectToPage(new { Id });
        }
        catch (ValidationFailedException e)
        {
            ModelState.AddFieldErrors(e.Errors, nameof(Task), typeof(TaskForm));
            return Refused();
        }
    }

    [HandlerPolicy(Policies.ManageProjects)]
    public Task<IActionResult> OnPostStepAsync(Guid taskId, TaskStep step, CancellationToken ct) =>
        OnTaskAsync(taskId, ct, async task =>
        {
            var moved = await tasks.StepTaskAsync(taskId, step, ct);
            Notify($"Task '{moved.Name}' is now {moved.WbsId}.");
            return RedirectToPage(new { Id });
        });

    [HandlerPolicy(Policies.ManageProjects)]
    public Task<IActionResult> OnPostDeleteAsync(Guid taskId, bool confirmed, CancellationToken ct) =>
        OnTaskAsync(taskId, ct, async task =>
        {
            if (!confirmed)
            {
                Confirm = new ConfirmView($"Delete task {task.WbsId} '{task.Name}'?",
                    task.IsSummary ? "Its subtasks and all their assignments go with it." : "Its assignments go with it.", "Delete", "Delete task", [],
                    new Dictionary<string, string> { ["taskId"] = task.Id.ToString() });
                return Page();
            }
            await tasks.DeleteTaskAsync(taskId, ct);
            Notify($"Task '{task.Name}' deleted.");
            return RedirectToPage(new { Id });
        });

    /// <summary>Runs an action on a task of this plan; a task of another plan is not found, a refusal is shown above the plan.</summary>
    private async Task<IActionResult> OnTaskAsync(Guid taskId, CancellationToken ct, Func<PlanTaskView, Task<IActionResult>> action)
    {
        await OnGetAsync(ct);
        var task = Plan.Tasks.FirstOrDefault(t => t.Id == taskId) ?? throw new NotFoundException("Task", taskId.ToString());
        try
        {
            return await action(task);
        }
        catch (Exception e) when (e is ValidationFailedException or ConflictException)
        {
            foreach (var message in e is ValidationFailedException v ? v.Errors.Select(f => f.Message) : [e.Message]) ModelState.AddModelError("", message);
            await OnGetAsync(ct);
            Response.StatusCode = e is ConflictException ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
            return Page();
        }
    }

    private IActionResult Refused()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
