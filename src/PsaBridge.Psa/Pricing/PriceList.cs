using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PsaBridge.Psa.Accounts;
using PsaBridge.Psa.Actuals;
using PsaBridge.Psa.OrganizationalUnits;
using PsaBridge.Psa.Resources;

namespace PsaBridge.Psa.Pricing;

/// <summary><c>pricelevel.msdyn_module</c>: what a price list prices.</summary>
public enum PriceListContext { Cost = 192350000, Purchase = 192350001, Sales = 192350002 }

/// <summary><c>msdyn_pricecalculation</c>: how a transaction category price is worked out.</summary>
public enum PriceCalculation { PricePerUnit = 192350000, AtCost = 192350001, MarkupPercentage = 192350002 }

/// <summary>
/// A price list (<c>pricelevel</c>). A cost price list belongs to an organizational unit (and is in its
/// currency); a sales price list is attached to contracts and may be a customer's default.
/// It is effective from <see cref="BeginDate"/> to <see cref="EndDate"/>, both inclusive, open when empty.
/// </summary>
public sealed class PriceList
{
    public const int NameLength = 100;

    public Guid Id { get; set; }
    public required string Name { get; set; }
    public PriceListContext Context { get; set; }
    public required string Currency { get; set; }
    public DateOnly? BeginDate { get; set; }
    public DateOnly? EndDate { get; set; }

    /// <summary>For a cost price list: the organizational unit whose cost it is.</summary>
    public Guid? OrganizationalUnitId { get; set; }

    /// <summary>For a sales price list: the customer whose default it is (<c>msdyn_accountpricelist</c>).</summary>
    public Guid? CustomerId { get; set; }

    public DateTime CreatedOn { get; set; }
    public List<RolePrice> RolePrices { get; set; } = [];
    public List<TransactionCategoryPrice> CategoryPrices { get; set; } = [];

    public bool IsEffectiveOn(DateOnly date) => (BeginDate is null || BeginDate <= date) && (EndDate is null || date <= EndDate);
}

/// <summary>A role price (<c>msdyn_resourcecategorypricelevel</c>): the price per unit of a role, optionally for one resourcing unit.</summary>
public sealed class RolePrice
{
    public Guid Id { get; set; }
    public Guid PriceListId { get; set; }
    public Guid RoleId { get; set; }
    public Guid? OrganizationalUnitId { get; set; }
    public string Unit { get; set; } = "Hour";
    public decimal Price { get; set; }
}

/// <summary>A transaction category price (<c>msdyn_transactioncategorypricelevel</c>).</summary>
public sealed class TransactionCategoryPrice
{
    public Guid Id { get; set; }
    public Guid PriceListId { get; set; }
    public Guid TransactionCategoryId { get; set; }
    public PriceCalculation PriceCalculation { get; set; }
    public string? Unit { get; set; }
    public decimal? Price { get; set; }

    /// <summary>The markup in percent, for <see cref="PriceCalculation.MarkupPercentage"/>: 15 means cost × 1.15.</summary>
    public decimal? Percent { get; set; }
}

internal sealed class PriceListConfiguration : IEntityTypeConfiguration<PriceList>
{
    public void Configure(EntityTypeBuilder<PriceList> b)
    {
        b.ToTable("PriceLists");
        b.HasKey(p => p.Id);
        b.Property(p => p.Id).ValueGeneratedNever();
        b.Property(p => p.Name).HasMaxLength(PriceList.NameLength);
        b.Property(p => p.Currency).HasMaxLength(3);
        b.HasOne<OrganizationalUnit>().WithMany().HasForeignKey(p => p.OrganizationalUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Account>().WithMany().HasForeignKey(p => p.CustomerId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(p => p.RolePrices).WithOne().HasForeignKey(r => r.PriceListId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.CategoryPrices).WithOne().HasForeignKey(c => c.PriceListId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RolePriceConfiguration : IEntityTypeConfiguration<RolePrice>
{
    public void Configure(EntityTypeBuilder<RolePrice> b)
    {
        b.ToTable("RolePrices");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.Unit).HasMaxLength(BusinessTransaction.UnitLength);
        b.Property(r => r.Price).HasPrecision(19, 4);
        b.HasOne<Role>().WithMany().HasForeignKey(r => r.RoleId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrganizationalUnit>().WithMany().HasForeignKey(r => r.OrganizationalUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TransactionCategoryPriceConfiguration : IEntityTypeConfiguration<TransactionCategoryPrice>
{
    public void Configure(EntityTypeBuilder<TransactionCategoryPrice> b)
    {
        b.ToTable("TransactionCategoryPrices");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.Unit).HasMaxLength(BusinessTransaction.UnitLength);
        b.Property(c => c.Price).HasPrecision(19, 4);
        b.Property(c => c.Percent).HasPrecision(9, 4);
        b.HasOne<TransactionCategory>().WithMany().HasForeignKey(c => c.TransactionCategoryId).OnDelete(DeleteBehavior.Restrict);
    }
}
