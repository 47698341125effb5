using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PsaBridge.Psa.Accounts;
using PsaBridge.Psa.OrganizationalUnits;
using PsaBridge.Psa.Pricing;
using PsaBridge.Psa.Resources;
using PsaBridge.Psa.Sales.Estimates;
using PsaBridge.Psa.Sales.Opportunities;

namespace PsaBridge.Psa.Sales.Quotes;

/// <summary>
/// A project quote (<c>quote</c> with order type Work based): Draft → Active → Won (it made the contract) or
/// Closed (lost). Won and Closed quotes are read-only. Its rollups are kept by every change of its lines,
/// details, milestones and price lists, in the same transaction.
/// </summary>
public sealed class Quote : ISalesDeal
{
    public const int NameLength = 300, ReasonLength = 500;

    public Guid Id { get; set; }
    public required string Name { get; set; }
    public Guid? OpportunityId { get; set; }
    public Guid CustomerId { get; set; }
    public OrderType OrderType { get; set; } = OrderType.WorkBased;
    public Guid ContractingUnitId { get; set; }
    public Guid? AccountManagerId { get; set; }
    public required string Currency { get; set; }

    /// <summary><c>requestdeliveryby</c>: the default billing end of the lines.</summary>
    public DateOnly? RequestedDeliveryDate { get; set; }

    public QuoteState StateCode { get; set; } = QuoteState.Draft;
    public QuoteStatus StatusCode { get; set; } = QuoteStatus.InProgress;
    public string? CloseReason { get; set; }
    public DateOnly? ClosedOn { get; set; }

    /// <summary>The project contract closing it as won created.</summary>
    public Guid? ContractId { get; set; }

    public SalesRollup Rollup { get; set; } = new();
    public DateTime CreatedOn { get; set; }
    public DateTime ModifiedOn { get; set; }
    public List<QuoteLine> Lines { get; set; } = [];
    public List<QuotePriceList> PriceLists { get; set; } = [];

    public bool IsReadOnly => StateCode is QuoteState.Won or QuoteState.Closed;

    IEnumerable<SalesLine> ISalesDeal.DealLines => Lines;
    IEnumerable<Guid> ISalesDeal.DealPriceListIds => PriceLists.Select(p => p.PriceListId);
    string ISalesDeal.Noun => "quote";
}

/// <summary>A sales price list of a quote (<c>msdyn_quotepricelist</c>).</summary>
public sealed class QuotePriceList
{
    public Guid QuoteId { get; set; }
    public Guid PriceListId { get; set; }
}

internal sealed class QuoteConfiguration : IEntityTypeConfiguration<Quote>
{
    public void Configure(EntityTypeBuilder<Quote> b)
    {
        b.ToTable("Quotes");
        b.HasKey(q => q.Id);
        b.Property(q => q.Id).ValueGeneratedNever();
        b.Property(q => q.Name).HasMaxLength(Quote.NameLength);
        b.Property(q => q.Currency).HasMaxLength(3);
        b.Property(q => q.CloseReason).HasMaxLength(Quote.ReasonLength);
        b.Property(q => q.StateCode).IsConcurrencyToken();
        b.Ignore(q => q.IsReadOnly);
        b.OwnsOne(q => q.Rollup, SalesRollup.Configure);
        b.Navigation(q => q.Rollup).IsRequired();
        b.HasOne<Opportunity>().WithMany().HasForeignKey(q => q.OpportunityId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Account>().WithMany().HasForeignKey(q => q.CustomerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrganizationalUnit>().WithMany().HasForeignKey(q => q.ContractingUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<BookableResource>().WithMany().HasForeignKey(q => q.AccountManagerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ProjectContract>().WithMany().HasForeignKey(q => q.ContractId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(q => q.Name);
        b.HasMany(q => q.Lines).WithOne().HasForeignKey(l => l.QuoteId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(q => q.PriceLists).WithOne().HasForeignKey(p => p.QuoteId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class QuotePriceListConfiguration : IEntityTypeConfiguration<QuotePriceList>
{
    public void Configure(EntityTypeBuilder<QuotePriceList> b) =>
        PriceListLinks.Configure(b, "QuotePriceLists", p => new { p.QuoteId, p.PriceListId }, p => p.PriceListId);
}
