using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PsaBridge.Finance.PaymentTerms;

/// <summary>Terms of payment: the code customers refer to and the days until an invoice is due.</summary>
public sealed class PaymentTerm
{
    public const int CodeLength = 10, DescriptionLength = 60;

    public required string Code { get; set; }
    public required string Description { get; set; }
    public int NetDays { get; set; }

    public static IReadOnlyList<PaymentTerm> Defaults() =>
    [
        new() { Code = "Net10", Description = "Net 10 days", NetDays = 10 },
        new() { Code = "Net30", Description = "Net 30 days", NetDays = 30 },
        new() { Code = "Net45", Description = "Net 45 days", NetDays = 45 },
        new() { Code = "Net60", Description = "Net 60 days", NetDays = 60 },
        new() { Code = "DueOnRcpt", Description = "Due on receipt", NetDays = 0 },
    ];
}

internal sealed class PaymentTermConfiguration : IEntityTypeConfiguration<PaymentTerm>
{
    public void Configure(EntityTypeBuilder<PaymentTerm> b)
    {
        b.ToTable("PaymentTerms");
        b.HasKey(t => t.Code);
        b.Property(t => t.Code).HasMaxLength(PaymentTerm.CodeLength);
        b.Property(t => t.Description).HasMaxLength(PaymentTerm.DescriptionLength);
    }
}
