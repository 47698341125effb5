using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.Projects;
using PsaBridge.Psa.Scheduling;

namespace PsaBridge.Psa.Tests.Planning;

/// <summary>Bookings laid over days by allocation method, matching resources to a requirement, the estimates grid and utilization.</summary>
public sealed class SchedulingRulesTests
{
    private static readonly DateOnly Monday = new(2018, 2, 5);

    /// <summary>A week: Monday to Friday 8 h, the weekend none; <paramref name="committed"/> hours already booked each weekday.</summary>
    private static List<DayLoad> Week(decimal committed = 0m) =>
        Enumerable.Range(0, 7).Select(i => new DayLoad(Monday.AddDays(i), i < 5 ? 8m : 0m, i < 5 ? committed : 0m)).ToList();

    [Fact]
    public void Full_capacity_takes_every_working_day_whole_and_percentage_capacity_its_share()
    {
        BookingAllocation.Allocate(AllocationMethod.FullCapacity, Week(), null, null).Sum(d => d.Hours).ShouldBe(40m);
        var half = BookingAllocation.Allocate(AllocationMethod.PercentageCapacity, Week(), null, 50m);
        half.Select(d => d.Hours).ShouldBe([4m, 4m, 4m, 4m, 4m]);
        Should.Throw<ValidationFailedException>(() => BookingAllocation.Allocate(AllocationMethod.PercentageCapacity, Week(), null, null)).Errors[0].Field
            .ShouldBe("percentage");
    }

    [Fact]
    public void Evenly_distributed_hours_ignore_what_is_booked_and_may_overbook_which_is_counted()
    {
        var days = Week(committed: 6m);

        var lines = BookingAllocation.Allocate(AllocationMethod.DistributeEvenly, days, 20m, null);

        lines.Select(d => d.Hours).ShouldBe([4m, 4m, 4m, 4m, 4m]);
        BookingAllocation.Overbooked(days, lines).ShouldBe(10m); // 2 h over capacity each of five days
        BookingAllocation.Overbooked(Week(), lines).ShouldBe(0m);
    }

    [Fact]
    public void Front_load_fills_free_capacity_first_and_refuses_hours_that_do_not_fit()
    {
        var days = Week(committed: 6m);

        BookingAllocation.Allocate(AllocationMethod.FrontLoad, days, 5m, null).ShouldBe([(Monday, 2m), (Monday.AddDays(1), 2m), (Monday.AddDays(2), 1m)]);
        var error = Should.Throw<ValidationFailedException>(() => BookingAllocation.Allocate(AllocationMethod.FrontLoad, days, 12m, null));
        error.Errors.ShouldHaveSingleItem().ShouldBe(new FieldError("hours",
            "Front load books only free capacity, and 2 of the 12 hours do not fit between 2018-02-05 and 2018-02-11."));
    }

    [Fact]
    public void A_window_without_capacity_cannot_be_booked()
    {
        var weekend = Week().Skip(5).ToList();

        var error = Should.Throw<ValidationFailedException>(() => BookingAllocation.Allocate(AllocationMethod.DistributeEvenly, weekend, 8m, null));

        error.Errors.ShouldHaveSingleItem().ShouldBe(new FieldError("resourceId",
            "The resource has no capacity between 2018-02-10 and 2018-02-11: its calendar gives no working hours there."));
    }

    [Fact]
    public void A_resource_matches_when_it_has_the_role_the_unit_and_each_characteristic_at_or_above_its_minimum()
    {
        var (architect, usUnit, india, csharp) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var criteria = new MatchCriteria(architect, "Solution Architect", usUnit, "Contoso US", [new WantedCharacteristic(csharp, "C#", 4, "Advanced")]);
        CandidateFacts Person(string name, bool role, Guid unit, int? rating) => new(Guid.NewGuid(), name, unit, unit == usUnit ? "Contoso US" : "Contoso India", role,
            rating is null ? new Dictionary<Guid, (int?, string?)>() : new Dictionary<Guid, (int?, string?)> { [csharp] = (rating, rating == 5 ? "Expert" : "Intermediate") });

        ResourceMatching.Reasons(criteria, Person("Ashley", true, usUnit, 5)).ShouldBeEmpty();
        ResourceMatching.Reasons(criteria, Person("Ashley", true, usUnit, 4)).ShouldBeEmpty();
        ResourceMatching.Reasons(criteria, Person("Ben", true, usUnit, 3)).ShouldBe(["C#: Ben is rated 3 (Intermediate), below the minimum 4 (Advanced)."]);
        ResourceMatching.Reasons(criteria, Person("Chen", false, usUnit, 4)).ShouldBe(["Role: Chen is not a Solution Architect."]);
        ResourceMatching.Reasons(criteria, Person("Dev", true, india, null))
            .ShouldBe(["Resourcing unit: Dev is in Contoso India, not Contoso US.", "C#: Dev has no C#."]);
    }

    [Fact]
    public void Matches_rank_by_available_hours_which_are_capacity_less_committed_bookings_only()
    {
        CandidateFacts Facts(string name) => new(Guid.NewGuid(), name, Guid.Empty, "Contoso US", true, new Dictionary<Guid, (int?, string?)>());
        var busy = ResourceMatching.Match(Facts("Ashley"), [], 40m, 30m, 0m);
        var soft = ResourceMatching.Match(Facts("Ben"), [], 40m, 0m, 40m);

        (soft.Available, soft.SoftBooked, busy.Available).ShouldBe((40m, 40m, 10m));
        ResourceMatching.Ranked([busy, soft]).Select(m => m.Name).ShouldBe(["Ben", "Ashley"]);
    }

    [Fact]
    public void The_estimates_grid_sums_days_into_periods_with_totals_by_row_and_by_column()
    {
        EstimateFact Day(int day, string row, decimal hours) => new(Monday.AddDays(day), row, row, row, hours, hours * 50m, hours * 100m);
        var facts = new[] { Day(0, "Design", 8m), Day(1, "Design", 8m), Day(7, "Design", 4m), Day(8, "Build", 6m) };

        var grid = EstimateGrid.Build(facts, PeriodLength.Week, EstimateRows.Task, "USD", "USD");

        grid.Columns.Select(c => c.Label).ShouldBe(["2018-02-05", "2018-02-12"]);
        grid.Rows.Select(r => (r.Label, r.Cells[0].Hours, r.Cells[1].Hours, r.Total.Hours)).ShouldBe([("Build", 0m, 6m, 6m), ("Design", 16m, 4m, 20m)]);
        grid.ColumnTotals.ShouldBe([new EstimateCell(16m, 800m, 1_600m), new EstimateCell(10m, 500m, 1_000m)]);
        grid.Total.ShouldBe(new EstimateCell(26m, 1_300m, 2_600m));
    }

    [Fact]
    public void Chargeable_utilization_is_chargeable_actual_hours_over_capacity_in_percent()
    {
        var week = new UtilizationFigures(40m, 40m, 0m, 32m, 32m);

        week.ChargeableUtilization.ShouldBe(80m);
        new UtilizationFigures(0m, 0m, 0m, 5m, 5m).ChargeableUtilization.ShouldBeNull();
        new UtilizationFigures(40m, 46m, 2m, 0m, 0m).Overbooked.ShouldBe(6m);
        week.Add(new UtilizationFigures(40m, 0m, 8m, 10m, 0m)).ShouldBe(new UtilizationFigures(80m, 40m, 8m, 42m, 32m));
    }
}
