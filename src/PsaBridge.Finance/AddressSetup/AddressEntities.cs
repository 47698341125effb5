using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PsaBridge.Finance.AddressSetup;

/// <summary>A country/region. As in F&amp;O its id is the ISO 3166-1 alpha-3 code (USA, DEU); <see cref="Iso2"/> is alpha-2.</summary>
public sealed class Country
{
    public required string Id { get; set; }
    public required string Iso2 { get; set; }
    public required string Name { get; set; }
}

/// <summary>
/// A state (ISO 3166-2 subdivision) within its country. <see cref="StateId"/> is the part of the ISO
/// code after the hyphen (US-WA → WA), as F&amp;O stores it.
/// </summary>
public sealed class State
{
    public required string CountryId { get; set; }
    public required string StateId { get; set; }
    public required string Name { get; set; }
    public string? Type { get; set; }
}

/// <summary>A city within a country and state.</summary>
public sealed class City
{
    public required string CountryId { get; set; }
    public required string StateId { get; set; }
    public required string Name { get; set; }
}

/// <summary>A zip code, linked to its country, state and city. The same code may serve several cities.</summary>
public sealed class ZipCode
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string CountryId { get; set; }
    public required string Code { get; set; }
    public required string StateId { get; set; }
    public required string City { get; set; }
    /// <summary>Set when the customer sync created the zip code (the seed's rule), empty for reference data.</summary>
    public DateTime? CreatedBySyncAt { get; set; }
}

internal sealed class CountryConfiguration : IEntityTypeConfiguration<Country>
{
    public void Configure(EntityTypeBuilder<Country> b)
    {
        b.ToTable("Countries");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).HasMaxLength(3);
        b.Property(c => c.Iso2).HasMaxLength(2);
        b.Property(c => c.Name).HasMaxLength(100);
        b.HasIndex(c => c.Iso2).IsUnique();
    }
}

internal sealed class StateConfiguration : IEntityTypeConfiguration<State>
{
    public void Configure(EntityTypeBuilder<State> b)
    {
        b.ToTable("States");
        b.HasKey(s => new { s.CountryId, s.StateId });
        b.Property(s => s.CountryId).HasMaxLength(3);
        b.Property(s => s.StateId).HasMaxLength(10);
        b.Property(s => s.Name).HasMaxLength(100);
        b.Property(s => s.Type).HasMaxLength(60);
        b.HasOne<Country>().WithMany().HasForeignKey(s => s.CountryId);
    }
}

internal sealed class CityConfiguration : IEntityTypeConfiguration<City>
{
    public void Configure(EntityTypeBuilder<City> b)
    {
        b.ToTable("Cities");
        b.HasKey(c => new { c.CountryId, c.StateId, c.Name });
        b.Property(c => c.CountryId).HasMaxLength(3);
        b.Property(c => c.StateId).HasMaxLength(10);
        b.Property(c => c.Name).HasMaxLength(60);
        b.HasOne<State>().WithMany().HasForeignKey(c => new { c.CountryId, c.StateId });
    }
}

internal sealed class ZipCodeConfiguration : IEntityTypeConfiguration<ZipCode>
{
    public void Configure(EntityTypeBuilder<ZipCode> b)
    {
        b.ToTable("ZipCodes");
        b.HasKey(z => z.Id);
        b.Property(z => z.CountryId).HasMaxLength(3);
        b.Property(z => z.Code).HasMaxLength(10);
        b.Property(z => z.StateId).HasMaxLength(10);
        b.Property(z => z.City).HasMaxLength(60);
        b.HasIndex(z => new { z.CountryId, z.Code, z.StateId, z.City }).IsUnique();
        b.HasOne<City>().WithMany().HasForeignKey(z => new { z.CountryId, z.StateId, z.City });
    }
}
