using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PsaBridge.Psa.Projects;
using PsaBridge.Psa.Resources;
using PsaBridge.Psa.Scheduling;
using PsaBridge.Psa.Tests.Api;
using PsaBridge.Testing;

namespace PsaBridge.Psa.Tests.Planning;

/// <summary>
/// The planning and scheduling endpoints answer bad input (malformed JSON, unknown fields and ids, overlong text, control
/// characters, wrong types, values out of range) with a 400 ProblemDetails naming the field, and change nothing.
/// </summary>
public sealed class PlanningBadInputTests(PlanningBadInputTests.Fixture fixture) : IClassFixture<PlanningBadInputTests.Fixture>
{
    /// <summary>One world for all cases: none of them may change it.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        public PsaBridgeApp App { get; private set; } = null!;
        internal PlanningWorld World { get; private set; } = null!;
        public Dictionary<string, string> Ids { get; } = [];

        public async Task InitializeAsync()
        {
            App = await PsaBridgeApp.StartAsync();
            World = await PlanningWorld.SetUpAsync(App.CreateClient());
            var task = await World.TaskAsync("Design", 40m, "2018-02-05", "2018-02-09");
            var generic = await World.GenericMemberAsync(World.Architect);
            await World.AssignAsync(task, generic);
            var requirement = await World.Client.CreateIdAsync($"projects/{World.Project}/requirements", new { teamMemberId = generic });
            var booking = await World.Client.CreateIdAsync("bookings", new { resourceId = World.Ben, projectId = World.Project, from = "2018-02-12", to = "2018-02-16" });
            foreach (var (key, id) in new[] { ("project", World.Project), ("task", task), ("resource", World.Ben), ("requirement", requirement), ("booking", booking), ("role", World.Architect) })
                Ids[key] = id.ToString();
        }

