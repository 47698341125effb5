using System.Globalization;
using PsaBridge.Cli.Infrastructure;
using PsaBridge.Psa.Projects;
using PsaBridge.Psa.Resources;
using PsaBridge.Psa.Sales;
using PsaBridge.Psa.Sales.Estimates;
using PsaBridge.Psa.Scheduling;
using PsaBridge.Psa.Time;
using PsaBridge.Testing;

namespace PsaBridge.Cli.Tests.Planning;

/// <summary>
/// <c>psabridge resources list</c> and <c>psabridge bookings list|board</c> over the week: Ashley committed 40 h and
/// 32 h of approved chargeable time in 2018-02-05..09, Ben proposed (soft) for 16 h.
/// </summary>
public sealed class PlanningCommandsTests
{
    [Fact]
    public async Task Resources_list_shows_capacity_bookings_and_chargeable_utilization_of_each_resource_for_the_window()
    {
        var databases = await TestDatabases.CreateAsync();
        var week = await Week.ArrangeAsync(databases);

        var list = await CliRun.RunAsync(databases, "resources", "list", "--from", "2018-02-05", "--to", "2018-02-11", "--format", "table");

        list.ExitCode.ShouldBe(ExitCodes.Ok, list.ToString());
        list.Output.ShouldContain("1-2 of 2 resources (page 1 of 1).");
        list.Row("Ashley").ShouldBe([week.Ashley.ToString(), "Ashley", "Contoso US", "40.00", "40.00", "0.00", "0.00", "32.00", "32.00", "80.00"]);
        list.Row("Ben").ShouldBe([week.Ben.ToString(), "Ben", "Contoso US", "40.00", "0.00", "16.00", "0.00", "0.00", "0.00", "0.00"]);

        var searched = await CliRun.RunAsync(databases, "resources", "list", "--from", "2018-02-05", "--to", "2018-02-11", "--search", "ben", "--format", "table");
        searched.Output.ShouldContain("1-1 of 1 resources (page 1 of 1).");
        searched.Output.ShouldNotContain("Ashley");

        var file = Path.Combine(Path.GetDirectoryName(CliRun.WriteFile("x.txt", ""))!, "resources.csv");
        var export = await CliRun.RunAsync(databases, "resources", "list", "--from", "2018-02-05", "--to", "2018-02-11", "--format", "csv", "--out", file);
        export.ExitCode.ShouldBe(ExitCodes.Ok, export.ToString());
        var lines = File.ReadAllLines(file);
        lines[0].ShouldStartWith("Id,Name,Resourcing unit,Capacity h,Hard-booked h,Soft-booked h,Over-booked h,Actual h,Chargeable h,Chargeable utilization %");
        Numbers(lines.Single(l => l.Contains(",Ashley,")), 3).ShouldBe([40m, 40m, 0m, 0m, 32m, 32m, 80m]);

        var backwards = await CliRun.RunAsync(databases, "resources", "list", "--from", "2018-02-11", "--to", "2018-02-05", "--format", "table");
        backwards.ExitCode.ShouldBe(ExitCodes.Failed);
        backwards.ErrorLines.ShouldBe(["error: to: To 2018-02-05 is before from 2018-02-11."]);
    }

