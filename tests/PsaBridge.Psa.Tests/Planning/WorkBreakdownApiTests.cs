using System.Net;
using PsaBridge.Psa.Tests.Api;
using PsaBridge.Testing;

namespace PsaBridge.Psa.Tests.Planning;

/// <summary>The work breakdown through the HTTP API: outline numbers, moves, rollups, and what is refused.</summary>
[Trait("Engine", "Both")]
public sealed class WorkBreakdownApiTests
{
    private static async Task<List<(string Wbs, string Name, int Depth, bool Summary)>> OutlineAsync(HttpClient client, Guid project) =>
        (await client.GetOkAsync($"projects/{project}/plan")).GetProperty("tasks").EnumerateArray()
        .Select(t => (t.Text("wbsId"), t.Text("name"), t.GetProperty("depth").GetInt32(), t.GetProperty("isSummary").GetBoolean())).ToList();

    [Fact]
    public async Task Tasks_added_indented_outdented_and_moved_keep_their_outline_numbers_in_order_and_summaries_roll_up()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();
        var world = await PlanningWorld.SetUpAsync(client);
        var phase = await client.CreateIdAsync($"projects/{world.Project}/tasks", new { name = "Phase 1" });
        var design = await world.TaskAsync("Design", 40m, "2018-02-05", "2018-02-09");
        var build = await world.TaskAsync("Build", 80m, "2018-02-12", "2018-02-16");
        var kickoff = await client.CreateIdAsync($"projects/{world.Project}/tasks", new { name = "Kick-off", effort = 2m, position = 1 });

        (await client.PostOkAsync($"tasks/{design}/indent")).Text("wbsId").ShouldBe("2.1");
        await client.PostOkAsync($"tasks/{build}/indent");
        (await OutlineAsync(client, world.Project)).ShouldBe([("1", "Kick-off", 0, false), ("2", "Phase 1", 0, true), ("2.1", "Design", 1, false), ("2.2", "Build", 1, false)]);

        await client.PostOkAsync($"tasks/{build}/up");
        await client.PostOkAsync($"tasks/{kickoff}/move", new { parentTaskId = phase, position = 1 });
        (await OutlineAsync(client, world.Project)).ShouldBe([("1", "Phase 1", 0, true), ("1.1", "Kick-off", 1, false), ("1.2", "Build", 1, false), ("1.3", "Design", 1, false)]);
        await client.PostOkAsync($"tasks/{design}/outdent");
        (await OutlineAsync(client, world.Project)).Select(t => (t.Wbs, t.Name)).ShouldBe([("1", "Phase 1"), ("1.1", "Kick-off"), ("1.2", "Build"), ("2", "Design")]);

