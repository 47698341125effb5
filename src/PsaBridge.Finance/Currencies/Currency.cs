using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PsaBridge.Finance.Currencies;

/// <summary>An ISO 4217 currency.</summary>
public sealed class Currency
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? NumericCode { get; set; }
}

internal sealed class CurrencyConfiguration : IEntityTypeConfiguration<Currency>
{
    public void Configure(EntityTypeBuilder<Currency> b)
    {
        b.ToTable("Currencies");
        b.HasKey(c => c.Code);
        b.Property(c => c.Code).HasMaxLength(3);
        b.Property(c => c.Name).HasMaxLength(100);
        b.Property(c => c.NumericCode).HasMaxLength(3);
    }
}
