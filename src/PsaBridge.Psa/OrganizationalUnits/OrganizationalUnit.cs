using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PsaBridge.Infrastructure.Validation;

namespace PsaBridge.Psa.OrganizationalUnits;

/// <summary>
/// An organizational unit (<c>msdyn_organizationalunit</c>): a contracting unit that owns projects and
/// contracts, and a resourcing unit that resources belong to. Time cost is in its currency.
/// </summary>
public sealed class OrganizationalUnit
{
    public const int NameLength = 100;

    public Guid Id { get; set; }
    public required string Name { get; set; }
    public required string Currency { get; set; }
    public DateTime CreatedOn { get; set; }
}

public sealed record OrganizationalUnitInput(string? Name, string? Currency)
{
    public Rules Validate() => new Rules().Required("name", Name, OrganizationalUnit.NameLength).Currency("currency", Currency, required: true);
}

internal sealed class OrganizationalUnitConfiguration : IEntityTypeConfiguration<OrganizationalUnit>
{
    public void Configure(EntityTypeBuilder<OrganizationalUnit> b)
    {
        b.ToTable("OrganizationalUnits");
        b.HasKey(u => u.Id);
        b.Property(u => u.Id).ValueGeneratedNever();
        b.Property(u => u.Name).HasMaxLength(OrganizationalUnit.NameLength);
        b.Property(u => u.Currency).HasMaxLength(3);
        b.HasIndex(u => u.Name);
    }
}
