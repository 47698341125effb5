using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PsaBridge.Psa.Actuals;

namespace PsaBridge.Psa.Pricing;

/// <summary>A transaction category (<c>msdyn_transactioncategory</c>), such as Hotel or Mileage: what an expense is for.</summary>
public sealed class TransactionCategory
{
    public const int NameLength = 100;

    public Guid Id { get; set; }
    public required string Name { get; set; }
    public BillingType BillingType { get; set; } = BillingType.Chargeable;
    public string DefaultUnit { get; set; } = "Each";
    public DateTime CreatedOn { get; set; }
}

internal sealed class TransactionCategoryConfiguration : IEntityTypeConfiguration<TransactionCategory>
{
    public void Configure(EntityTypeBuilder<TransactionCategory> b)
    {
        b.ToTable("TransactionCategories");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.Name).HasMaxLength(TransactionCategory.NameLength);
        b.Property(c => c.DefaultUnit).HasMaxLength(BusinessTransaction.UnitLength);
        b.HasIndex(c => c.Name);
    }
}
