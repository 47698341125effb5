using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.Time;

namespace PsaBridge.Psa.Tests.Time;

/// <summary>The weekly time grid's rules, without a database.</summary>
public sealed class TimeSheetsTests
{
    private static readonly Guid Ashley = Guid.NewGuid(), Project = Guid.NewGuid(), Role = Guid.NewGuid();
    private static readonly DateOnly Monday = new(2018, 2, 5);
    private static readonly TimeSheetRowKey Row = new(Project, null, Role, TimeEntryType.Work);

    private static TimeEntry Entry(DateOnly date, int minutes, TimeEntryStatus status = TimeEntryStatus.Draft, TimeEntryType type = TimeEntryType.Work) => new()
    {
        Id = Guid.NewGuid(), Date = date, Duration = minutes, ResourceId = Ashley, ProjectId = Project, RoleId = Role, Type = type, EntryStatus = status,
        CreatedOn = new DateTime(2018, 2, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(date.DayNumber),
    };

    [Fact]
    public void A_week_runs_monday_to_sunday_with_one_row_per_project_task_role_and_type_and_totals_both_ways()
    {
        TimeSheets.MondayOf(new DateOnly(2018, 2, 11)).ShouldBe(Monday); // a Sunday
        TimeSheets.MondayOf(Monday).ShouldBe(Monday);
        var entries = new[]
        {
            Entry(Monday, 480), Entry(Monday.AddDays(1), 450), Entry(Monday.AddDays(1), 60, type: TimeEntryType.Travel),
            Entry(Monday.AddDays(7), 480), Entry(Monday, 480, TimeEntryStatus.Cancelled),
        };

        var sheet = TimeSheets.Build(Ashley, Monday, entries);

        sheet.Dates.Select(d => d.DayOfWeek).ShouldBe([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday,
            DayOfWeek.Saturday, DayOfWeek.Sunday]);
        sheet.Rows.Select(r => (r.Key.Type, r.Minutes, string.Join(",", r.Days.Select(d => d.Minutes)))).ShouldBe([
            (TimeEntryType.Work, 930, "480,450,0,0,0,0,0"), (TimeEntryType.Travel, 60, "0,60,0,0,0,0,0"),
        ]);
        (sheet.MinutesOn(Monday), sheet.MinutesOn(Monday.AddDays(1)), sheet.Minutes).ShouldBe((480, 510, 990));
    }

    [Fact]
    public void Saving_creates_new_hours_changes_and_removes_drafts_and_refuses_to_change_submitted_time()
    {
        var (monday, tuesday, wednesday) = (Entry(Monday, 480), Entry(Monday.AddDays(1), 480), Entry(Monday.AddDays(2), 480, TimeEntryStatus.Submitted));
        var sheet = TimeSheets.Build(Ashley, Monday, [monday, tuesday, wednesday]);

        var plan = TimeSheets.Plan(sheet, [new(Row, Monday, 480), new(Row, Monday.AddDays(1), 0), new(Row, Monday.AddDays(2), 480), new(Row, Monday.AddDays(3), 390)],
            c => c.Date.ToString("ddd"));

        plan.Create.ShouldBe([new TimeSheetCell(Row, Monday.AddDays(3), 390)]);
        plan.Update.ShouldBeEmpty();
        plan.Delete.ShouldBe([tuesday]);
        var refused = Should.Throw<ValidationFailedException>(() => TimeSheets.Plan(sheet, [new(Row, Monday.AddDays(2), 420), new(Row, Monday, 1500)], c => c.Date.ToString("ddd")));
        refused.Errors.Select(e => (e.Field, e.Message)).ShouldBe([
            ("Wed", "Wednesday's time is Submitted and cannot change; recall it first."), ("Mon", "25 hours is out of range: a day holds from 0 to 24 hours."),
        ]);
        TimeSheets.Plan(sheet, [new(Row, Monday, 420)], _ => "").Update.ShouldBe([(monday, 420)]);
    }

    [Fact]
    public void A_day_never_holds_more_than_24_hours_across_its_rows()
    {
        var sheet = TimeSheets.Build(Ashley, Monday, [Entry(Monday, 900, TimeEntryStatus.Approved)]);
        var travel = Row with { Type = TimeEntryType.Travel };
        Should.Throw<ValidationFailedException>(() => TimeSheets.Plan(sheet, [new(travel, Monday, 600)], _ => "")).Errors.Single()
            .ShouldBe(new FieldError("total.2018-02-05", "Monday would hold 25 hours; a day holds at most 24."));
    }

    [Fact]
    public void Copying_last_week_takes_its_rows_and_hours_a_week_later_where_this_week_is_empty()
    {
        var lastWeek = TimeSheets.Build(Ashley, Monday.AddDays(-7), [Entry(Monday.AddDays(-7), 480, TimeEntryStatus.Approved), Entry(Monday.AddDays(-6), 240)]);
        var thisWeek = TimeSheets.Build(Ashley, Monday, [Entry(Monday, 60)]);

        TimeSheets.CopyOfLastWeek(lastWeek, thisWeek).ShouldBe([new TimeSheetCell(Row, Monday.AddDays(1), 240)]);
    }

    [Theory]
    [InlineData("7.5", 450)]
    [InlineData("7,5", 450)]
    [InlineData("7:30", 450)]
    [InlineData(" 8 ", 480)]
    [InlineData("0", 0)]
    public void Hours_are_typed_as_decimals_or_hours_and_minutes(string text, int minutes) =>
        TimeSheets.ParseHours(text).ShouldBe((minutes, null));

    [Theory]
    [InlineData("seven")]
    [InlineData("7.51")]
    [InlineData("-1")]
    [InlineData("7:75")]
    [InlineData("1e9")]
    public void Anything_else_is_refused_in_words(string text) =>
        TimeSheets.ParseHours(text).ShouldBe((null, $"'{text}' is not a number of hours (such as 7.5 or 7:30, in whole minutes)."));
}
