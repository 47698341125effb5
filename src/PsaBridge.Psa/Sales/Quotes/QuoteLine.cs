using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PsaBridge.Psa.Pricing;
using PsaBridge.Psa.Sales.Estimates;

namespace PsaBridge.Psa.Sales.Quotes;

/// <summary>
/// A project quote line (<c>quotedetail</c>). Its details (the estimates) are kept apart, in
/// <see cref="QuoteLineDetail"/>, since a line may hold thousands.
/// </summary>
public sealed class QuoteLine : SalesLine
{
    public Guid QuoteId { get; set; }
    public int LineNumber { get; set; }
    public List<QuoteLineRole> Roles { get; set; } = [];
    public List<QuoteLineCategory> Categories { get; set; } = [];

    /// <summary>Quote Line Project Price Lists: when any, they price this line instead of the quote's.</summary>
    public List<QuoteLinePriceList> PriceLists { get; set; } = [];

    public List<QuoteLineMilestone> Milestones { get; set; } = [];
    public List<QuoteLineInvoiceSchedule> InvoiceSchedule { get; set; } = [];

    public override IEnumerable<LineRole> IncludedRoles => Roles;
    public override IEnumerable<LineCategory> IncludedCategories => Categories;
    public override IEnumerable<Guid> OwnPriceListIds => PriceLists.Select(p => p.PriceListId);
}

public sealed class QuoteLineRole : LineRole
{
    public Guid QuoteLineId { get; set; }
}

public sealed class QuoteLineCategory : LineCategory
{
    public Guid QuoteLineId { get; set; }
}

/// <summary>A project price list of one quote line.</summary>
public sealed class QuoteLinePriceList
{
    public Guid QuoteLineId { get; set; }
    public Guid PriceListId { get; set; }
}

/// <summary>A quote line milestone (<c>msdyn_quotelinescheduleofvalue</c>) of a fixed-price line; copied to the contract on win.</summary>
public sealed class QuoteLineMilestone : LineMilestone
{
    public Guid QuoteId { get; set; }
    public Guid QuoteLineId { get; set; }
}

/// <summary>A quote line invoice schedule row (<c>msdyn_quotelineinvoiceschedule</c>): it does not invoice, the contract line's copy does.</summary>
public sealed class QuoteLineInvoiceSchedule
{
    public Guid Id { get; set; }
    public Guid QuoteId { get; set; }
    public Guid QuoteLineId { get; set; }
    public DateOnly InvoiceRunDate { get; set; }
    public DateOnly TransactionCutoffDate { get; set; }
}

internal sealed class QuoteLineConfiguration : IEntityTypeConfiguration<QuoteLine>
{
    public void Configure(EntityTypeBuilder<QuoteLine> b)
    {
        b.ToTable("QuoteLines");
        SalesLine.ConfigureLine(b);
        b.HasOne<InvoiceFrequencies.InvoiceFrequency>().WithMany().HasForeignKey(l => l.InvoiceFrequencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(l => l.Roles).WithOne().HasForeignKey(r => r.QuoteLineId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(l => l.Categories).WithOne().HasForeignKey(c => c.QuoteLineId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(l => l.PriceLists).WithOne().HasForeignKey(p => p.QuoteLineId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(l => l.Milestones).WithOne().HasForeignKey(m => m.QuoteLineId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(l => l.InvoiceSchedule).WithOne().HasForeignKey(s => s.QuoteLineId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class QuoteLineRoleConfiguration : IEntityTypeConfiguration<QuoteLineRole>
{
    public void Configure(EntityTypeBuilder<QuoteLineRole> b)
    {
        b.ToTable("QuoteLineRoles");
        b.HasKey(r => new { r.QuoteLineId, r.RoleId });
        LineRole.ConfigureRole(b);
    }
}

internal sealed class QuoteLineCategoryConfiguration : IEntityTypeConfiguration<QuoteLineCategory>
{
    public void Configure(EntityTypeBuilder<QuoteLineCategory> b)
    {
        b.ToTable("QuoteLineCategories");
        b.HasKey(c => new { c.QuoteLineId, c.TransactionCategoryId });
        LineCategory.ConfigureCategory(b);
    }
}

internal sealed class QuoteLinePriceListConfiguration : IEntityTypeConfiguration<QuoteLinePriceList>
{
    public void Configure(EntityTypeBuilder<QuoteLinePriceList> b) =>
        PriceListLinks.Configure(b, "QuoteLinePriceLists", p => new { p.QuoteLineId, p.PriceListId }, p => p.PriceListId);
}

internal sealed class QuoteLineMilestoneConfiguration : IEntityTypeConfiguration<QuoteLineMilestone>
{
    public void Configure(EntityTypeBuilder<QuoteLineMilestone> b)
    {
        LineMilestone.ConfigureMilestone(b, "QuoteLineMilestones");
        b.HasOne<Quote>().WithMany().HasForeignKey(m => m.QuoteId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class QuoteLineInvoiceScheduleConfiguration : IEntityTypeConfiguration<QuoteLineInvoiceSchedule>
{
    public void Configure(EntityTypeBuilder<QuoteLineInvoiceSchedule> b)
    {
        b.ToTable("QuoteLineInvoiceSchedules");
        b.HasKey(s => s.Id);
        b.Property(s => s.Id).ValueGeneratedNever();
        b.HasOne<Quote>().WithMany().HasForeignKey(s => s.QuoteId).OnDelete(DeleteBehavior.Restrict);
    }
}
