using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PsaBridge.Finance.CustomerGroups;

/// <summary>A customer group (F&amp;O CustGroup). Every customer belongs to one.</summary>
public sealed class CustomerGroup
{
    public const int IdLength = 10, DescriptionLength = 60;

    public required string Id { get; set; }
    public required string Description { get; set; }
    public string? DefaultPaymentTerms { get; set; }

    public static IReadOnlyList<CustomerGroup> Defaults() =>
    [
        new() { Id = "10", Description = "Domestic customers", DefaultPaymentTerms = "Net30" },
        new() { Id = "20", Description = "Foreign customers", DefaultPaymentTerms = "Net45" },
        new() { Id = "30", Description = "Intercompany customers", DefaultPaymentTerms = "Net30" },
    ];
}

internal sealed class CustomerGroupConfiguration : IEntityTypeConfiguration<CustomerGroup>
{
    public void Configure(EntityTypeBuilder<CustomerGroup> b)
    {
        b.ToTable("CustomerGroups");
        b.HasKey(g => g.Id);
        b.Property(g => g.Id).HasMaxLength(CustomerGroup.IdLength);
        b.Property(g => g.Description).HasMaxLength(CustomerGroup.DescriptionLength);
        b.Property(g => g.DefaultPaymentTerms).HasMaxLength(PaymentTerms.PaymentTerm.CodeLength);
    }
}
