using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Storage;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.Actuals;
using PsaBridge.Psa.Expenses;
using PsaBridge.Psa.Time;

namespace PsaBridge.Psa.Projects;

/// <summary>A new task: under <see cref="ParentTaskId"/> (top level when empty) at <see cref="Position"/> among its siblings (last when empty).</summary>
public sealed record TaskInput(
    string? Name,
    Guid? ParentTaskId = null,
    int? Position = null,
    DateOnly? ScheduledStart = null,
    DateOnly? ScheduledEnd = null,
    decimal? Effort = null,
    decimal? Progress = null);

/// <summary>A change to a task; what is left out stays as it is.</summary>
public sealed record TaskChange(string? Name = null, DateOnly? ScheduledStart = null, DateOnly? ScheduledEnd = null, decimal? Effort = null, decimal? Progress = null);

/// <summary>Where a task goes: under <see cref="ParentTaskId"/> (top level when empty) at <see cref="Position"/> (last when empty).</summary>
public sealed record TaskMove(Guid? ParentTaskId = null, int? Position = null);

/// <summary>The one-step moves of the plan page.</summary>
public enum TaskStep { Indent, Outdent, Up, Down }

/// <summary>
/// The work breakdown of a project: adding, changing, moving and deleting tasks. Every change renumbers the outline and
/// rolls the summary tasks up (<see cref="WorkBreakdown"/>); a change of a task's effort or dates lays its assignments out
/// again (<see cref="AssignmentPlanner"/>). A task with actuals, time or expenses cannot be deleted.
/// </summary>
public sealed class WorkBreakdownService(PsaDb db, PlanStore store, AssignmentPlanner planner)
{
    public const decimal MaxEffort = 1_000_000m;

    public async Task<ProjectTask> AddTaskAsync(Guid projectId, TaskInput input, CancellationToken ct = default)
    {
        var rules = Check(new Rules().Text("name", input.Name, ProjectTask.NameLength), input.ScheduledStart, input.ScheduledEnd, input.Effort, input.Progress);
        if (input.Position is < 1) rules.Add("position", $"'position' is {input.Position}; it counts from 1.");
        rules.ThrowIfAny();
        var plan = await store.LoadAsync(projectId, ct);
        var task = new ProjectTask
        {
            Id = Ids.New(), ProjectId = projectId, Name = input.Name!.Trim(), ScheduledStart = input.ScheduledStart, ScheduledEnd = input.ScheduledEnd,
            Effort = input.Effort, Progress = input.Progress ?? 0m,
        };
        plan.Breakdown.Add(task, input.ParentTaskId, input.Position);
        RefuseAssignedParent(plan, task.ParentTaskId);
        db.Add(task);
        return await SaveAsync(plan, task, ct);
    }

    public async Task<ProjectTask> ChangeTaskAsync(Guid taskId, TaskChange change, CancellationToken ct = default)
    {
        var plan = await store.LoadForTaskAsync(taskId, ct);
        var task = plan.Breakdown.Get(taskId);
        var rules = Check(new Rules().Text("name", change.Name, ProjectTask.NameLength, required: false), change.ScheduledStart ?? task.ScheduledStart,
            change.ScheduledEnd ?? task.ScheduledEnd, change.Effort, change.Progress);
        if (plan.Breakdown.IsSummary(taskId) && (change.ScheduledStart ?? change.ScheduledEnd) is not null)
            rules.Add("scheduledStart", $"Task '{task.Name}' is a summary task: its dates are those of its subtasks.");
        if (plan.Breakdown.IsSummary(taskId) && change.Effort is not null)
            rules.Add("effort", $"Task '{task.Name}' is a summary task: its effort is the sum of its subtasks'.");
        rules.ThrowIfAny();
        if (InputRules.Clean(change.Name) is { } name) task.Name = name;
        var replan = (change.ScheduledStart is { } s && s != task.ScheduledStart) || (change.ScheduledEnd is { } e && e != task.ScheduledEnd)
                     || (change.Effort is { } f && f != task.Effort);
        task.ScheduledStart = change.ScheduledStart ?? task.ScheduledStart;
        task.ScheduledEnd = change.ScheduledEnd ?? task.ScheduledEnd;
        task.Effort = change.Effort ?? task.Effort;
        task.Progress = change.Progress ?? task.Progress;
        if (replan) await planner.ReplanAsync(plan.Project, [task], plan.Assignments.Where(a => a.TaskId == taskId).ToList(), ct);
        return await SaveAsync(plan, task, ct);
    }

