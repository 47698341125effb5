using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PsaBridge.Psa.Actuals;
using PsaBridge.Psa.OrganizationalUnits;
using PsaBridge.Psa.Projects;
using PsaBridge.Psa.Resources;

namespace PsaBridge.Psa.Time;

/// <summary>Time entry <c>msdyn_entrystatus</c>. Time has no Rejected: a rejected entry is Returned.</summary>
public enum TimeEntryStatus
{
    Draft = 192350000,
    Returned = 192350001,
    Approved = 192350002,
    Submitted = 192350003,
    RecallRequested = 192350004,
    Cancelled = 192354320,
}

/// <summary>Time entry <c>msdyn_type</c>.</summary>
public enum TimeEntryType { Work = 192350000, Absence = 192350001, Vacation = 192350002, Overtime = 192354320, OnBreak = 192355000, Travel = 192355001 }

/// <summary>
/// A time entry (<c>msdyn_timeentry</c>). Saving or submitting it creates no actual; submitting
/// prices it into a journal, approving posts the journal as actuals.
/// </summary>
public sealed class TimeEntry : IApprovableEntry<TimeEntryStatus>
{
    public const int DescriptionLength = 500;

    /// <summary>At most one day (<c>msdyn_duration</c> is minutes).</summary>
    public const int MaxDuration = 24 * 60;

    public Guid Id { get; set; }
    public DateOnly Date { get; set; }

    /// <summary>Minutes, as Dataverse keeps it.</summary>
    public int Duration { get; set; }

    public Guid ResourceId { get; set; }
    public Guid ProjectId { get; set; }
    public Guid? TaskId { get; set; }
    public Guid RoleId { get; set; }

    /// <summary>The resourcing unit (<c>msdyn_resourceorganizationalunitid</c>), from the team member or the resource.</summary>
    public Guid ResourceOrganizationalUnitId { get; set; }

    public TimeEntryType Type { get; set; } = TimeEntryType.Work;
    public TimeEntryStatus EntryStatus { get; set; } = TimeEntryStatus.Draft;

    TimeEntryStatus IApprovableEntry<TimeEntryStatus>.Status { get => EntryStatus; set => EntryStatus = value; }
    public string? Description { get; set; }
    public string? ExternalDescription { get; set; }

    /// <summary>The approver's comment on the last decision (approved, returned, recall approved or refused).</summary>
    public string? ApprovalComment { get; set; }

    public DateTime CreatedOn { get; set; }
    public DateTime ModifiedOn { get; set; }

    /// <summary>Hours, the unit role prices are quoted in.</summary>
    public decimal Hours => Duration / 60m;
}

internal sealed class TimeEntryConfiguration : IEntityTypeConfiguration<TimeEntry>
{
    public void Configure(EntityTypeBuilder<TimeEntry> b)
    {
        b.ToTable("TimeEntries");
        b.HasKey(t => t.Id);
        b.Property(t => t.Id).ValueGeneratedNever();
        b.Property(t => t.Description).HasMaxLength(TimeEntry.DescriptionLength);
        b.Property(t => t.ExternalDescription).HasMaxLength(TimeEntry.DescriptionLength);
        b.Property(t => t.ApprovalComment).HasMaxLength(Actuals.ApprovalDecision.CommentLength);
        b.Ignore(t => t.Hours);
        b.Property(t => t.EntryStatus).IsConcurrencyToken();
        b.HasOne<BookableResource>().WithMany().HasForeignKey(t => t.ResourceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Project>().WithMany().HasForeignKey(t => t.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ProjectTask>().WithMany().HasForeignKey(t => t.TaskId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Role>().WithMany().HasForeignKey(t => t.RoleId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrganizationalUnit>().WithMany().HasForeignKey(t => t.ResourceOrganizationalUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(t => new { t.ResourceId, t.Date });
        b.HasIndex(t => t.EntryStatus);
    }
}
