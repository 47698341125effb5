using PsaBridge.Psa.Projects;
using PsaBridge.Psa.Scheduling;

namespace PsaBridge.Psa.Tests.Planning;

/// <summary>Effort split among assignees and laid over their working days; the planned work in Microsoft's form.</summary>
public sealed class WorkContourTests
{
    private static readonly DateOnly Monday = new(2018, 2, 5);

    [Fact]
    public void Effort_is_split_equally_and_what_rounding_leaves_goes_to_the_last_share()
    {
        WorkContour.Split(18m, 3).ShouldBe([6m, 6m, 6m]);
        WorkContour.Split(10m, 3).ShouldBe([3.33m, 3.33m, 3.34m]);
        WorkContour.Split(40m, 1).ShouldBe([40m]);
    }

    [Fact]
    public void Hours_are_laid_evenly_over_the_working_days_skipping_weekends_and_days_off()
    {
        var calendar = new WorkCalendar(daysOff: [Monday.AddDays(2)]);

        var slices = WorkContour.Spread(18m, calendar, Monday.AddDays(1), Monday.AddDays(4));

        slices.Select(s => (s.Date, s.Hours)).ShouldBe([(Monday.AddDays(1), 6m), (Monday.AddDays(3), 6m), (Monday.AddDays(4), 6m)]);
        WorkContour.Spread(8m, calendar, Monday.AddDays(5), Monday.AddDays(6)).ShouldBeEmpty();
    }

    [Fact]
    public void A_slice_runs_from_the_day_start_for_the_hours_the_calendar_has_that_day()
    {
        var chen = new WorkCalendar([0m, 4m, 4m, 4m, 4m, 4m, 0m]);

        var slice = WorkContour.Spread(20m, chen, Monday, Monday.AddDays(4))[0];

        (slice.Start, slice.End, slice.Hours).ShouldBe((new DateTime(2018, 2, 5, 8, 0, 0, DateTimeKind.Utc), new DateTime(2018, 2, 5, 12, 0, 0, DateTimeKind.Utc), 4m));
    }

    [Fact]
    public void Planned_work_is_written_as_Microsoft_writes_msdyn_plannedwork_and_read_back()
    {
        var slices = new[]
        {
            new WorkSlice(DateTimeOffset.FromUnixTimeMilliseconds(1543856400000).UtcDateTime, DateTimeOffset.FromUnixTimeMilliseconds(1543885200000).UtcDateTime, 8m),
            new WorkSlice(DateTimeOffset.FromUnixTimeMilliseconds(1544029200000).UtcDateTime, DateTimeOffset.FromUnixTimeMilliseconds(1544058000000).UtcDateTime, 2.5m),
        };

        var json = PlannedWork.Format(slices);

        json.ShouldBe("""[{"End":"\/Date(1543885200000)\/","Start":"\/Date(1543856400000)\/","Hours":8},{"End":"\/Date(1544058000000)\/","Start":"\/Date(1544029200000)\/","Hours":2.5}]""");
        PlannedWork.Parse(json).ShouldBe(slices);
    }

    [Fact]
    public void Capacity_is_what_the_calendar_gives_default_eight_hours_monday_to_friday()
    {
        WorkCalendar.Default.Capacity(Monday, Monday.AddDays(13)).ShouldBe(80m);
        new WorkCalendar([0m, 4m, 4m, 4m, 4m, 4m, 0m], [Monday]).Capacity(Monday, Monday.AddDays(6)).ShouldBe(16m);
    }

    [Fact]
    public void Periods_are_weeks_from_monday_or_calendar_months_cut_to_the_window()
    {
        Periods.Between(new DateOnly(2018, 2, 7), new DateOnly(2018, 2, 20), PeriodLength.Week)
            .ShouldBe([new DateWindow(new(2018, 2, 7), new(2018, 2, 11)), new DateWindow(new(2018, 2, 12), new(2018, 2, 18)), new DateWindow(new(2018, 2, 19), new(2018, 2, 20))]);
        var months = Periods.Between(new DateOnly(2018, 1, 15), new DateOnly(2018, 3, 31), PeriodLength.Month);
        months.Select(m => m.Label(PeriodLength.Month)).ShouldBe(["2018-01", "2018-02", "2018-03"]);
        (months[0].Start, months[1].End).ShouldBe((new DateOnly(2018, 1, 15), new DateOnly(2018, 2, 28)));
        Periods.IndexOf(months, new DateOnly(2018, 2, 14)).ShouldBe(1);
        Periods.IndexOf(months, new DateOnly(2018, 4, 1)).ShouldBe(-1);
    }
}