    [Fact]
    public async Task Bookings_list_filters_by_resource_and_status_and_the_board_exports_every_resource_week_with_its_state()
    {
        var databases = await TestDatabases.CreateAsync();
        var week = await Week.ArrangeAsync(databases);

        var ashleys = await CliRun.RunAsync(databases, "bookings", "list", "--resource", week.Ashley.ToString(), "--format", "table");
        ashleys.ExitCode.ShouldBe(ExitCodes.Ok, ashleys.ToString());
        ashleys.Output.ShouldContain("1-1 of 1 bookings (page 1 of 1).");
        ashleys.Row("Ashley")[1..].ShouldBe(["Ashley", "Alpine CRM", "Solution Architect", "2018-02-05", "2018-02-09", "40.00", "Committed", "FullCapacity", "0.00"]);
        var proposed = await CliRun.RunAsync(databases, "bookings", "list", "--status", "Proposed", "--format", "table");
        proposed.Output.ShouldContain("1-1 of 1 bookings (page 1 of 1).");
        proposed.Row("Ben")[6..8].ShouldBe(["16.00", "Proposed"]);

        var file = Path.Combine(Path.GetDirectoryName(CliRun.WriteFile("x.txt", ""))!, "board.csv");
        var board = await CliRun.RunAsync(databases, "bookings", "board", "--from", "2018-02-07", "--weeks", "2", "--format", "csv", "--out", file);
        board.ExitCode.ShouldBe(ExitCodes.Ok, board.ToString());
        var lines = File.ReadAllLines(file);
        lines[0].ShouldBe("Resource,Resourcing unit,Week,Capacity h,Hard-booked h,Soft-booked h,Available h,State");
        lines[1..].Select(l => l.Split(',')).Select(c => (c[0], c[2], c[^1])).ShouldBe(
            [("Ashley", "2018-02-05", "Hard"), ("Ashley", "2018-02-12", "Free"), ("Ben", "2018-02-05", "Soft"), ("Ben", "2018-02-12", "Free")]);
        Numbers(lines[1], 3)[..4].ShouldBe([40m, 40m, 0m, 0m]);

        var tooLong = await CliRun.RunAsync(databases, "bookings", "board", "--weeks", "105", "--format", "table");
        tooLong.ExitCode.ShouldBe(ExitCodes.Failed);
        tooLong.ErrorLines.ShouldBe(["error: weeks: 'weeks' is 105; it must be between 1 and 104."]);
    }

    private static decimal[] Numbers(string csvLine, int from) =>
        csvLine.Split(',')[from..].Where(c => decimal.TryParse(c, CultureInfo.InvariantCulture, out _)).Select(c => decimal.Parse(c, CultureInfo.InvariantCulture)).ToArray();

    private sealed record Week(Guid Ashley, Guid Ben)
    {
        public static async Task<Week> ArrangeAsync(TestDatabasePair databases)
        {
            await using var world = await PricedWorld.ArrangeAsync(databases, "Contoso US", "Solution Architect", costRate: 90.00m, salesRate: 180.00m);
            T S<T>() where T : notnull => world.Get<T>();
            var (unit, role, customer) = (world.Unit, world.Role, world.Customer);
            var ashley = await S<ResourceService>().CreateResourceAsync(new ResourceInput("Ashley", ResourceType.User, unit.Id, role.Id));
            var ben = await S<ResourceService>().CreateResourceAsync(new ResourceInput("Ben", ResourceType.User, unit.Id, role.Id));
            var project = await S<ProjectService>().CreateAsync(new ProjectInput("Alpine CRM", unit.Id, customer.Id, ashley.Id,
                TeamMembers: [new TeamMemberInput(ashley.Id, role.Id), new TeamMemberInput(ben.Id, role.Id)]));
            await S<ContractService>().CreateAsync(new ContractInput("Alpine CRM", customer.Id, unit.Id,
                Lines: [new SalesLineInput("CRM implementation", BillingMethod.TimeAndMaterial, project.Id, 50_000m)]));
            var bookings = S<BookingService>();
            await bookings.BookAsync(new BookingInput(ashley.Id, project.Id, new(2018, 2, 5), new(2018, 2, 9), RoleId: role.Id,
                AllocationMethod: AllocationMethod.FullCapacity, Status: BookingStatus.Committed));
            await bookings.BookAsync(new BookingInput(ben.Id, project.Id, new(2018, 2, 5), new(2018, 2, 6), 16m, RoleId: role.Id,
                AllocationMethod: AllocationMethod.DistributeEvenly, Status: BookingStatus.Proposed));
            var time = S<TimeEntryService>();
            foreach (var day in new[] { 5, 6, 7, 8 })
            {
                var entry = await time.CreateAsync(new TimeEntryInput(new DateOnly(2018, 2, day), 480, ashley.Id, project.Id, Description: "Design"));
                await time.SubmitAsync(entry.Id);
                await time.ApproveAsync(entry.Id);
            }
            return new Week(ashley.Id, ben.Id);
        }
    }
}
