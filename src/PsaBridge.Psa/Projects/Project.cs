using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PsaBridge.Psa.Accounts;
using PsaBridge.Psa.Actuals;
using PsaBridge.Psa.OrganizationalUnits;
using PsaBridge.Psa.Resources;

namespace PsaBridge.Psa.Projects;

/// <summary>Project <c>statuscode</c>.</summary>
public enum ProjectStatus { Active = 1, Inactive = 2, Closed = 192350000 }

/// <summary>
/// A project (<c>msdyn_project</c>): the work and cost side. A project with a customer or a contract
/// line earns unbilled sales; one without (an internal or presales project) posts cost only.
/// </summary>
public sealed class Project
{
    public const int NameLength = 200;

    public Guid Id { get; set; }

    /// <summary>The project name (<c>msdyn_subject</c>).</summary>
    public required string Name { get; set; }

    public Guid? CustomerId { get; set; }

    /// <summary>The contract whose lines bill this project (<c>msdyn_salesorderid</c>); set when a contract line names the project.</summary>
    public Guid? ContractId { get; set; }

    public Guid ContractingUnitId { get; set; }
    public Guid? ProjectManagerId { get; set; }
    public DateOnly? ScheduledStart { get; set; }
    public DateOnly? ScheduledEnd { get; set; }
    public ProjectStatus StatusCode { get; set; } = ProjectStatus.Active;
    public DateTime CreatedOn { get; set; }
    public List<ProjectTask> Tasks { get; set; } = [];
    public List<ProjectTeamMember> TeamMembers { get; set; } = [];
}

/// <summary>
/// A project task (<c>msdyn_projecttask</c>), a node of the work breakdown. A task with children is a summary task: its
/// dates, effort and planned cost and sales are its children's, rolled up (<see cref="WorkBreakdown"/>).
/// </summary>
public sealed class ProjectTask
{
    public const int NameLength = 200, WbsIdLength = 20;

    public Guid Id { get; set; }
    public Guid ProjectId { get; set; }

    /// <summary>The summary task above this one (<c>msdyn_parenttask</c>); none for a top-level task.</summary>
    public Guid? ParentTaskId { get; set; }

    public required string Name { get; set; }

    /// <summary>The outline number (1, 1.1, 1.2, 2 ...), kept in order as tasks are added, moved and removed.</summary>
    public string? WbsId { get; set; }

    public DateOnly? ScheduledStart { get; set; }
    public DateOnly? ScheduledEnd { get; set; }

    /// <summary>Hours of work (<c>msdyn_effort</c>).</summary>
    public decimal? Effort { get; set; }

    /// <summary>Percent complete, 0 to 100 (<c>msdyn_progress</c>).</summary>
    public decimal Progress { get; set; }

    /// <summary>The planned cost (<c>msdyn_plannedcost</c>) from the assignments, in the contracting unit's currency.</summary>
    public decimal PlannedCost { get; set; }

    /// <summary>The planned sales (<c>msdyn_plannedsales</c>) from the assignments, in the contract's currency.</summary>
    public decimal PlannedSales { get; set; }

    /// <summary>Whether the task had subtasks at the last rollup, so its own values below are kept.</summary>
    public bool IsSummary { get; set; }

    /// <summary>The task's own start, end, effort and progress from before it became a summary task, given back when its last subtask leaves.</summary>
    public DateOnly? OwnScheduledStart { get; set; }

    public DateOnly? OwnScheduledEnd { get; set; }
    public decimal? OwnEffort { get; set; }
    public decimal? OwnProgress { get; set; }
}

/// <summary>
/// A project team member (<c>msdyn_projectteam</c>): a named resource in a role, or a generic member (a role with no
/// resource yet) whose requirement a resource manager books.
/// </summary>
public sealed class ProjectTeamMember
{
    public Guid Id { get; set; }
    public Guid ProjectId { get; set; }

    /// <summary>The bookable resource; none for a generic member.</summary>
    public Guid? ResourceId { get; set; }

    public Guid RoleId { get; set; }

    /// <summary>The resourcing unit (<c>msdyn_organizationalunit</c>).</summary>
    public Guid OrganizationalUnitId { get; set; }

    public BillingType? BillingType { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }

    /// <summary>The hours the member is on the project for (<c>msdyn_hours</c>).</summary>
    public decimal? Hours { get; set; }

    /// <summary>Committed booking hours (<c>msdyn_hardbookedhours</c>), rolled up from the member's bookings.</summary>
    public decimal HardBookedHours { get; set; }

    /// <summary>Proposed booking hours (<c>msdyn_softbookedhours</c>), rolled up from the member's bookings.</summary>
    public decimal SoftBookedHours { get; set; }

    public bool IsGeneric => ResourceId is null;
}

internal sealed class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> b)
    {
        b.ToTable("Projects");
        b.HasKey(p => p.Id);
        b.Property(p => p.Id).ValueGeneratedNever();
        b.Property(p => p.Name).HasMaxLength(Project.NameLength);
        b.HasOne<Account>().WithMany().HasForeignKey(p => p.CustomerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrganizationalUnit>().WithMany().HasForeignKey(p => p.ContractingUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<BookableResource>().WithMany().HasForeignKey(p => p.ProjectManagerId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => p.ContractId);
        b.HasMany(p => p.Tasks).WithOne().HasForeignKey(t => t.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.TeamMembers).WithOne().HasForeignKey(t => t.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProjectTaskConfiguration : IEntityTypeConfiguration<ProjectTask>
{
    public void Configure(EntityTypeBuilder<ProjectTask> b)
    {
        b.ToTable("ProjectTasks");
        b.HasKey(t => t.Id);
        b.Property(t => t.Id).ValueGeneratedNever();
        b.Property(t => t.Name).HasMaxLength(ProjectTask.NameLength);
        b.Property(t => t.WbsId).HasMaxLength(ProjectTask.WbsIdLength);
        b.Property(t => t.Effort).HasPrecision(19, 4);
        b.Property(t => t.Progress).HasPrecision(5, 2);
        b.Property(t => t.PlannedCost).HasPrecision(19, 4);
        b.Property(t => t.PlannedSales).HasPrecision(19, 4);
        b.Property(t => t.OwnEffort).HasPrecision(19, 4);
        b.Property(t => t.OwnProgress).HasPrecision(5, 2);
        b.HasOne<ProjectTask>().WithMany().HasForeignKey(t => t.ParentTaskId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProjectTeamMemberConfiguration : IEntityTypeConfiguration<ProjectTeamMember>
{
    public void Configure(EntityTypeBuilder<ProjectTeamMember> b)
    {
        b.ToTable("ProjectTeamMembers");
        b.HasKey(t => t.Id);
        b.Property(t => t.Id).ValueGeneratedNever();
        b.Property(t => t.Hours).HasPrecision(19, 4);
        b.Property(t => t.HardBookedHours).HasPrecision(19, 4);
        b.Property(t => t.SoftBookedHours).HasPrecision(19, 4);
        b.Ignore(t => t.IsGeneric);
        b.HasOne<BookableResource>().WithMany().HasForeignKey(t => t.ResourceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Role>().WithMany().HasForeignKey(t => t.RoleId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrganizationalUnit>().WithMany().HasForeignKey(t => t.OrganizationalUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
