using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.Projects;

namespace PsaBridge.Psa.Tests.Planning;

/// <summary>The task tree as plain objects: outline numbers kept in order, moves, and the rollups of summary tasks.</summary>
public sealed class WorkBreakdownTests
{
    private static readonly Guid Project = Guid.NewGuid();

    private static ProjectTask Task(string name, decimal? effort = null, string? start = null, string? end = null) => new()
    {
        Id = Guid.NewGuid(), ProjectId = Project, Name = name, Effort = effort,
        ScheduledStart = start is null ? null : DateOnly.Parse(start), ScheduledEnd = end is null ? null : DateOnly.Parse(end),
    };

    private static string Outline(WorkBreakdown b) => string.Join(" ", b.InOrder().Select(x => $"{x.Task.WbsId}={x.Task.Name}"));

    private static (WorkBreakdown Breakdown, ProjectTask Design, ProjectTask Build, ProjectTask Test) ThreeTasks()
    {
        var b = new WorkBreakdown([]);
        var (design, build, test) = (Task("Design"), Task("Build"), Task("Test"));
        b.Add(design, null, null);
        b.Add(build, null, null);
        b.Add(test, null, null);
        return (b, design, build, test);
    }

    [Fact]
    public void Tasks_added_at_a_position_push_the_ones_after_them_down_and_subtasks_number_under_their_parent()
    {
        var (b, design, _, _) = ThreeTasks();
        b.Add(Task("Kick-off"), null, 1);
        b.Add(Task("Wireframes"), design.Id, null);
        b.Add(Task("Data model"), design.Id, 1);

        Outline(b).ShouldBe("1=Kick-off 2=Design 2.1=Data model 2.2=Wireframes 3=Build 4=Test");
        b.InOrder().Select(x => x.Depth).ShouldBe([0, 0, 1, 1, 0, 0]);
        b.IsSummary(design.Id).ShouldBeTrue();
    }

    [Fact]
    public void Indenting_puts_a_task_under_the_one_above_it_and_outdenting_puts_it_back_after_its_parent_with_its_subtasks()
    {
        var (b, design, build, test) = ThreeTasks();
        var unit = Task("Unit tests");
        b.Add(unit, test.Id, null);

        b.Indent(build);
        Outline(b).ShouldBe("1=Design 1.1=Build 2=Test 2.1=Unit tests");
        b.Indent(test);
        Outline(b).ShouldBe("1=Design 1.1=Build 1.2=Test 1.2.1=Unit tests");
        test.ParentTaskId.ShouldBe(design.Id);

        b.Outdent(build);
        Outline(b).ShouldBe("1=Design 1.1=Test 1.1.1=Unit tests 2=Build");
        Should.Throw<ConflictException>(() => b.Indent(design)).Message.ShouldBe("Task 'Design' (1) is the first at its level: there is no task above it to go under.");
        Should.Throw<ConflictException>(() => b.Outdent(build)).Message.ShouldBe("Task 'Build' (2) is at the top level already.");
    }

    [Fact]
    public void Moving_up_and_down_and_to_another_parent_renumbers_without_touching_dates_or_effort()
    {
        var (b, design, build, test) = ThreeTasks();
        test.Effort = 16m;
        test.ScheduledStart = new DateOnly(2018, 2, 12);

        b.Shift(test, -1);
        Outline(b).ShouldBe("1=Design 2=Test 3=Build");
        b.Shift(design, +1);
        Outline(b).ShouldBe("1=Test 2=Design 3=Build");
        b.Move(test, build.Id, null);
        Outline(b).ShouldBe("1=Design 2=Build 2.1=Test");
        (test.Effort, test.ScheduledStart).ShouldBe((16m, new DateOnly(2018, 2, 12)));
        Should.Throw<ConflictException>(() => b.Shift(design, -1)).Message.ShouldBe("Task 'Design' (1) is the first at its level already.");
    }

    [Fact]
    public void A_task_cannot_be_moved_under_itself_or_its_own_subtask()
    {
        var (b, design, build, _) = ThreeTasks();
        b.Move(build, design.Id, null);

        var error = Should.Throw<ValidationFailedException>(() => b.Move(design, build.Id, null));
        error.Errors.ShouldHaveSingleItem().ShouldBe(new FieldError("parentTaskId",
            "Task 'Build' (1.1) is 'Design' itself or one of its subtasks: a task cannot be its own parent."));
        Should.Throw<ValidationFailedException>(() => b.Move(design, design.Id, null)).Errors[0].Field.ShouldBe("parentTaskId");
        Outline(b).ShouldBe("1=Design 1.1=Build 2=Test");
    }

