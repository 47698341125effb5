using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PsaBridge.Psa.Sales.InvoiceFrequencies;

/// <summary><c>msdyn_period</c> of an invoice frequency.</summary>
public enum InvoicePeriod { Weekly = 192350000, Monthly = 192350001, Biweekly = 192350002 }

/// <summary><c>msdyn_daysofrun</c> ("Setup of runs"): calendar days, or weekdays of the period.</summary>
public enum DaysOfRun { DayOfPeriod = 192350000, WeekdayOfPeriod = 192350001 }

/// <summary><c>msdyn_weekday</c>.</summary>
public enum Weekday { Sunday = 192350000, Monday = 192350001, Tuesday = 192350002, Wednesday = 192350003, Thursday = 192350004, Friday = 192350005, Saturday = 192350006 }

/// <summary><c>msdyn_occurrenceofweekday</c>.</summary>
public enum WeekdayOccurrence { First = 192350000, Second = 192350001, Third = 192350002, Fourth = 192350003, Last = 192350004 }

/// <summary>
/// An invoice frequency (<c>msdyn_invoicefrequency</c>): how often a line's invoice runs come. Weekly and
/// bi-weekly run once a period on a weekday; monthly one to four times, on calendar days or on weekdays
/// (first Monday, last Friday). Its rows (<see cref="Details"/>) say which days.
/// </summary>
public sealed class InvoiceFrequency
{
    public const int NameLength = 100;

    // The frequencies the first sales migration ships (Microsoft ships none: they come with configuration data).
    public static readonly Guid WeeklyId = new("5a1e5000-0000-4000-8000-000000000001");
    public static readonly Guid BiweeklyId = new("5a1e5000-0000-4000-8000-000000000002");
    public static readonly Guid SemiMonthlyId = new("5a1e5000-0000-4000-8000-000000000003");
    public static readonly Guid MonthlyLastDayId = new("5a1e5000-0000-4000-8000-000000000004");

    public Guid Id { get; set; }
    public required string Name { get; set; }
    public InvoicePeriod Period { get; set; }

    /// <summary><c>msdyn_runspermonth</c> ("Runs per period"): 1 for weekly and bi-weekly, 1-4 for monthly.</summary>
    public int RunsPerPeriod { get; set; } = 1;

    public DaysOfRun DaysOfRun { get; set; }
    public DateTime CreatedOn { get; set; }
    public List<InvoiceFrequencyDetail> Details { get; set; } = [];
}

/// <summary>
/// One run of an invoice frequency (<c>msdyn_invoicefrequencydetail</c>): a calendar day of the month, or a
/// weekday (with its occurrence in a month). The day is kept as 1-31; Dataverse's <c>msdyn_dayofmonth</c>
/// is 192350000 plus the day. A day past a month's end runs on its last day, so 31 means "last day".
/// </summary>
public sealed class InvoiceFrequencyDetail
{
    public Guid Id { get; set; }
    public Guid InvoiceFrequencyId { get; set; }
    public int? DayOfMonth { get; set; }
    public Weekday? Weekday { get; set; }
    public WeekdayOccurrence? Occurrence { get; set; }
}

internal sealed class InvoiceFrequencyConfiguration : IEntityTypeConfiguration<InvoiceFrequency>
{
    public void Configure(EntityTypeBuilder<InvoiceFrequency> b)
    {
        b.ToTable("InvoiceFrequencies");
        b.HasKey(f => f.Id);
        b.Property(f => f.Id).ValueGeneratedNever();
        b.Property(f => f.Name).HasMaxLength(InvoiceFrequency.NameLength);
        b.HasIndex(f => f.Name);
        b.HasMany(f => f.Details).WithOne().HasForeignKey(d => d.InvoiceFrequencyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InvoiceFrequencyDetailConfiguration : IEntityTypeConfiguration<InvoiceFrequencyDetail>
{
    public void Configure(EntityTypeBuilder<InvoiceFrequencyDetail> b)
    {
        b.ToTable("InvoiceFrequencyDetails");
        b.HasKey(d => d.Id);
        b.Property(d => d.Id).ValueGeneratedNever();
    }
}
