using System.Globalization;
using PsaBridge.Infrastructure.Validation;

namespace PsaBridge.Psa.Projects;

/// <summary>
/// A project's work breakdown as plain objects: the task tree, its outline numbers (reference B5: 1, 2 under the
/// root, then 1.1, 1.2 ..., recalculated on add, indent, outdent, move and remove; moves change no effort or date)
/// and the rollups of summary tasks (effort, cost and sales are the children's sums, start the earliest child start,
/// end the latest child end; progress is the children's, weighted by effort). A task keeps its own dates, effort and
/// progress while it is a summary task and gets them back when its last subtask is outdented, moved or removed.
/// </summary>
public sealed class WorkBreakdown
{
    private static readonly Guid Root = Guid.Empty;
    private readonly Dictionary<Guid, ProjectTask> _tasks;
    private readonly Dictionary<Guid, List<ProjectTask>> _children = [];

    /// <summary>Reads the tree from the tasks' parents, siblings in the order of their outline numbers.</summary>
    public WorkBreakdown(IEnumerable<ProjectTask> tasks)
    {
        var list = tasks.ToList();
        _tasks = list.ToDictionary(t => t.Id);
        var order = list.Select((t, i) => (t.Id, i)).ToDictionary(p => p.Id, p => p.i);
        foreach (var siblings in list.GroupBy(t => t.ParentTaskId is { } p && _tasks.ContainsKey(p) ? p : Root))
            _children[siblings.Key] = [.. siblings.OrderBy(t => SiblingNumber(t.WbsId)).ThenBy(t => order[t.Id])];
    }

    public IReadOnlyCollection<ProjectTask> Tasks => _tasks.Values;

    public ProjectTask Get(Guid id) => _tasks.TryGetValue(id, out var task) ? task : throw new NotFoundException("Task", id.ToString());

    public IReadOnlyList<ProjectTask> Children(Guid? parentId) => _children.GetValueOrDefault(parentId ?? Root) ?? [];

    public bool IsSummary(Guid id) => Children(id).Count > 0;

    /// <summary>Every task, depth first in outline order, with its depth (0 for a top-level task).</summary>
    public IEnumerable<(ProjectTask Task, int Depth)> InOrder() => Walk(Root, 0);

    /// <summary>The task and every task under it.</summary>
    public IEnumerable<ProjectTask> Subtree(ProjectTask task) => Walk(task.Id, 1).Select(t => t.Task).Prepend(task);

    /// <summary>Adds a task under <paramref name="parentId"/> at <paramref name="position"/> (from 1; last when null).</summary>
    public void Add(ProjectTask task, Guid? parentId, int? position)
    {
        if (parentId is { } p) Parent(p);
        _tasks.Add(task.Id, task);
        Insert(task, parentId, position);
        Renumber();
    }

    /// <summary>Moves a task, with its subtasks, under another parent (or to the top level) at a position among its new siblings.</summary>
    public void Move(ProjectTask task, Guid? parentId, int? position)
    {
        if (parentId is { } p)
        {
            var parent = Parent(p);
            if (Subtree(task).Any(t => t.Id == p))
                throw new ValidationFailedException("parentTaskId",
                    $"Task '{parent.Name}' ({parent.WbsId}) is '{task.Name}' itself or one of its subtasks: a task cannot be its own parent.");
        }
        Detach(task);
        Insert(task, parentId, position);
        Renumber();
    }

    /// <summary>Makes the task the last subtask of the task above it at its level.</summary>
    public void Indent(ProjectTask task)
    {
        var siblings = Children(task.ParentTaskId);
        var index = IndexIn(siblings, task);
        if (index == 0) throw new ConflictException($"Task '{task.Name}' ({task.WbsId}) is the first at its level: there is no task above it to go under.");
        Move(task, siblings[index - 1].Id, null);
    }

    /// <summary>Makes the task a sibling of its parent, right after it; the task keeps its own subtasks.</summary>
    public void Outdent(ProjectTask task)
    {
        if (task.ParentTaskId is not { } parentId) throw new ConflictException($"Task '{task.Name}' ({task.WbsId}) is at the top level already.");
        var parent = _tasks[parentId];
        Move(task, parent.ParentTaskId, IndexIn(Children(parent.ParentTaskId), parent) + 2);
    }

    /// <summary>Moves the task up (negative) or down among its siblings.</summary>
    public void Shift(ProjectTask task, int by)
    {
        var siblings = Children(task.ParentTaskId);
        var target = IndexIn(siblings, task) + by;
        if (target < 0 || target >= siblings.Count)
            throw new ConflictException($"Task '{task.Name}' ({task.WbsId}) is the {(by < 0 ? "first" : "last")} at its level already.");
        Move(task, task.ParentTaskId, target + 1);
    }