    public async Task<ProjectTask> MoveTaskAsync(Guid taskId, TaskMove move, CancellationToken ct = default)
    {
        if (move.Position is < 1) throw new ValidationFailedException("position", $"'position' is {move.Position}; it counts from 1.");
        var plan = await store.LoadForTaskAsync(taskId, ct);
        var task = plan.Breakdown.Get(taskId);
        plan.Breakdown.Move(task, move.ParentTaskId, move.Position);
        RefuseAssignedParent(plan, task.ParentTaskId);
        return await SaveAsync(plan, task, ct);
    }

    public async Task<ProjectTask> StepTaskAsync(Guid taskId, TaskStep step, CancellationToken ct = default)
    {
        var plan = await store.LoadForTaskAsync(taskId, ct);
        var task = plan.Breakdown.Get(taskId);
        switch (step)
        {
            case TaskStep.Indent: plan.Breakdown.Indent(task); break;
            case TaskStep.Outdent: plan.Breakdown.Outdent(task); break;
            case TaskStep.Up: plan.Breakdown.Shift(task, -1); break;
            case TaskStep.Down: plan.Breakdown.Shift(task, +1); break;
            default: throw new ValidationFailedException("step", $"'{step}' is not Indent, Outdent, Up or Down.");
        }
        RefuseAssignedParent(plan, task.ParentTaskId);
        return await SaveAsync(plan, task, ct);
    }

    /// <summary>Deletes the task with its subtasks and their assignments; refused while any of them has actuals, time or expenses.</summary>
    public async Task DeleteTaskAsync(Guid taskId, CancellationToken ct = default)
    {
        var plan = await store.LoadForTaskAsync(taskId, ct);
        var task = plan.Breakdown.Get(taskId);
        var ids = plan.Breakdown.Subtree(task).Select(t => t.Id).ToList();
        var below = ids.Count > 1 ? " or its subtasks" : "";
        if (await db.Set<Actual>().AnyAsync(a => a.TaskId != null && ids.Contains(a.TaskId.Value), ct))
            throw new ConflictException($"Task '{task.Name}' ({task.WbsId}) cannot be deleted: it{below} has actuals. Work that is posted stays on its task.");
        if (await db.Set<TimeEntry>().AnyAsync(e => e.TaskId != null && ids.Contains(e.TaskId.Value), ct)
            || await db.Set<ExpenseEntry>().AnyAsync(e => e.TaskId != null && ids.Contains(e.TaskId.Value), ct))
            throw new ConflictException($"Task '{task.Name}' ({task.WbsId}) cannot be deleted: time entries or expenses name it{below}.");
        db.RemoveRange(plan.Assignments.Where(a => ids.Contains(a.TaskId)));
        db.RemoveRange(plan.Breakdown.Remove(task));
        plan.Breakdown.Rollup();
        await db.SaveChangesAsync(ct);
    }

    private async Task<ProjectTask> SaveAsync(PlanState plan, ProjectTask task, CancellationToken ct)
    {
        plan.Breakdown.Rollup();
        await db.SaveChangesAsync(ct);
        return task;
    }

    /// <summary>A summary task has no work of its own: a task with assignments cannot take subtasks.</summary>
    private static void RefuseAssignedParent(PlanState plan, Guid? parentId)
    {
        if (parentId is { } id && plan.Assignments.Any(a => a.TaskId == id))
            throw new ValidationFailedException("parentTaskId",
                $"Task '{plan.Breakdown.Get(id).Name}' has assignments, and a summary task has no work of its own: remove its assignments first.");
    }

    private static Rules Check(Rules rules, DateOnly? start, DateOnly? end, decimal? effort, decimal? progress)
    {
        if (start is { } s && end is { } e && e < s) rules.Add("scheduledEnd", $"Scheduled end {e:yyyy-MM-dd} is before scheduled start {s:yyyy-MM-dd}.");
        return rules.Range("effort", effort, 0m, MaxEffort).Range("progress", progress, 0m, 100m);
    }
}
