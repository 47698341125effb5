using PsaBridge.Infrastructure.Validation;

namespace PsaBridge.Psa.Sales.InvoiceFrequencies;

/// <summary>One row of a generated invoice schedule: the run date and the last transaction date it takes.</summary>
public sealed record ScheduledRun(DateOnly InvoiceRunDate, DateOnly TransactionCutoffDate);

/// <summary>
/// Invoice schedules and periodic milestones from a line's invoice frequency, billing start date and
/// requested delivery date (reference sales-and-resourcing.md A1, A2). The transaction cut-off date is the
/// day before the run date. Microsoft does not say whether the first and last runs may fall on the start and
/// delivery dates; here both bounds are inclusive. Plain code over plain objects.
/// </summary>
public static class InvoiceSchedules
{
    public static IReadOnlyList<ScheduledRun> Generate(InvoiceFrequency frequency, DateOnly billingStart, DateOnly deliveryDate) =>
        RunDates(frequency, billingStart, deliveryDate).Select(d => new ScheduledRun(d, d.AddDays(-1))).ToList();

    public static IReadOnlyList<DateOnly> RunDates(InvoiceFrequency frequency, DateOnly start, DateOnly end)
    {
        if (end < start) throw new ValidationFailedException("requestedDeliveryDate", $"Requested delivery date {end:yyyy-MM-dd} is before billing start date {start:yyyy-MM-dd}.");
        var dates = new SortedSet<DateOnly>();
        switch (frequency.Period)
        {
            case InvoicePeriod.Weekly or InvoicePeriod.Biweekly:
                var weekday = frequency.Details.Single().Weekday!.Value;
                var step = frequency.Period == InvoicePeriod.Weekly ? 7 : 14;
                for (var d = Next(start, weekday); d <= end; d = d.AddDays(step)) dates.Add(d);
                break;
            case InvoicePeriod.Monthly:
                for (var month = new DateOnly(start.Year, start.Month, 1); month <= end; month = month.AddMonths(1))
                    foreach (var detail in frequency.Details)
                        if (DayIn(month, frequency.DaysOfRun, detail) is { } d && d >= start && d <= end) dates.Add(d);
                break;
        }
        return dates.ToList();
    }

    /// <summary>Whether a frequency's runs are set up as its period allows; each message names the field at fault.</summary>
    public static Rules Check(Rules rules, InvoicePeriod? period, int? runs, DaysOfRun? daysOfRun, IReadOnlyList<(int? Day, Weekday? Weekday, WeekdayOccurrence? Occurrence)> details)
    {
        if (period is InvoicePeriod.Weekly or InvoicePeriod.Biweekly)
        {
            if (runs is not null and not 1) rules.Add("runsPerPeriod", $"'runsPerPeriod' is {runs}; a {period} frequency runs once a period.");
            if (daysOfRun is DaysOfRun.DayOfPeriod) rules.Add("daysOfRun", $"A {period} frequency runs on a weekday; set 'daysOfRun' to WeekdayOfPeriod.");
        }
        if (period is InvoicePeriod.Monthly && runs is < 1 or > 4) rules.Add("runsPerPeriod", $"'runsPerPeriod' is {runs}; a monthly frequency runs 1 to 4 times a month.");
        var expected = period is InvoicePeriod.Monthly ? runs ?? 1 : 1;
        if (details.Count != expected) rules.Add("details", $"The frequency runs {expected} time(s) a period, so it needs {expected} detail row(s); {details.Count} given.");
        var byWeekday = daysOfRun == DaysOfRun.WeekdayOfPeriod || period is InvoicePeriod.Weekly or InvoicePeriod.Biweekly;
        for (var i = 0; i < details.Count; i++)
        {
            var (day, weekday, occurrence) = details[i];
            var f = $"details[{i}].";
            if (byWeekday)
            {
                if (weekday is null) rules.Add(f + "weekday", $"'{f}weekday' is required: the frequency runs on weekdays.");
                else if (!Enum.IsDefined(weekday.Value)) rules.Add(f + "weekday", $"'{f}weekday' is '{weekday}', which is not a weekday.");
                if (period is InvoicePeriod.Monthly && occurrence is null)
                    rules.Add(f + "occurrence", $"'{f}occurrence' is required: a monthly run on a weekday says which one (First to Fourth, or Last).");
                if (day is not null) rules.Add(f + "dayOfMonth", $"'{f}dayOfMonth' is for frequencies that run on calendar days.");
            }
            else
            {
                if (day is null) rules.Add(f + "dayOfMonth", $"'{f}dayOfMonth' is required: the frequency runs on calendar days.");
                else if (day is < 1 or > 31) rules.Add(f + "dayOfMonth", $"'{f}dayOfMonth' is {day}; it must be between 1 and 31 (31 is the last day of every month).");
                if (weekday is not null) rules.Add(f + "weekday", $"'{f}weekday' is for frequencies that run on weekdays.");
            }
        }
        return rules;
    }

    private static DateOnly Next(DateOnly from, Weekday weekday)
    {
        var target = (int)weekday - (int)Weekday.Sunday;
        return from.AddDays((target - (int)from.DayOfWeek + 7) % 7);
    }

    private static DateOnly? DayIn(DateOnly month, DaysOfRun daysOfRun, InvoiceFrequencyDetail detail)
    {
        var length = DateTime.DaysInMonth(month.Year, month.Month);
        if (daysOfRun == DaysOfRun.DayOfPeriod) return detail.DayOfMonth is { } day ? month.AddDays(Math.Min(day, length) - 1) : null;
        if (detail.Weekday is not { } weekday) return null;
        var first = Next(month, weekday);
        if (detail.Occurrence == WeekdayOccurrence.Last)
        {
            var last = first;
            while (last.AddDays(7).Month == month.Month) last = last.AddDays(7);
            return last;
        }
        var nth = first.AddDays(7 * ((int)(detail.Occurrence ?? WeekdayOccurrence.First) - (int)WeekdayOccurrence.First));
        return nth.Month == month.Month ? nth : null;
    }
}