    /// <summary>Removes the task and its subtasks; the ones after it close up. Returns what was removed.</summary>
    public IReadOnlyList<ProjectTask> Remove(ProjectTask task)
    {
        var removed = Subtree(task).ToList();
        Detach(task);
        foreach (var t in removed)
        {
            _tasks.Remove(t.Id);
            _children.Remove(t.Id);
        }
        Renumber();
        return removed;
    }

    /// <summary>Rolls the leaves' dates, effort, planned cost and sales and progress up into every summary task.</summary>
    public void Rollup()
    {
        foreach (var task in Children(null)) Roll(task);
    }

    /// <summary>A value of the task and all its subtasks added up (actual cost, for one).</summary>
    public decimal SumOverSubtree(ProjectTask task, Func<Guid, decimal> own) => Subtree(task).Sum(t => own(t.Id));

    private void Roll(ProjectTask task)
    {
        var children = Children(task.Id);
        if (children.Count == 0)
        {
            if (task.IsSummary) GiveBackOwnValues(task);
            return;
        }
        if (!task.IsSummary) KeepOwnValues(task);
        foreach (var child in children) Roll(child);
        task.ScheduledStart = children.Min(c => c.ScheduledStart);
        task.ScheduledEnd = children.Max(c => c.ScheduledEnd);
        task.Effort = children.Sum(c => c.Effort ?? 0m);
        task.PlannedCost = children.Sum(c => c.PlannedCost);
        task.PlannedSales = children.Sum(c => c.PlannedSales);
        var weight = task.Effort.Value;
        task.Progress = Math.Round(weight > 0 ? children.Sum(c => c.Progress * (c.Effort ?? 0m)) / weight : children.Average(c => c.Progress), 2,
            MidpointRounding.AwayFromZero);
    }

    private static void KeepOwnValues(ProjectTask task)
    {
        (task.OwnScheduledStart, task.OwnScheduledEnd, task.OwnEffort, task.OwnProgress) = (task.ScheduledStart, task.ScheduledEnd, task.Effort, task.Progress);
        task.IsSummary = true;
    }

    /// <summary>A task that lost its last subtask is a leaf again with the values it had; its plan is its assignments', and a summary task has none.</summary>
    private static void GiveBackOwnValues(ProjectTask task)
    {
        (task.ScheduledStart, task.ScheduledEnd, task.Effort, task.Progress) = (task.OwnScheduledStart, task.OwnScheduledEnd, task.OwnEffort, task.OwnProgress ?? 0m);
        (task.OwnScheduledStart, task.OwnScheduledEnd, task.OwnEffort, task.OwnProgress) = (null, null, null, null);
        (task.PlannedCost, task.PlannedSales, task.IsSummary) = (0m, 0m, false);
    }

    private IEnumerable<(ProjectTask Task, int Depth)> Walk(Guid parent, int depth)
    {
        foreach (var child in Children(parent == Root ? null : parent))
        {
            yield return (child, depth);
            foreach (var below in Walk(child.Id, depth + 1)) yield return below;
        }
    }

    private ProjectTask Parent(Guid id) =>
        _tasks.TryGetValue(id, out var parent) ? parent : throw new ValidationFailedException("parentTaskId", $"Task '{id}' is not a task of this project.");

    private void Insert(ProjectTask task, Guid? parentId, int? position)
    {
        var key = parentId ?? Root;
        if (!_children.TryGetValue(key, out var siblings)) _children[key] = siblings = [];
        var index = position is { } p ? Math.Clamp(p - 1, 0, siblings.Count) : siblings.Count;
        siblings.Insert(index, task);
        task.ParentTaskId = parentId;
    }

    private void Detach(ProjectTask task) => _children[task.ParentTaskId ?? Root].Remove(task);

    private static int IndexIn(IReadOnlyList<ProjectTask> siblings, ProjectTask task)
    {
        for (var i = 0; i < siblings.Count; i++) if (siblings[i].Id == task.Id) return i;
        return -1;
    }

    /// <summary>Numbers the outline afresh from the tree (each change does it itself).</summary>
    public void Renumber() => Number(Root, "");

    private void Number(Guid parent, string prefix)
    {
        var children = Children(parent == Root ? null : parent);
        for (var i = 0; i < children.Count; i++)
        {
            var task = children[i];
            task.ParentTaskId = parent == Root ? null : parent;
            task.WbsId = prefix + (i + 1).ToString(CultureInfo.InvariantCulture);
            if (task.WbsId.Length > ProjectTask.WbsIdLength)
                throw new ValidationFailedException("parentTaskId",
                    $"Task '{task.Name}' would be numbered {task.WbsId}, longer than {ProjectTask.WbsIdLength} characters: the breakdown is too deep.");
            Number(task.Id, task.WbsId + ".");
        }
    }

    private static int SiblingNumber(string? wbsId)
    {
        var last = wbsId?[(wbsId.LastIndexOf('.') + 1)..];
        return int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue;
    }
}
