using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PsaBridge.Psa.Actuals;

namespace PsaBridge.Psa.Resources;

/// <summary>A role (Dataverse <c>bookableresourcecategory</c>), such as Project Manager. Role prices are set per role.</summary>
public sealed class Role
{
    public const int NameLength = 100;

    public Guid Id { get; set; }
    public required string Name { get; set; }

    /// <summary>Whether time in this role is chargeable by default.</summary>
    public BillingType BillingType { get; set; } = BillingType.Chargeable;

    public DateTime CreatedOn { get; set; }
}

internal sealed class RoleConfiguration : IEntityTypeConfiguration<Role>
{
    public void Configure(EntityTypeBuilder<Role> b)
    {
        b.ToTable("Roles");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.Name).HasMaxLength(Role.NameLength);
        b.HasIndex(r => r.Name);
    }
}
