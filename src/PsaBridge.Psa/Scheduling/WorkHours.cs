using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PsaBridge.Psa.Resources;

namespace PsaBridge.Psa.Scheduling;

/// <summary>
/// A resource's own work hours (its calendar's weekly pattern, as <c>msdyn_workhourtemplate</c> would set it): hours per
/// weekday. A resource without a row works the default, 8 hours Monday to Friday (Project Service's default is unsourced;
/// the issue names this one).
/// </summary>
public sealed class WorkHours
{
    public Guid ResourceId { get; set; }
    public decimal Monday { get; set; }
    public decimal Tuesday { get; set; }
    public decimal Wednesday { get; set; }
    public decimal Thursday { get; set; }
    public decimal Friday { get; set; }
    public decimal Saturday { get; set; }
    public decimal Sunday { get; set; }

    /// <summary>Hours per day of the week, indexed by <see cref="DayOfWeek"/> (Sunday first).</summary>
    public decimal[] ByDayOfWeek() => [Sunday, Monday, Tuesday, Wednesday, Thursday, Friday, Saturday];
}

/// <summary>A day a resource does not work (out of office, a holiday): no capacity that day.</summary>
public sealed class DayOff
{
    public const int DescriptionLength = 200;

    public Guid Id { get; set; }
    public Guid ResourceId { get; set; }
    public DateOnly Date { get; set; }
    public string? Description { get; set; }
}

internal sealed class WorkHoursConfiguration : IEntityTypeConfiguration<WorkHours>
{
    public void Configure(EntityTypeBuilder<WorkHours> b)
    {
        b.ToTable("WorkHours");
        b.HasKey(w => w.ResourceId);
        b.HasOne<BookableResource>().WithOne().HasForeignKey<WorkHours>(w => w.ResourceId).OnDelete(DeleteBehavior.Cascade);
        foreach (var day in new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday" })
            b.Property<decimal>(day).HasPrecision(5, 2);
    }
}

internal sealed class DayOffConfiguration : IEntityTypeConfiguration<DayOff>
{
    public void Configure(EntityTypeBuilder<DayOff> b)
    {
        b.ToTable("DaysOff");
        b.HasKey(d => d.Id);
        b.Property(d => d.Id).ValueGeneratedNever();
        b.Property(d => d.Description).HasMaxLength(DayOff.DescriptionLength);
        b.HasOne<BookableResource>().WithMany().HasForeignKey(d => d.ResourceId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(d => new { d.ResourceId, d.Date }).IsUnique();
    }
}
