using System.Net;
using PsaBridge.Psa.Tests.Api;
using PsaBridge.Testing;

namespace PsaBridge.Psa.Tests.Planning;

/// <summary>Bookings, requirements and skills through the HTTP API: over-booking, soft bookings, and the inputs that are refused.</summary>
[Trait("Engine", "Both")]
public sealed class SchedulingApiTests
{
    [Fact]
    public async Task Over_booking_is_allowed_but_flagged_on_the_booking_and_on_the_resources_board()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();
        var world = await PlanningWorld.SetUpAsync(client);
        await client.CreateAsync("bookings", new { resourceId = world.Ben, projectId = world.Project, from = "2018-02-05", to = "2018-02-09", hours = 36m });

        var second = await client.CreateAsync("bookings", new { resourceId = world.Ben, projectId = world.Project, from = "2018-02-08", to = "2018-02-09", hours = 8m });

        (second.Number("hours"), second.Number("overbookedHours"), second.GetProperty("isOverbooked").GetBoolean()).ShouldBe((8m, 6.4m, true)); // 7.2 + 4 h on 8 h days
        var week = (await client.GetOkAsync($"schedule-board?from=2018-02-05&weeks=1&resourceId={world.Ben}"))
            .GetProperty("resources").GetProperty("items")[0].GetProperty("weeks")[0];
        (week.Number("capacity"), week.Number("hardBooked"), week.Number("available"), week.Text("state")).ShouldBe((40m, 44m, -4m, "Over"));
        var member = (await client.GetOkAsync($"projects/{world.Project}/team")).EnumerateArray().ShouldHaveSingleItem();
        (member.Id("resourceId"), member.Text("role"), member.Number("hardBookedHours")).ShouldBe((world.Ben, "Solution Architect", 44m));
    }

    [Fact]
    public async Task A_proposed_booking_is_soft_takes_no_availability_and_moves_to_hard_when_committed()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();
        var world = await PlanningWorld.SetUpAsync(client);
        var chenHalf = await client.CreateAsync("bookings", new
        {
            resourceId = world.Chen, projectId = world.Project, from = "2018-02-05", to = "2018-02-09", allocationMethod = "PercentageCapacity", percentage = 50m,
            status = "Proposed",
        });
        chenHalf.GetProperty("days").EnumerateArray().Select(d => d.Number("hours")).ShouldBe([2m, 2m, 2m, 2m, 2m]);

        var board = await client.GetOkAsync($"schedule-board?from=2018-02-05&weeks=1&resourceId={world.Chen}");
        var week = board.GetProperty("resources").GetProperty("items")[0].GetProperty("weeks")[0];
        (week.Number("capacity"), week.Number("hardBooked"), week.Number("softBooked"), week.Text("state")).ShouldBe((20m, 0m, 10m, "Soft"));
        var member = (await client.GetOkAsync($"projects/{world.Project}/team")).EnumerateArray().Single();
        (member.Number("hardBookedHours"), member.Number("softBookedHours")).ShouldBe((0m, 10m));

        var committed = await client.PostOkAsync($"bookings/{chenHalf.Id()}/status", new { status = "Committed" });
        committed.Text("status").ShouldBe("Committed");
        member = (await client.GetOkAsync($"projects/{world.Project}/team")).EnumerateArray().Single();
        (member.Number("hardBookedHours"), member.Number("softBookedHours")).ShouldBe((10m, 0m));
        await client.PostOkAsync($"bookings/{chenHalf.Id()}/status", new { status = "Canceled" });
        member = (await client.GetOkAsync($"projects/{world.Project}/team")).EnumerateArray().Single();
        (member.Number("hardBookedHours"), member.Number("softBookedHours")).ShouldBe((0m, 0m));
    }

    [Fact]
    public async Task A_booking_for_a_resource_with_no_capacity_in_the_window_is_refused_and_nothing_is_booked()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();
        var world = await PlanningWorld.SetUpAsync(client);
        await client.PostOkAsync($"resources/{world.Ashley}/days-off", new { date = "2018-02-12", description = "Presidents' Day" });

        var weekend = await client.PostProblemAsync("bookings", new { resourceId = world.Ashley, projectId = world.Project, from = "2018-02-10", to = "2018-02-12", hours = 8m },
            HttpStatusCode.BadRequest);

        weekend.ErrorsOf("resourceId").ShouldBe(["The resource has no capacity between 2018-02-10 and 2018-02-12: its calendar gives no working hours there."]);
        (await client.GetOkAsync($"bookings?resourceId={world.Ashley}")).GetProperty("total").GetInt32().ShouldBe(0);
        (await client.GetOkAsync($"projects/{world.Project}/team")).GetArrayLength().ShouldBe(0);
        var calendar = await client.GetOkAsync($"resources/{world.Ashley}/calendar?from=2018-02-12&to=2018-02-18");
        (calendar.Number("capacity"), calendar.GetProperty("days")[0].GetProperty("isDayOff").GetBoolean()).ShouldBe((32m, true));
    }

    [Fact]
    public async Task A_rating_value_of_another_model_is_refused_for_a_resource_and_for_a_requirement()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();
        var world = await PlanningWorld.SetUpAsync(client);
        var stars = await client.CreateAsync("rating-models", new { name = "Stars", values = new[] { new { name = "One star", value = 1 }, new { name = "Two stars", value = 2 } } });
        var twoStars = stars.GetProperty("values")[1].Id();
        var generic = await world.GenericMemberAsync(world.Architect);

        var resource = await client.SendProblemAsync(HttpMethod.Put, $"resources/{world.Ben}/characteristics",
            new[] { new { characteristicId = world.CSharp, ratingValueId = twoStars } }, HttpStatusCode.BadRequest);
        resource.ErrorsOf("[0].ratingValueId").ShouldBe(["Rating value 'Two stars' belongs to another rating model than the one 'C#' is rated on."]);
        var requirement = await client.PostProblemAsync($"projects/{world.Project}/requirements", new
        {
            teamMemberId = generic, fromDate = "2018-02-05", toDate = "2018-02-09", hours = 40m,
            characteristics = new[] { new { characteristicId = world.CSharp, ratingValueId = twoStars } },
        }, HttpStatusCode.BadRequest);
        requirement.ErrorsOf("characteristics[0].ratingValueId").ShouldBe(["Rating value 'Two stars' belongs to another rating model than the one 'C#' is rated on."]);

        (await client.GetOkAsync($"resources/{world.Ben}/profile")).GetProperty("characteristics")[0].Text("rating").ShouldBe("Intermediate");
        (await client.GetOkAsync($"requirements?projectId={world.Project}")).GetProperty("total").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task A_requirement_booked_in_part_stays_active_with_its_generic_member_until_its_hours_are_committed()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();
        var world = await PlanningWorld.SetUpAsync(client);
        var design = await world.TaskAsync("Design", 40m, "2018-02-05", "2018-02-09");
        var generic = await world.GenericMemberAsync(world.Architect);
        await world.AssignAsync(design, generic);
        var requirement = await client.CreateIdAsync($"projects/{world.Project}/requirements", new { teamMemberId = generic });

        var part = await client.CreateAsync($"requirements/{requirement}/book", new { resourceId = world.Ben, hours = 16m });
        part.GetProperty("days").EnumerateArray().Select(d => d.Number("hours")).ShouldBe([3.2m, 3.2m, 3.2m, 3.2m, 3.2m]);
        var open = await client.GetOkAsync($"requirements/{requirement}");
        (open.Text("status"), open.Number("hardBookedHours")).ShouldBe(("Active", 16m));
        (await client.GetOkAsync($"projects/{world.Project}/team")).EnumerateArray().Single().GetProperty("isGeneric").GetBoolean().ShouldBeTrue();

        var rest = await client.CreateAsync($"requirements/{requirement}/book", new { resourceId = world.Ashley });
        rest.Number("hours").ShouldBe(24m);
        (await client.GetOkAsync($"requirements/{requirement}")).Text("status").ShouldBe("Fulfilled");
        // Booked by two resources: the generic member stays for the project manager to reassign.
        var member = (await client.GetOkAsync($"projects/{world.Project}/team")).EnumerateArray().Single();
        (member.GetProperty("isGeneric").GetBoolean(), member.Number("hardBookedHours")).ShouldBe((true, 40m));
    }

    [Fact]
    public async Task The_estimates_grid_shows_months_with_rows_by_task_and_the_plan_adds_up_from_it()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();
        var world = await PlanningWorld.SetUpAsync(client);
        var design = await world.TaskAsync("Design", 40m, "2018-01-29", "2018-02-09");
        var build = await world.TaskAsync("Build", 30m, "2018-02-12", "2018-02-16");
        var ashley = await client.CreateIdAsync($"projects/{world.Project}/team", new { resourceId = world.Ashley });
        var chen = await client.CreateIdAsync($"projects/{world.Project}/team", new { resourceId = world.Chen });
        await world.AssignAsync(design, ashley);
        var pair = await world.AssignAsync(build, ashley, chen);
        pair.EnumerateArray().Select(a => (a.Text("name"), a.Number("hours"))).OrderBy(a => a.Item1).ShouldBe([("Ashley", 15m), ("Chen", 15m)]);

        var grid = await client.GetOkAsync($"projects/{world.Project}/estimates?period=Month&rows=Task");

        grid.GetProperty("columns").EnumerateArray().Select(c => c.Text("label")).ShouldBe(["2018-01", "2018-02"]);
        grid.GetProperty("rows").EnumerateArray().Select(r => (r.Text("label"), r.GetProperty("cells")[0].Number("hours"), r.GetProperty("cells")[1].Number("hours")))
            .ShouldBe([("1 Design", 12m, 28m), ("2 Build", 0m, 30m)]); // Design: 4 h a working day, three of them in January
        var total = grid.GetProperty("total");
        (total.Number("hours"), total.Number("cost"), total.Number("sales")).ShouldBe((70m, 40 * 90m + 15 * 90m + 15 * 60m, 40 * 180m + 15 * 180m + 15 * 120m));
        var plan = await client.GetOkAsync($"projects/{world.Project}/plan");
        (plan.Number("plannedCost"), plan.Number("plannedSales")).ShouldBe((total.Number("cost"), total.Number("sales")));
    }
}
