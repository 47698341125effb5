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

/// <summary>A project task (<c>msdyn_projecttask</c>).</summary>
public sealed class ProjectTask
{
    public const int NameLength = 200;

    public Guid Id { get; set; }
    public Guid ProjectId { get; set; }
    public required string Name { get; set; }
    public string? WbsId { get; set; }
    public DateOnly? ScheduledStart { get; set; }
    public DateOnly? ScheduledEnd { get; set; }
    public decimal? Effort { get; set; }
}

/// <summary>A project team member (<c>msdyn_projectteam</c>): a resource in a role on the project.</summary>
public sealed class ProjectTeamMember
{
    public Guid Id { get; set; }
    public Guid ProjectId { get; set; }
    public Guid ResourceId { get; set; }
    public Guid RoleId { get; set; }
    public Guid OrganizationalUnitId { get; set; }
    public BillingType? BillingType { get; set; }
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
        b.Property(t => t.WbsId).HasMaxLength(20);
        b.Property(t => t.Effort).HasPrecision(19, 4);
    }
}

internal sealed class ProjectTeamMemberConfiguration : IEntityTypeConfiguration<ProjectTeamMember>
{
    public void Configure(EntityTypeBuilder<ProjectTeamMember> b)
    {
        b.ToTable("ProjectTeamMembers");
        b.HasKey(t => t.Id);
        b.Property(t => t.Id).ValueGeneratedNever();
        b.HasOne<BookableResource>().WithMany().HasForeignKey(t => t.ResourceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Role>().WithMany().HasForeignKey(t => t.RoleId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrganizationalUnit>().WithMany().HasForeignKey(t => t.OrganizationalUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
