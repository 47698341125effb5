using PsaBridge.Psa.Tests.Api;
using PsaBridge.Testing;

namespace PsaBridge.Psa.Tests.Planning;

/// <summary>The worked example, step by step through the HTTP API.</summary>
[Trait("Engine", "Both")]
public sealed class WorkedExampleTests
{
    [Fact]
    public async Task Ashley_is_found_booked_and_replaces_the_generic_architect_and_her_approved_week_is_80_percent_utilized()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();
        var world = await PlanningWorld.SetUpAsync(client);

        // Task 1 "Design", 40 h in the first week, assigned to a generic Solution Architect.
        var design = await world.TaskAsync("Design", 40m, "2018-02-05", "2018-02-09");
        var generic = await world.GenericMemberAsync(world.Architect);
        var assignment = (await world.AssignAsync(design, generic)).EnumerateArray().ShouldHaveSingleItem();
        assignment.GetProperty("plannedWork").EnumerateArray().Select(s => s.Number("hours")).ShouldBe([8m, 8m, 8m, 8m, 8m]);
        (assignment.Number("plannedCost"), assignment.Number("plannedSales")).ShouldBe((40 * PlanningWorld.ArchitectCost, 40 * PlanningWorld.ArchitectSales));

        // Requirement: Solution Architect, C# at least 4, 40 h in that week (the week and hours come from the generic member's assignment).
        var requirement = await client.CreateAsync($"projects/{world.Project}/requirements", new
        {
            teamMemberId = generic, characteristics = new[] { new { characteristicId = world.CSharp, ratingValueId = world.Ratings[4] } },
        });
        (requirement.Text("role"), requirement.Text("fromDate"), requirement.Text("toDate"), requirement.Number("hours"), requirement.Text("status"))
            .ShouldBe(("Solution Architect", "2018-02-05", "2018-02-09", 40m, "Active"));

        // Find resources: Ashley with 40 h available; Ben and Chen only as near misses, with their reasons.
        var found = await client.GetOkAsync($"requirements/{requirement.Id()}/candidates");
        var match = found.GetProperty("matches").EnumerateArray().ShouldHaveSingleItem();
        (match.Id("resourceId"), match.Text("name"), match.Number("capacity"), match.Number("hardBooked"), match.Number("available"))
            .ShouldBe((world.Ashley, "Ashley", 40m, 0m, 40m));
        var misses = found.GetProperty("nearMisses").EnumerateArray().ToDictionary(m => m.Text("name"), m => m.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()).ToList());
        misses["Ben"].ShouldBe(["C#: Ben is rated 3 (Intermediate), below the minimum 4 (Advanced)."]);
        misses["Chen"].ShouldBe(["Role: Chen is not a Solution Architect."]);

        // Book Ashley committed for 40 h: the generic member becomes Ashley, the requirement is fulfilled.
        var booking = await client.CreateAsync($"requirements/{requirement.Id()}/book", new { resourceId = world.Ashley, status = "Committed" });
        (booking.Number("hours"), booking.Text("status"), booking.GetProperty("isOverbooked").GetBoolean()).ShouldBe((40m, "Committed", false));
        booking.GetProperty("days").EnumerateArray().Select(d => (d.Text("date"), d.Number("hours")))
            .ShouldBe([("2018-02-05", 8m), ("2018-02-06", 8m), ("2018-02-07", 8m), ("2018-02-08", 8m), ("2018-02-09", 8m)]);
        (await client.GetOkAsync($"requirements/{requirement.Id()}")).Text("status").ShouldBe("Fulfilled");
        var team = (await client.GetOkAsync($"projects/{world.Project}/team")).EnumerateArray().ShouldHaveSingleItem();
        (team.Id(), team.Id("resourceId"), team.Text("name"), team.Text("role"), team.GetProperty("isGeneric").GetBoolean(), team.Number("hardBookedHours"),
            team.Number("assignedHours")).ShouldBe((generic, world.Ashley, "Ashley", "Solution Architect", false, 40m, 40m));
        (await client.GetOkAsync($"projects/{world.Project}/assignments")).EnumerateArray().ShouldHaveSingleItem().Id("resourceId").ShouldBe(world.Ashley);

        // Ashley's week on the board: 40 of 40 h hard-booked.
        var board = await client.GetOkAsync($"schedule-board?from=2018-02-05&weeks=2&resourceId={world.Ashley}");
        var weeks = board.GetProperty("resources").GetProperty("items").EnumerateArray().ShouldHaveSingleItem().GetProperty("weeks").EnumerateArray().ToList();
        (weeks[0].Number("capacity"), weeks[0].Number("hardBooked"), weeks[0].Text("state")).ShouldBe((40m, 40m, "Hard"));
        (weeks[1].Number("capacity"), weeks[1].Number("hardBooked"), weeks[1].Text("state")).ShouldBe((40m, 0m, "Free"));

        // Estimates for the week: 40 h, cost 40 x the architect's cost rate, sales 40 x the sales rate.
        var estimate = await client.GetOkAsync($"projects/{world.Project}/estimates?period=Week&rows=Resource&from=2018-02-05&to=2018-02-11");
        var row = estimate.GetProperty("rows").EnumerateArray().ShouldHaveSingleItem();
        row.Text("label").ShouldBe("Ashley");
        var total = estimate.GetProperty("total");
        (total.Number("hours"), total.Number("cost"), total.Number("sales")).ShouldBe((40m, 3_600.00m, 7_200.00m));
        (estimate.Text("costCurrency"), estimate.Text("salesCurrency")).ShouldBe(("USD", "USD"));

        // Ashley has 32 h of chargeable time approved that week: utilization 32 / 40 = 80%.
        await world.ApprovedTimeAsync(world.Ashley, design, 480, "2018-02-05", "2018-02-06", "2018-02-07", "2018-02-08");
        var utilization = await client.GetOkAsync($"utilization?from=2018-02-05&to=2018-02-11&period=Week&resourceId={world.Ashley}");
        var week = utilization.GetProperty("resources").GetProperty("items").EnumerateArray().ShouldHaveSingleItem().GetProperty("periods")[0];
        (week.Number("capacity"), week.Number("hardBooked"), week.Number("softBooked"), week.Number("actualHours"), week.Number("chargeableHours"),
            week.Number("chargeableUtilization")).ShouldBe((40m, 40m, 0m, 32m, 32m, 80m));

        // The plan rolls the actuals up on the task: 32 h at cost and at sales.
        var task = (await client.GetOkAsync($"projects/{world.Project}/plan")).GetProperty("tasks").EnumerateArray().ShouldHaveSingleItem();
        (task.Text("wbsId"), task.Number("plannedCost"), task.Number("plannedSales"), task.Number("actualCost"), task.Number("actualSales"))
            .ShouldBe(("1", 3_600.00m, 7_200.00m, 32 * PlanningWorld.ArchitectCost, 32 * PlanningWorld.ArchitectSales));
    }
}