    [Fact]
    public void Removing_a_task_removes_its_subtasks_and_closes_up_the_numbers()
    {
        var (b, design, build, test) = ThreeTasks();
        var sub = Task("Wireframes");
        b.Add(sub, design.Id, null);

        b.Remove(design).Select(t => t.Name).ShouldBe(["Design", "Wireframes"]);
        Outline(b).ShouldBe("1=Build 2=Test");
        (build.WbsId, test.WbsId).ShouldBe(("1", "2"));
    }

    [Fact]
    public void The_tree_is_read_from_parents_with_siblings_in_outline_order_so_1_10_follows_1_9()
    {
        var root = Task("Root");
        root.WbsId = "1";
        var children = Enumerable.Range(1, 10).Select(i => Task($"T{i}")).ToList();
        for (var i = 0; i < children.Count; i++) (children[i].ParentTaskId, children[i].WbsId) = (root.Id, $"1.{i + 1}");
        children.Reverse();

        var b = new WorkBreakdown(children.Append(root));

        b.Children(root.Id).Select(t => t.Name).ShouldBe(Enumerable.Range(1, 10).Select(i => $"T{i}"));
    }

    [Fact]
    public void A_summary_task_rolls_up_the_earliest_start_latest_end_and_sums_of_its_subtasks_and_progress_weighted_by_effort()
    {
        var b = new WorkBreakdown([]);
        var phase = Task("Phase 1");
        var design = Task("Design", 40m, "2018-02-05", "2018-02-09");
        var build = Task("Build", 120m, "2018-02-12", "2018-02-23");
        (design.Progress, build.Progress) = (100m, 20m);
        (design.PlannedCost, design.PlannedSales, build.PlannedCost, build.PlannedSales) = (4_000m, 8_000m, 9_000m, 15_000m);
        b.Add(phase, null, null);
        b.Add(design, phase.Id, null);
        b.Add(build, phase.Id, null);

        b.Rollup();

        (phase.ScheduledStart, phase.ScheduledEnd).ShouldBe((new DateOnly(2018, 2, 5), new DateOnly(2018, 2, 23)));
        (phase.Effort, phase.PlannedCost, phase.PlannedSales).ShouldBe((160m, 13_000m, 23_000m));
        phase.Progress.ShouldBe(40m); // (40 x 100 + 120 x 20) / 160
        b.SumOverSubtree(phase, id => id == build.Id ? 7m : id == design.Id ? 5m : 1m).ShouldBe(13m);
    }

    [Fact]
    public void Outdenting_the_only_subtask_gives_the_parent_back_its_own_dates_effort_and_progress()
    {
        var b = new WorkBreakdown([]);
        var design = Task("Design", 40m, "2018-02-05", "2018-02-09");
        design.Progress = 10m;
        var wireframes = Task("Wireframes", 8m, "2018-02-12", "2018-02-12");
        wireframes.PlannedCost = 400m;
        b.Add(design, null, null);
        b.Add(wireframes, design.Id, null);
        b.Rollup();
        (design.ScheduledStart, design.Effort, design.PlannedCost).ShouldBe((new DateOnly(2018, 2, 12), 8m, 400m));

        b.Outdent(wireframes);
        b.Rollup();

        Outline(b).ShouldBe("1=Design 2=Wireframes");
        (design.ScheduledStart, design.ScheduledEnd).ShouldBe((new DateOnly(2018, 2, 5), new DateOnly(2018, 2, 9)));
        (design.Effort, design.Progress, design.PlannedCost, design.IsSummary).ShouldBe((40m, 10m, 0m, false));
        (wireframes.Effort, wireframes.PlannedCost).ShouldBe((8m, 400m));
    }

    [Fact]
    public void A_summary_task_keeps_its_own_values_while_it_has_any_subtask_and_keeps_them_once_only()
    {
        var b = new WorkBreakdown([]);
        var design = Task("Design", 40m, "2018-02-05", "2018-02-09");
        var (first, second) = (Task("First", 8m, "2018-02-12", "2018-02-12"), Task("Second", 4m, "2018-02-13", "2018-02-13"));
        b.Add(design, null, null);
        b.Add(first, design.Id, null);
        b.Rollup();
        b.Add(second, design.Id, null);
        b.Rollup();

        b.Outdent(first);
        b.Rollup();
        (design.Effort, design.ScheduledStart).ShouldBe((4m, new DateOnly(2018, 2, 13)));
        b.Remove(second);
        b.Rollup();

        (design.Effort, design.ScheduledStart, design.ScheduledEnd).ShouldBe((40m, new DateOnly(2018, 2, 5), new DateOnly(2018, 2, 9)));
    }
}