        public async Task DisposeAsync() => await App.DisposeAsync();
    }

    public static TheoryData<string, string, string, string> Cases => new()
    {
        // method, url, body, the field the error must name
        { "POST", "projects/{project}/tasks", "{ \"name\": ", "name" },
        { "POST", "projects/{project}/tasks", "not json at all", "body" },
        { "POST", "projects/{project}/tasks", "{ \"name\": \"Tab\\there\" }", "name" },
        { "POST", "projects/{project}/tasks", $"{{ \"name\": \"{new string('x', 201)}\" }}", "name" },
        { "POST", "projects/{project}/tasks", "{ \"name\": \"A\", \"effort\": \"lots\" }", "effort" },
        { "POST", "projects/{project}/tasks", "{ \"name\": \"A\", \"effort\": -1 }", "effort" },
        { "POST", "projects/{project}/tasks", "{ \"name\": \"A\", \"progress\": 101 }", "progress" },
        { "POST", "projects/{project}/tasks", "{ \"name\": \"A\", \"position\": 0 }", "position" },
        { "POST", "projects/{project}/tasks", "{ \"name\": \"A\", \"colour\": \"blue\" }", "colour" },
        { "PATCH", "tasks/{task}", "{ \"progress\": \"half\" }", "progress" },
        { "PATCH", "tasks/{task}", "{ \"scheduledEnd\": \"2018-01-01\" }", "scheduledEnd" },
        { "PUT", "tasks/{task}/assignments", "{ \"teamMemberIds\": [\"not-a-guid\"] }", "teamMemberIds[0]" },
        { "PUT", "tasks/{task}/assignments", $"{{ \"teamMemberIds\": [\"{Guid.Empty}\"] }}", "teamMemberIds[0]" },
        { "POST", "projects/{project}/team", "{ }", "roleId" },
        { "POST", "projects/{project}/team", $"{{ \"roleId\": \"{Guid.Empty}\" }}", "roleId" },
        { "POST", "projects/{project}/team", "{ \"roleId\": \"{role}\", \"billingType\": \"Free\" }", "billingType" },
        { "POST", "rating-models", "{ \"name\": \"M\", \"values\": [] }", "values" },
        { "POST", "rating-models", "{ \"name\": \"M\", \"values\": [{ \"name\": \"A\", \"value\": 1 }, { \"name\": \"B\", \"value\": 1 }] }", "values[1].value" },
        { "POST", "characteristics", "{ \"name\": \"Python\", \"characteristicType\": \"Skill\" }", "ratingModelId" },
        { "POST", "characteristics", "{ \"name\": \"Python\", \"characteristicType\": \"Hobby\" }", "characteristicType" },
        { "PUT", "resources/{resource}/work-hours", "{ \"monday\": 25 }", "monday" },
        { "POST", "resources/{resource}/days-off", "{ \"date\": \"2018-13-01\" }", "date" },
        { "PUT", "resources/{resource}/roles", $"[{{ \"roleId\": \"{Guid.Empty}\" }}]", "[0].roleId" },
        { "POST", "bookings", "{ \"resourceId\": \"{resource}\", \"projectId\": \"{project}\", \"from\": \"2018-02-09\", \"to\": \"2018-02-05\", \"hours\": 8 }", "to" },
        { "POST", "bookings", "{ \"resourceId\": \"{resource}\", \"projectId\": \"{project}\", \"from\": \"2018-02-05\", \"to\": \"2018-02-09\", \"status\": \"Maybe\" }", "status" },
        { "POST", "bookings", "{ \"resourceId\": \"{resource}\", \"projectId\": \"{project}\", \"from\": \"2018-02-05\", \"to\": \"2018-02-09\", \"hours\": 8, \"allocationMethod\": \"None\" }", "allocationMethod" },
        { "POST", "bookings", "{ \"resourceId\": \"{resource}\", \"projectId\": \"{project}\", \"from\": \"2018-02-05\", \"to\": \"2018-02-09\", \"allocationMethod\": \"FrontLoad\", \"hours\": 80 }", "hours" },
        { "POST", "projects/{project}/requirements", "{ \"roleId\": \"{role}\", \"fromDate\": \"2018-02-05\", \"toDate\": \"2018-02-09\", \"hours\": -5 }", "hours" },
        { "POST", "projects/{project}/requirements", "{ \"roleId\": \"{role}\", \"toDate\": \"2018-02-09\", \"hours\": 5 }", "fromDate" },
        { "POST", "requirements/{requirement}/book", "{ }", "resourceId" },
        { "POST", "bookings/{booking}/status", "{ }", "status" },
        { "GET", "utilization?from=2018-02-10&to=2018-02-01", "", "to" },
        { "GET", "utilization?from=yesterday&to=2018-02-01", "", "from" },
        { "GET", "projects/{project}/estimates?period=Fortnight", "", "period" },
        { "GET", "schedule-board?weeks=0", "", "weeks" },
        { "GET", "requirements/{requirement}/candidates?top=0", "", "top" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_input_is_a_400_naming_the_field_and_changes_nothing(string method, string url, string body, string field)
    {
        var before = await CountsAsync();
        foreach (var (key, id) in fixture.Ids) (url, body) = (url.Replace("{" + key + "}", id), body.Replace("{" + key + "}", id));
        var request = new HttpRequestMessage(new HttpMethod(method), "/api/psa/" + url);
        if (method != "GET") request.Content = new StringContent(body, Encoding.UTF8, "application/json");

        var response = await fixture.App.CreateClient().SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, text);
        (await response.JsonAsync()).ErrorsOf(field).ShouldNotBeEmpty();
        (await CountsAsync()).ShouldBe(before);
    }

    private async Task<string> CountsAsync()
    {
        await using var db = fixture.App.Databases.OpenPsa();
        var tasks = await db.Set<ProjectTask>().Select(t => new { t.Name, t.Effort, t.WbsId }).ToListAsync();
        return string.Join(",", await db.Set<ProjectTeamMember>().CountAsync(), await db.Set<ResourceAssignment>().CountAsync(), await db.Set<EstimateLine>().CountAsync(),
            await db.Set<RatingModel>().CountAsync(), await db.Set<Characteristic>().CountAsync(), await db.Set<WorkHours>().CountAsync(), await db.Set<DayOff>().CountAsync(),
            await db.Set<ResourceRole>().CountAsync(), await db.Set<BookingHeader>().CountAsync(), await db.Set<ResourceRequirement>().CountAsync(),
            string.Join(";", tasks.Select(t => $"{t.Name}/{t.Effort}/{t.WbsId}")));
    }
}
