using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PsaBridge.Testing;

namespace PsaBridge.Psa.Tests.Api;

/// <summary>The weekly time grid through the HTTP API: saved as drafts, copied, submitted, and the time entries it writes.</summary>
[Trait("Engine", "Both")]
public sealed class TimeSheetFlowTests
{
    private static async Task<JsonElement> PutAsync(HttpClient client, string path, object body, HttpStatusCode status = HttpStatusCode.OK)
    {
        var response = await client.PutAsJsonAsync("/api/psa/" + path, body, PsaBridgeApp.Json);
        response.StatusCode.ShouldBe(status, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    private static string Grid(JsonElement sheet) => string.Join(" | ", sheet.GetProperty("rows").EnumerateArray()
        .Select(r => string.Join(",", r.GetProperty("days").EnumerateArray().Select(d => d.GetProperty("minutes").GetInt32() / 60m))));

    [Fact]
    public async Task A_week_saved_in_the_grid_becomes_draft_entries_copied_to_the_next_week_and_submitted_together()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();
        var alpine = await Alpine.SetUpAsync(client);
        var week = $"resources/{alpine.Ashley}/timesheets/2018-02-07"; // a Wednesday: the week of Monday 5 February
        object Row(params string?[] hours) => new { projectId = alpine.Project, roleId = alpine.ProjectManager, hours };

        var saved = await PutAsync(client, week, new { rows = new[] { Row("8", "7.5", "7:45", null, "", null, null), new { projectId = (Guid?)null, roleId = (Guid?)null, hours = new string?[7] } } });

        saved.Text("monday").ShouldBe("2018-02-05");
        Grid(saved).ShouldBe("8,7.5,7.75,0,0,0,0");
        saved.GetProperty("minutes").GetInt32().ShouldBe(1395);
        (await client.ListAsync($"time-entries?resourceId={alpine.Ashley}")).Select(e => (e.Text("date"), e.GetProperty("duration").GetInt32(), e.Text("entryStatus"))).ShouldBe([
            ("2018-02-05", 480, "Draft"), ("2018-02-06", 450, "Draft"), ("2018-02-07", 465, "Draft"),
        ]);

        // Changing Monday, emptying Tuesday, adding Thursday: the drafts follow.
        Grid(await PutAsync(client, week, new { rows = new[] { Row("6", "", "7:45", "4", null, null, null) } })).ShouldBe("6,0,7.75,4,0,0,0");
        (await client.ListAsync($"time-entries?resourceId={alpine.Ashley}")).Select(e => e.GetProperty("duration").GetInt32()).ShouldBe([360, 465, 240]);

        var next = $"resources/{alpine.Ashley}/timesheets/2018-02-12";
        Grid(await client.PostOkAsync(next + "/copy-last-week")).ShouldBe("6,0,7.75,4,0,0,0");
        (await client.PostProblemAsync(next + "/copy-last-week", null, HttpStatusCode.Conflict)).Text("detail").ShouldContain("no time to copy");

        var submission = await client.PostOkAsync(week + "/submit");
        (submission.GetProperty("submitted").GetInt32(), submission.GetProperty("failures").GetArrayLength()).ShouldBe((3, 0));
        var submitted = await client.GetOkAsync(week);
        submitted.GetProperty("rows")[0].GetProperty("days").EnumerateArray().Where(d => d.GetProperty("minutes").GetInt32() > 0)
            .ShouldAllBe(d => !d.GetProperty("editable").GetBoolean() && d.GetProperty("entries")[0].GetProperty("entryStatus").GetString() == "Submitted");
        var refused = await PutAsync(client, week, new { rows = new[] { Row("8", "", "7:45", "4", null, null, null) } }, HttpStatusCode.BadRequest);
        refused.ErrorsOf("rows[0].hours[0]").ShouldBe(["Monday's time is Submitted and cannot change; recall it first."]);
        (await client.ListAsync("approvals")).Count.ShouldBe(3);
    }

    [Fact]
    public async Task Bad_hours_and_incomplete_rows_are_400s_naming_the_cell_and_nothing_is_saved()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();
        var alpine = await Alpine.SetUpAsync(client);
        var week = $"resources/{alpine.Ashley}/timesheets/2018-02-05";

        var problem = await PutAsync(client, week, new
        {
            rows = new object[]
            {
                new { projectId = alpine.Project, roleId = alpine.ProjectManager, hours = new[] { "8", "seven", "25", null, null, null, null } },
                new { projectId = alpine.Project, roleId = (Guid?)null, hours = new[] { "1" } },
                new { projectId = alpine.Project, roleId = alpine.ProjectManager, taskId = Guid.NewGuid(), hours = new[] { "1" } },
            },
        }, HttpStatusCode.BadRequest);

        problem.ErrorsOf("rows[0].hours[1]").ShouldBe(["'seven' is not a number of hours (such as 7.5 or 7:30, in whole minutes)."]);
        problem.ErrorsOf("rows[1].roleId").ShouldBe(["'rows[1].roleId' is required: choose a role."]);
        (await client.ListAsync($"time-entries?resourceId={alpine.Ashley}")).ShouldBeEmpty();
        var tooLong = await PutAsync(client, week, new { rows = new[] { new { projectId = alpine.Project, roleId = alpine.ProjectManager, hours = new[] { "25" } } } },
            HttpStatusCode.BadRequest);
        tooLong.ErrorsOf("rows[0].hours[0]").ShouldBe(["25 hours is out of range: a day holds from 0 to 24 hours."]);
        var badTask = await PutAsync(client, week, new { rows = new[] { new { projectId = alpine.Project, roleId = alpine.ProjectManager, taskId = Guid.NewGuid(), hours = new[] { "1" } } } },
            HttpStatusCode.BadRequest);
        badTask.GetProperty("errors").EnumerateObject().Single().Name.ShouldBe("rows[0].taskId");
        (await client.ListAsync($"time-entries?resourceId={alpine.Ashley}")).ShouldBeEmpty();
        (await client.GetAsync($"/api/psa/resources/{Guid.NewGuid()}/timesheets/2018-02-05")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"/api/psa/resources/{alpine.Ashley}/timesheets/someday")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
