using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PsaBridge.Psa.OrganizationalUnits;
using PsaBridge.Psa.Projects;
using PsaBridge.Psa.Resources;

namespace PsaBridge.Psa.Scheduling;

/// <summary><c>msdyn_allocationmethod</c>: how a requirement's or booking's hours are laid over the days of its window.</summary>
public enum AllocationMethod
{
    None = 192350000,
    FullCapacity = 192350001,
    DistributeEvenly = 192350003,
    PercentageCapacity = 192350004,
    FrontLoad = 192350005,
}

/// <summary>
/// The requirement's status (<c>msdyn_requirementstatus.msdyn_status</c>). Microsoft labels 690970001 "Completed";
/// Project Service shows a fully booked requirement as fulfilled.
/// </summary>
public enum RequirementStatus { Active = 690970000, Fulfilled = 690970001, Canceled = 690970002 }

/// <summary>
/// A resource requirement (<c>msdyn_resourcerequirement</c>): what a generic team member needs, a role in a resourcing
/// unit for hours in a window, with the characteristics a resource must have at a minimum rating.
/// </summary>
public sealed class ResourceRequirement
{
    public const int NameLength = 200;

    public Guid Id { get; set; }
    public Guid ProjectId { get; set; }

    /// <summary>The generic team member the requirement is for.</summary>
    public Guid? TeamMemberId { get; set; }

    public required string Name { get; set; }
    public Guid RoleId { get; set; }

    /// <summary>The resourcing unit; any unit when empty.</summary>
    public Guid? OrganizationalUnitId { get; set; }

    public DateOnly FromDate { get; set; }
    public DateOnly ToDate { get; set; }

    /// <summary>The hours required (Dataverse keeps <c>msdyn_duration</c> in minutes).</summary>
    public decimal Hours { get; set; }

    /// <summary>The share of calendar capacity for <see cref="AllocationMethod.PercentageCapacity"/> (<c>msdyn_percentage</c>).</summary>
    public decimal? Percentage { get; set; }

    public AllocationMethod AllocationMethod { get; set; } = AllocationMethod.DistributeEvenly;
    public RequirementStatus Status { get; set; } = RequirementStatus.Active;
    public DateTime CreatedOn { get; set; }
    public List<RequirementCharacteristic> Characteristics { get; set; } = [];
}

/// <summary>A characteristic a requirement asks for (<c>msdyn_requirementcharacteristic</c>), with the lowest rating that meets it.</summary>
public sealed class RequirementCharacteristic
{
    public Guid Id { get; set; }
    public Guid RequirementId { get; set; }
    public Guid CharacteristicId { get; set; }
    public Guid? RatingValueId { get; set; }
}

internal sealed class ResourceRequirementConfiguration : IEntityTypeConfiguration<ResourceRequirement>
{
    public void Configure(EntityTypeBuilder<ResourceRequirement> b)
    {
        b.ToTable("ResourceRequirements");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.Name).HasMaxLength(ResourceRequirement.NameLength);
        b.Property(r => r.Hours).HasPrecision(19, 4);
        b.Property(r => r.Percentage).HasPrecision(9, 4);
        b.HasOne<Project>().WithMany().HasForeignKey(r => r.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ProjectTeamMember>().WithMany().HasForeignKey(r => r.TeamMemberId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Role>().WithMany().HasForeignKey(r => r.RoleId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrganizationalUnit>().WithMany().HasForeignKey(r => r.OrganizationalUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(r => r.Characteristics).WithOne().HasForeignKey(c => c.RequirementId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => r.ProjectId);
        b.HasIndex(r => r.TeamMemberId);
        b.HasIndex(r => r.RoleId);
        b.HasIndex(r => r.OrganizationalUnitId);
    }
}

internal sealed class RequirementCharacteristicConfiguration : IEntityTypeConfiguration<RequirementCharacteristic>
{
    public void Configure(EntityTypeBuilder<RequirementCharacteristic> b)
    {
        b.ToTable("RequirementCharacteristics");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).ValueGeneratedNever();
        b.HasOne<Characteristic>().WithMany().HasForeignKey(c => c.CharacteristicId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<RatingValue>().WithMany().HasForeignKey(c => c.RatingValueId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => c.RequirementId);
        b.HasIndex(c => c.CharacteristicId);
        b.HasIndex(c => c.RatingValueId);
    }
}
