using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PsaBridge.Psa.Actuals;

namespace PsaBridge.Psa.Projects;

/// <summary><c>msdyn_estimate.msdyn_estimateheadertype</c>.</summary>
public enum EstimateHeaderType { ResourceBased = 192350000, ActivityBased = 192350001, AssignmentBased = 192350002, Custom = 192350003 }

/// <summary>
/// A project's estimate (<c>msdyn_estimate</c>): one a project, assignment based, whose lines are made from the
/// assignments' daily planned work and the price lists, so the project's planned cost and sales add up from them.
/// </summary>
public sealed class Estimate
{
    public Guid Id { get; set; }
    public Guid ProjectId { get; set; }
    public EstimateHeaderType HeaderType { get; set; } = EstimateHeaderType.AssignmentBased;
    public DateTime ModifiedOn { get; set; }
}

/// <summary>
/// One day of one assignment, as cost (transaction type Cost) or as sales (Project Contract, the type Microsoft's quote and
/// contract line details give sales estimates; estimate lines are not documented apart); the sales line's origin is its
/// cost line (<c>msdyn_origin</c>).
/// </summary>
public sealed class EstimateLine : BusinessTransaction
{
    public Guid EstimateId { get; set; }
    public Guid AssignmentId { get; set; }
    public Guid? OriginId { get; set; }
}

internal sealed class EstimateConfiguration : IEntityTypeConfiguration<Estimate>
{
    public void Configure(EntityTypeBuilder<Estimate> b)
    {
        b.ToTable("Estimates");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.HasOne<Project>().WithMany().HasForeignKey(e => e.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(e => e.ProjectId).IsUnique();
    }
}

internal sealed class EstimateLineConfiguration : IEntityTypeConfiguration<EstimateLine>
{
    public void Configure(EntityTypeBuilder<EstimateLine> b)
    {
        b.ToTable("EstimateLines");
        BusinessTransaction.Configure(b);
        b.HasOne<Estimate>().WithMany().HasForeignKey(l => l.EstimateId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ResourceAssignment>().WithMany().HasForeignKey(l => l.AssignmentId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(l => l.EstimateId);
        b.HasIndex(l => l.AssignmentId);
        b.HasIndex(l => l.ProjectId);
    }
}
