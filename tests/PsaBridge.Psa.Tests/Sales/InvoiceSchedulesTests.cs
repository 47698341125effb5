using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.Sales.InvoiceFrequencies;

namespace PsaBridge.Psa.Tests.Sales;

public sealed class InvoiceSchedulesTests
{
    private static readonly DateOnly February1 = new(2018, 2, 1), April30 = new(2018, 4, 30);

    private static InvoiceFrequency Frequency(InvoicePeriod period, DaysOfRun days, params InvoiceFrequencyDetail[] details) =>
        new() { Name = "f", Period = period, DaysOfRun = days, RunsPerPeriod = details.Length, Details = [.. details] };

    private static string[] Dates(IEnumerable<DateOnly> dates) => dates.Select(d => d.ToString("yyyy-MM-dd")).ToArray();

    [Fact]
    public void Monthly_on_the_last_day_runs_on_each_months_last_day_with_the_day_before_as_cut_off()
    {
        var monthly = Frequency(InvoicePeriod.Monthly, DaysOfRun.DayOfPeriod, new InvoiceFrequencyDetail { DayOfMonth = 31 });

        var runs = InvoiceSchedules.Generate(monthly, February1, April30);

        runs.Select(r => (r.InvoiceRunDate.ToString("yyyy-MM-dd"), r.TransactionCutoffDate.ToString("yyyy-MM-dd")))
            .ShouldBe([("2018-02-28", "2018-02-27"), ("2018-03-31", "2018-03-30"), ("2018-04-30", "2018-04-29")]);
    }

    [Fact]
    public void Weekly_runs_every_friday_and_bi_weekly_every_second_friday_from_the_billing_start()
    {
        var weekly = Frequency(InvoicePeriod.Weekly, DaysOfRun.WeekdayOfPeriod, new InvoiceFrequencyDetail { Weekday = Weekday.Friday });
        var biweekly = Frequency(InvoicePeriod.Biweekly, DaysOfRun.WeekdayOfPeriod, new InvoiceFrequencyDetail { Weekday = Weekday.Friday });

        Dates(InvoiceSchedules.RunDates(weekly, February1, new DateOnly(2018, 2, 28))).ShouldBe(["2018-02-02", "2018-02-09", "2018-02-16", "2018-02-23"]);
        Dates(InvoiceSchedules.RunDates(biweekly, February1, new DateOnly(2018, 3, 31))).ShouldBe(["2018-02-02", "2018-02-16", "2018-03-02", "2018-03-16", "2018-03-30"]);
    }

    [Fact]
    public void Semi_monthly_runs_on_the_15th_and_the_last_day_and_a_custom_day_clamps_to_short_months()
    {
        var semi = Frequency(InvoicePeriod.Monthly, DaysOfRun.DayOfPeriod, new InvoiceFrequencyDetail { DayOfMonth = 15 }, new InvoiceFrequencyDetail { DayOfMonth = 31 });
        var thirtieth = Frequency(InvoicePeriod.Monthly, DaysOfRun.DayOfPeriod, new InvoiceFrequencyDetail { DayOfMonth = 30 });

        Dates(InvoiceSchedules.RunDates(semi, February1, April30)).ShouldBe(["2018-02-15", "2018-02-28", "2018-03-15", "2018-03-31", "2018-04-15", "2018-04-30"]);
        Dates(InvoiceSchedules.RunDates(thirtieth, February1, April30)).ShouldBe(["2018-02-28", "2018-03-30", "2018-04-30"]);
    }

    [Fact]
    public void A_monthly_run_on_a_weekday_takes_its_occurrence_first_to_last()
    {
        var firstMonday = Frequency(InvoicePeriod.Monthly, DaysOfRun.WeekdayOfPeriod, new InvoiceFrequencyDetail { Weekday = Weekday.Monday, Occurrence = WeekdayOccurrence.First });
        var lastFriday = Frequency(InvoicePeriod.Monthly, DaysOfRun.WeekdayOfPeriod, new InvoiceFrequencyDetail { Weekday = Weekday.Friday, Occurrence = WeekdayOccurrence.Last });

        Dates(InvoiceSchedules.RunDates(firstMonday, February1, April30)).ShouldBe(["2018-02-05", "2018-03-05", "2018-04-02"]);
        Dates(InvoiceSchedules.RunDates(lastFriday, February1, April30)).ShouldBe(["2018-02-23", "2018-03-30", "2018-04-27"]);
    }

    [Fact]
    public void The_billing_start_and_delivery_date_both_count_and_a_delivery_before_the_start_is_refused()
    {
        var monthly = Frequency(InvoicePeriod.Monthly, DaysOfRun.DayOfPeriod, new InvoiceFrequencyDetail { DayOfMonth = 1 });
        Dates(InvoiceSchedules.RunDates(monthly, February1, new DateOnly(2018, 3, 1))).ShouldBe(["2018-02-01", "2018-03-01"]);

        Should.Throw<ValidationFailedException>(() => InvoiceSchedules.RunDates(monthly, April30, February1))
            .Errors.Single().Field.ShouldBe("requestedDeliveryDate");
    }

    [Fact]
    public void A_frequency_is_checked_against_what_its_period_allows()
    {
        var rules = InvoiceSchedules.Check(new Rules(), InvoicePeriod.Weekly, 2, DaysOfRun.DayOfPeriod, [(5, null, null)]);
        rules.Errors.Select(e => e.Field).ShouldBe(["runsPerPeriod", "daysOfRun", "details[0].weekday", "details[0].dayOfMonth"]);

        var monthly = InvoiceSchedules.Check(new Rules(), InvoicePeriod.Monthly, 2, DaysOfRun.DayOfPeriod, [(15, null, null), (32, null, null)]);
        monthly.Errors.Single().ShouldBe(new FieldError("details[1].dayOfMonth", "'details[1].dayOfMonth' is 32; it must be between 1 and 31 (31 is the last day of every month)."));
    }
}
