using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PsaBridge.Psa.OrganizationalUnits;

namespace PsaBridge.Psa.Resources;

/// <summary>Dataverse <c>bookableresource.resourcetype</c>. "Group" is the value Universal Resource Scheduling calls Crew.</summary>
public enum ResourceType { Generic = 1, Contact = 2, User = 3, Equipment = 4, Account = 5, Group = 6 }

/// <summary>A bookable resource (<c>bookableresource</c>): a person, a generic resource or a thing that works on projects.</summary>
public sealed class BookableResource
{
    public const int NameLength = 100;

    public Guid Id { get; set; }
    public required string Name { get; set; }
    public ResourceType ResourceType { get; set; } = ResourceType.User;

    /// <summary>The resourcing unit (<c>msdyn_organizationalunit</c>).</summary>
    public Guid OrganizationalUnitId { get; set; }

    /// <summary>The default role (<c>bookableresourcecategoryassn</c> with <c>msdyn_isdefault</c>).</summary>
    public Guid? DefaultRoleId { get; set; }

    public DateTime CreatedOn { get; set; }
}

internal sealed class BookableResourceConfiguration : IEntityTypeConfiguration<BookableResource>
{
    public void Configure(EntityTypeBuilder<BookableResource> b)
    {
        b.ToTable("BookableResources");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.Name).HasMaxLength(BookableResource.NameLength);
        b.HasOne<OrganizationalUnit>().WithMany().HasForeignKey(r => r.OrganizationalUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Role>().WithMany().HasForeignKey(r => r.DefaultRoleId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => r.Name);
    }
}
