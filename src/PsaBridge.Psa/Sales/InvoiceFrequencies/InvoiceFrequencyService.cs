using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Paging;
using PsaBridge.Infrastructure.Storage;
using PsaBridge.Infrastructure.Validation;

namespace PsaBridge.Psa.Sales.InvoiceFrequencies;

public sealed record InvoiceFrequencyDetailInput(int? DayOfMonth = null, Weekday? Weekday = null, WeekdayOccurrence? Occurrence = null);

public sealed record InvoiceFrequencyInput(string? Name, InvoicePeriod? Period, int? RunsPerPeriod = null, DaysOfRun? DaysOfRun = null,
    List<InvoiceFrequencyDetailInput>? Details = null);

/// <summary>Invoice frequencies: the shipped ones and those set up here (a custom day of month, the first Monday, ...).</summary>
public sealed class InvoiceFrequencyService(PsaDb db, TimeProvider clock)
{
    public async Task<InvoiceFrequency> CreateAsync(InvoiceFrequencyInput input, CancellationToken ct = default)
    {
        var rules = new Rules().Required("name", input.Name, InvoiceFrequency.NameLength).RequiredValue("period", input.Period).Defined("period", input.Period)
            .Defined("daysOfRun", input.DaysOfRun);
        var details = input.Details ?? [];
        for (var i = 0; i < details.Count; i++)
            if (details[i] is { } d) rules.Defined($"details[{i}].weekday", d.Weekday).Defined($"details[{i}].occurrence", d.Occurrence);
            else rules.Add($"details[{i}]", $"'details[{i}]' is empty.");
        var daysOfRun = input.DaysOfRun ?? (input.Period is InvoicePeriod.Monthly ? DaysOfRun.DayOfPeriod : DaysOfRun.WeekdayOfPeriod);
        var runs = input.RunsPerPeriod ?? (input.Period is InvoicePeriod.Monthly ? Math.Max(1, details.Count) : 1);
        if (rules.Ok) InvoiceSchedules.Check(rules, input.Period, runs, daysOfRun, details.Select(d => (d.DayOfMonth, d.Weekday, d.Occurrence)).ToList());
        rules.ThrowIfAny();
        var frequency = new InvoiceFrequency
        {
            Id = Ids.New(), Name = input.Name!.Trim(), Period = input.Period!.Value, RunsPerPeriod = runs, DaysOfRun = daysOfRun, CreatedOn = clock.GetUtcNow().UtcDateTime,
        };
        frequency.Details.AddRange(details.Select(d => new InvoiceFrequencyDetail
        {
            Id = Ids.New(), InvoiceFrequencyId = frequency.Id, DayOfMonth = d.DayOfMonth, Weekday = d.Weekday,
            Occurrence = input.Period == InvoicePeriod.Monthly ? d.Occurrence : null,
        }));
        db.Add(frequency);
        await db.SaveChangesAsync(ct);
        return frequency;
    }

    public async Task<InvoiceFrequency> GetAsync(Guid id, CancellationToken ct = default) =>
        await db.Set<InvoiceFrequency>().AsNoTracking().Include(f => f.Details).SingleOrDefaultAsync(f => f.Id == id, ct)
        ?? throw new NotFoundException("Invoice frequency", id.ToString());

    public Task<Page<InvoiceFrequency>> ListAsync(PageRequest page, CancellationToken ct = default) =>
        db.Set<InvoiceFrequency>().AsNoTracking().Include(f => f.Details).OrderBy(f => f.Name).ThenBy(f => f.Id).ToPageAsync(page, ct);
}
