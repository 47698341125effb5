using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PsaBridge.Psa.Projects;
using PsaBridge.Psa.Resources;

namespace PsaBridge.Psa.Scheduling;

/// <summary>
/// <c>bookingstatus.status</c>. Committed is Project Service's Hard booking, which takes capacity; Proposed stands for
/// its Soft booking, which takes none (the reference marks the Soft record's status as inferred, not sourced).
/// </summary>
public enum BookingStatus { Proposed = 1, Committed = 2, Canceled = 3 }

/// <summary>
/// A booking (<c>bookableresourcebookingheader</c>): a resource booked on a project (and team member) for a window and
/// hours, laid over the days by its allocation method into <see cref="Booking"/> lines. <see cref="OverbookedHours"/> is
/// how far its committed days go beyond the resource's capacity: allowed, but flagged.
/// </summary>
public sealed class BookingHeader
{
    public Guid Id { get; set; }
    public Guid ProjectId { get; set; }
    public Guid? TeamMemberId { get; set; }
    public Guid ResourceId { get; set; }
    public Guid? RequirementId { get; set; }
    public Guid? RoleId { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }

    /// <summary>The hours of its lines (<c>duration</c>, which Dataverse keeps in minutes).</summary>
    public decimal Hours { get; set; }

    public BookingStatus Status { get; set; }
    public AllocationMethod AllocationMethod { get; set; }
    public decimal? Percentage { get; set; }
    public decimal OverbookedHours { get; set; }
    public DateTime CreatedOn { get; set; }
    public DateTime ModifiedOn { get; set; }
    public List<Booking> Lines { get; set; } = [];

    public bool IsOverbooked => OverbookedHours > 0;
}

/// <summary>One day of a booking (<c>bookableresourcebooking</c>): the resource, the day and the hours, with the booking's status.</summary>
public sealed class Booking
{
    public Guid Id { get; set; }
    public Guid HeaderId { get; set; }
    public Guid ResourceId { get; set; }
    public Guid ProjectId { get; set; }
    public DateOnly Date { get; set; }
    public decimal Hours { get; set; }
    public BookingStatus Status { get; set; }
}

internal sealed class BookingHeaderConfiguration : IEntityTypeConfiguration<BookingHeader>
{
    public void Configure(EntityTypeBuilder<BookingHeader> b)
    {
        b.ToTable("BookingHeaders");
        b.HasKey(h => h.Id);
        b.Property(h => h.Id).ValueGeneratedNever();
        b.Property(h => h.Hours).HasPrecision(19, 4);
        b.Property(h => h.Percentage).HasPrecision(9, 4);
        b.Property(h => h.OverbookedHours).HasPrecision(19, 4);
        b.Ignore(h => h.IsOverbooked);
        b.HasOne<Project>().WithMany().HasForeignKey(h => h.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ProjectTeamMember>().WithMany().HasForeignKey(h => h.TeamMemberId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<BookableResource>().WithMany().HasForeignKey(h => h.ResourceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ResourceRequirement>().WithMany().HasForeignKey(h => h.RequirementId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Role>().WithMany().HasForeignKey(h => h.RoleId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(h => h.Lines).WithOne().HasForeignKey(l => l.HeaderId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(h => h.ProjectId);
        b.HasIndex(h => h.TeamMemberId);
        b.HasIndex(h => new { h.ResourceId, h.StartDate });
        b.HasIndex(h => h.RequirementId);
        b.HasIndex(h => h.RoleId);
    }
}

internal sealed class BookingConfiguration : IEntityTypeConfiguration<Booking>
{
    public void Configure(EntityTypeBuilder<Booking> b)
    {
        b.ToTable("Bookings");
        b.HasKey(l => l.Id);
        b.Property(l => l.Id).ValueGeneratedNever();
        b.Property(l => l.Hours).HasPrecision(19, 4);
        b.HasOne<BookableResource>().WithMany().HasForeignKey(l => l.ResourceId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(l => l.HeaderId);
        // Both hold status and hours, so loads are summed from the index alone, by resources or by window (migration 0015).
        b.HasIndex(l => new { l.ResourceId, l.Date, l.Status, l.Hours });
        b.HasIndex(l => new { l.Date, l.ResourceId, l.Status, l.Hours });
    }
}