        var plan = await client.GetOkAsync($"projects/{world.Project}/plan");
        var summary = plan.GetProperty("tasks")[0];
        (summary.Text("scheduledStart"), summary.Text("scheduledEnd"), summary.Number("effort")).ShouldBe(("2018-02-12", "2018-02-16", 82m));
        (plan.Text("scheduledStart"), plan.Text("scheduledEnd"), plan.Number("effort")).ShouldBe(("2018-02-05", "2018-02-16", 122m));
        var refused = await client.PostProblemAsync($"tasks/{design}/outdent", null, HttpStatusCode.Conflict);
        refused.Text("detail").ShouldBe("Task 'Design' (2) is at the top level already.");
    }

    [Fact]
    public async Task Outdenting_the_only_subtask_of_a_task_gives_the_task_back_its_own_dates_and_effort()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();
        var world = await PlanningWorld.SetUpAsync(client);
        var design = await world.TaskAsync("Design", 40m, "2018-02-05", "2018-02-09");
        var wireframes = await world.TaskAsync("Wireframes", 8m, "2018-02-12", "2018-02-12");
        await client.PostOkAsync($"tasks/{wireframes}/indent");
        var summary = (await client.GetOkAsync($"projects/{world.Project}/plan")).GetProperty("tasks")[0];
        (summary.Text("scheduledStart"), summary.Number("effort")).ShouldBe(("2018-02-12", 8m));

        await client.PostOkAsync($"tasks/{wireframes}/outdent");

        (await OutlineAsync(client, world.Project)).ShouldBe([("1", "Design", 0, false), ("2", "Wireframes", 0, false)]);
        var task = (await client.GetOkAsync($"projects/{world.Project}/plan")).GetProperty("tasks")[0];
        (task.Text("scheduledStart"), task.Text("scheduledEnd"), task.Number("effort")).ShouldBe(("2018-02-05", "2018-02-09", 40m));
    }

    [Fact]
    public async Task A_task_ending_before_it_starts_or_placed_under_its_own_subtask_is_refused_and_nothing_changes()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();
        var world = await PlanningWorld.SetUpAsync(client);
        var design = await world.TaskAsync("Design", 40m, "2018-02-05", "2018-02-09");
        var wireframes = await world.TaskAsync("Wireframes", 8m, "2018-02-05", "2018-02-05", parent: design);

        var backwards = await client.PostProblemAsync($"projects/{world.Project}/tasks",
            new { name = "Build", scheduledStart = "2018-02-16", scheduledEnd = "2018-02-12" }, HttpStatusCode.BadRequest);
        backwards.ErrorsOf("scheduledEnd").ShouldBe(["Scheduled end 2018-02-12 is before scheduled start 2018-02-16."]);
        var circular = await client.PostProblemAsync($"tasks/{design}/move", new { parentTaskId = wireframes }, HttpStatusCode.BadRequest);
        circular.ErrorsOf("parentTaskId").ShouldBe(["Task 'Wireframes' (1.1) is 'Design' itself or one of its subtasks: a task cannot be its own parent."]);
        var changed = await client.SendProblemAsync(HttpMethod.Patch, $"tasks/{wireframes}", new { scheduledEnd = "2018-02-01" }, HttpStatusCode.BadRequest);
        changed.ErrorsOf("scheduledEnd").ShouldBe(["Scheduled end 2018-02-01 is before scheduled start 2018-02-05."]);
        var unknown = await client.PostProblemAsync($"projects/{world.Project}/tasks", new { name = "Orphan", parentTaskId = Guid.Empty }, HttpStatusCode.BadRequest);
        unknown.ErrorsOf("parentTaskId").ShouldBe([$"Task '{Guid.Empty}' is not a task of this project."]);

        (await OutlineAsync(client, world.Project)).ShouldBe([("1", "Design", 0, true), ("1.1", "Wireframes", 1, false)]);
        (await client.GetOkAsync($"projects/{world.Project}/plan")).GetProperty("tasks")[1].Text("scheduledEnd").ShouldBe("2018-02-05");
    }

    [Fact]
    public async Task A_task_with_actuals_cannot_be_deleted_and_one_without_goes_with_its_subtasks_and_assignments()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();
        var world = await PlanningWorld.SetUpAsync(client);
        var design = await world.TaskAsync("Design", 16m, "2018-02-05", "2018-02-06");
        var build = await world.TaskAsync("Build", 8m, "2018-02-07", "2018-02-07");
        var code = await world.TaskAsync("Code", 8m, "2018-02-07", "2018-02-07", parent: build);
        var member = await client.CreateIdAsync($"projects/{world.Project}/team", new { resourceId = world.Ashley });
        await world.AssignAsync(code, member);
        await world.ApprovedTimeAsync(world.Ashley, design, 120, "2018-02-05");

        var refused = await client.SendProblemAsync(HttpMethod.Delete, $"tasks/{design}", null, HttpStatusCode.Conflict);
        refused.Text("detail").ShouldBe("Task 'Design' (1) cannot be deleted: it has actuals. Work that is posted stays on its task.");

        (await client.DeleteAsync($"/api/psa/tasks/{build}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await OutlineAsync(client, world.Project)).ShouldBe([("1", "Design", 0, false)]);
        (await client.GetOkAsync($"projects/{world.Project}/assignments")).GetArrayLength().ShouldBe(0);
        (await client.GetOkAsync($"projects/{world.Project}/estimate-lines")).GetProperty("total").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task Generate_team_makes_one_generic_member_per_role_assigned_without_a_member_and_puts_the_work_on_it()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();
        var world = await PlanningWorld.SetUpAsync(client);
        var design = await world.TaskAsync("Design", 40m, "2018-02-05", "2018-02-09");
        var build = await world.TaskAsync("Build", 80m, "2018-02-12", "2018-02-16");
        await client.SendOkAsync(HttpMethod.Put, $"tasks/{design}/assignments", new { roleIds = new[] { world.Architect } });
        await client.SendOkAsync(HttpMethod.Put, $"tasks/{build}/assignments", new { roleIds = new[] { world.Architect, world.Developer } });

        var made = (await client.PostOkAsync($"projects/{world.Project}/team/generate")).EnumerateArray().ToList();

        made.Select(m => (m.Text("name"), m.GetProperty("isGeneric").GetBoolean(), m.Number("assignedHours"), m.Text("from"), m.Text("to")))
            .OrderBy(m => m.Item1).ShouldBe([("Generic Developer", true, 40m, "2018-02-12", "2018-02-16"), ("Generic Solution Architect", true, 80m, "2018-02-05", "2018-02-16")]);
        (await client.GetOkAsync($"projects/{world.Project}/assignments")).EnumerateArray().ShouldAllBe(a => a.GetProperty("teamMemberId").ValueKind != System.Text.Json.JsonValueKind.Null);
        (await client.PostOkAsync($"projects/{world.Project}/team/generate")).GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task A_time_entry_names_a_task_and_takes_its_role_from_the_team_member_assigned_to_it()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();
        var world = await PlanningWorld.SetUpAsync(client);
        var design = await world.TaskAsync("Design", 8m, "2018-02-05", "2018-02-05");
        await client.CreateIdAsync($"projects/{world.Project}/team", new { resourceId = world.Chen, roleId = world.Developer });
        var asArchitect = await client.CreateIdAsync($"projects/{world.Project}/team", new { resourceId = world.Chen, roleId = world.Architect });
        await world.AssignAsync(design, asArchitect);

        var entry = await client.CreateAsync("time-entries", new { date = "2018-02-05", duration = 240, resourceId = world.Chen, projectId = world.Project, taskId = design });

        (entry.Id("taskId"), entry.Id("roleId")).ShouldBe((design, world.Architect));
    }
}
