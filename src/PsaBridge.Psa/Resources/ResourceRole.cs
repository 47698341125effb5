using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PsaBridge.Psa.Resources;

/// <summary>
/// A role a resource can work in (<c>bookableresourcecategoryassn</c>). One of them is the default
/// (<c>msdyn_isdefault</c>), which <see cref="BookableResource.DefaultRoleId"/> repeats for the readers that want only it.
/// </summary>
public sealed class ResourceRole
{
    public Guid Id { get; set; }
    public Guid ResourceId { get; set; }
    public Guid RoleId { get; set; }
    public bool IsDefault { get; set; }
}

internal sealed class ResourceRoleConfiguration : IEntityTypeConfiguration<ResourceRole>
{
    public void Configure(EntityTypeBuilder<ResourceRole> b)
    {
        b.ToTable("ResourceRoles");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever();
        b.HasOne<BookableResource>().WithMany().HasForeignKey(r => r.ResourceId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Role>().WithMany().HasForeignKey(r => r.RoleId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.ResourceId, r.RoleId }).IsUnique();
        b.HasIndex(r => r.RoleId);
    }
}
