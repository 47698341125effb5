using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PsaBridge.Psa.Resources;

namespace PsaBridge.Psa.Projects;

/// <summary>
/// A resource assignment (<c>msdyn_resourceassignment</c>): a task's work for one team member, laid over the member's
/// working days between the task's dates (<see cref="PlannedWork"/>, stored in Microsoft's <c>msdyn_plannedwork</c>
/// form) and priced from the price lists. An assignment to a role alone (no team member yet) is what
/// <i>Generate team</i> makes generic members for.
/// </summary>
public sealed class ResourceAssignment
{
    public const int PlannedWorkLength = 100_000;

    public Guid Id { get; set; }
    public Guid ProjectId { get; set; }
    public Guid TaskId { get; set; }
    public Guid? TeamMemberId { get; set; }

    /// <summary>The role: the team member's, or the role alone for an assignment without a member.</summary>
    public Guid RoleId { get; set; }

    /// <summary>The team member's resource (<c>msdyn_bookableresourceid</c>); none for a generic member.</summary>
    public Guid? ResourceId { get; set; }

    public DateOnly FromDate { get; set; }
    public DateOnly ToDate { get; set; }
    public decimal Hours { get; set; }

    /// <summary>The daily slices (<c>msdyn_plannedwork</c>): a JSON array of Start, End and Hours, as Microsoft writes it.</summary>
    public string PlannedWork { get; set; } = "[]";

    public decimal PlannedCost { get; set; }
    public required string CostCurrency { get; set; }
    public decimal PlannedSales { get; set; }

    /// <summary>The currency of the sales lists; none when no sales price list applies to the project.</summary>
    public string? SalesCurrency { get; set; }
}

internal sealed class ResourceAssignmentConfiguration : IEntityTypeConfiguration<ResourceAssignment>
{
    public void Configure(EntityTypeBuilder<ResourceAssignment> b)
    {
        b.ToTable("ResourceAssignments");
        b.HasKey(a => a.Id);
        b.Property(a => a.Id).ValueGeneratedNever();
        b.Property(a => a.Hours).HasPrecision(19, 4);
        b.Property(a => a.PlannedWork).HasMaxLength(ResourceAssignment.PlannedWorkLength);
        b.Property(a => a.PlannedCost).HasPrecision(19, 4);
        b.Property(a => a.PlannedSales).HasPrecision(19, 4);
        b.Property(a => a.CostCurrency).HasMaxLength(3);
        b.Property(a => a.SalesCurrency).HasMaxLength(3);
        b.HasOne<Project>().WithMany().HasForeignKey(a => a.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ProjectTask>().WithMany().HasForeignKey(a => a.TaskId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ProjectTeamMember>().WithMany().HasForeignKey(a => a.TeamMemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Role>().WithMany().HasForeignKey(a => a.RoleId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<BookableResource>().WithMany().HasForeignKey(a => a.ResourceId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => a.ProjectId);
        b.HasIndex(a => a.TaskId);
        b.HasIndex(a => a.TeamMemberId);
        b.HasIndex(a => a.RoleId);
        b.HasIndex(a => a.ResourceId);
    }
}
