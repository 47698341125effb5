using System.ComponentModel.DataAnnotations.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PsaBridge.Psa.Accounts;
using PsaBridge.Psa.OrganizationalUnits;
using PsaBridge.Psa.Pricing;
using PsaBridge.Psa.Sales.Contracts;
using PsaBridge.Psa.Sales.Estimates;

namespace PsaBridge.Psa.Sales;

/// <summary>
/// A project contract (Dataverse <c>salesorder</c> with order type Work based): the customer, the
/// contracting unit, the currency and the sales price lists the work is priced on.
/// </summary>
public sealed class ProjectContract : ISalesDeal
{
    public const int NameLength = 300;

    public Guid Id { get; set; }
    public required string Name { get; set; }
    public OrderType OrderType { get; set; } = OrderType.WorkBased;
    public Guid CustomerId { get; set; }
    public Guid ContractingUnitId { get; set; }
    public required string Currency { get; set; }
    public ContractState PsaState { get; set; } = ContractState.Draft;
    public ContractStatusReason PsaStatusReason { get; set; } = ContractStatusReason.Draft;
    public Guid? AccountManagerId { get; set; }
    public Guid? OpportunityId { get; set; }

    /// <summary><c>quoteid</c>: the quote whose close as won made this contract.</summary>
    public Guid? QuoteId { get; set; }

    public DateTime? ConfirmedOn { get; set; }
    public DateTime CreatedOn { get; set; }

    /// <summary>The estimate rollups of the lines (as a quote's).</summary>
    public SalesRollup Rollup { get; set; } = new();

    /// <summary>Actual cost, unbilled and billed sales, summed from the Actuals when the contract is read; not stored.</summary>
    [NotMapped] public ContractActuals? Actuals { get; set; }

    public List<ContractLine> Lines { get; set; } = [];
    public List<ContractPriceList> PriceLists { get; set; } = [];

    /// <summary>Confirmed (Active) and closed contracts are read-only, but for their milestones' invoice status.</summary>
    public bool IsReadOnly => PsaState != ContractState.Draft;

    IEnumerable<SalesLine> ISalesDeal.DealLines => Lines;
    IEnumerable<Guid> ISalesDeal.DealPriceListIds => PriceLists.Select(p => p.PriceListId);
    string ISalesDeal.Noun => "contract";
}

/// <summary>A sales price list attached to a contract (<c>msdyn_orderpricelist</c>).</summary>
public sealed class ContractPriceList
{
    public Guid ContractId { get; set; }
    public Guid PriceListId { get; set; }
}

/// <summary>
/// A contract line (<c>salesorderdetail</c>): how the work of one project is billed, for the
/// transaction classes the line includes. A project and class map to at most one line.
/// </summary>
public sealed class ContractLine : SalesLine
{
    public Guid ContractId { get; set; }

    /// <summary>The quote line it was made from when the quote was closed as won.</summary>
    public Guid? QuoteLineId { get; set; }

    public List<ContractMilestone> Milestones { get; set; } = [];
    public List<ContractLineRole> Roles { get; set; } = [];
    public List<ContractLineCategory> Categories { get; set; } = [];

    /// <summary>Project Contract Line Project Price Lists: when any, they price this line instead of the contract's.</summary>
    public List<ContractLinePriceList> PriceLists { get; set; } = [];

    public List<ContractLineInvoiceSchedule> InvoiceSchedule { get; set; } = [];

    /// <summary>Actual cost, unbilled and billed sales of this line, when the contract is read; not stored.</summary>
    [NotMapped] public ContractActuals? Actuals { get; set; }

    public override IEnumerable<LineRole> IncludedRoles => Roles;
    public override IEnumerable<LineCategory> IncludedCategories => Categories;
    public override IEnumerable<Guid> OwnPriceListIds => PriceLists.Select(p => p.PriceListId);
}

/// <summary>A contract milestone (<c>msdyn_contractlinescheduleofvalue</c>) of a fixed-price line: invoiced when ready.</summary>
public sealed class ContractMilestone : LineMilestone
{
    public Guid ContractId { get; set; }
    public Guid ContractLineId { get; set; }
    public Guid? InvoiceId { get; set; }
}

internal sealed class ProjectContractConfiguration : IEntityTypeConfiguration<ProjectContract>
{
    public void Configure(EntityTypeBuilder<ProjectContract> b)
    {
        b.ToTable("ProjectContracts");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.Name).HasMaxLength(ProjectContract.NameLength);
        b.Property(c => c.Currency).HasMaxLength(3);
        b.Ignore(c => c.Actuals);
        b.Ignore(c => c.IsReadOnly);
        b.OwnsOne(c => c.Rollup, SalesRollup.Configure);
        b.Navigation(c => c.Rollup).IsRequired();
        // The columns added to contracts by the sales pipeline carry no foreign key: SQLite cannot add one to a table
        // without rebuilding it (their references are checked by the services).
        b.HasIndex(c => c.QuoteId);
        b.HasOne<Account>().WithMany().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrganizationalUnit>().WithMany().HasForeignKey(c => c.ContractingUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Lines).WithOne().HasForeignKey(l => l.ContractId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.PriceLists).WithOne().HasForeignKey(p => p.ContractId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ContractPriceListConfiguration : IEntityTypeConfiguration<ContractPriceList>
{
    public void Configure(EntityTypeBuilder<ContractPriceList> b) =>
        PriceListLinks.Configure(b, "ContractPriceLists", p => new { p.ContractId, p.PriceListId }, p => p.PriceListId);
}

internal sealed class ContractLineConfiguration : IEntityTypeConfiguration<ContractLine>
{
    public void Configure(EntityTypeBuilder<ContractLine> b)
    {
        b.ToTable("ContractLines");
        SalesLine.ConfigureLine(b);
        b.Ignore(l => l.Actuals);
        b.HasIndex(l => l.QuoteLineId);
        b.HasMany(l => l.Roles).WithOne().HasForeignKey(r => r.ContractLineId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(l => l.Categories).WithOne().HasForeignKey(c => c.ContractLineId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(l => l.PriceLists).WithOne().HasForeignKey(p => p.ContractLineId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(l => l.InvoiceSchedule).WithOne().HasForeignKey(s => s.ContractLineId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(l => l.Milestones).WithOne().HasForeignKey(m => m.ContractLineId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ContractMilestoneConfiguration : IEntityTypeConfiguration<ContractMilestone>
{
    public void Configure(EntityTypeBuilder<ContractMilestone> b)
    {
        LineMilestone.ConfigureMilestone(b, "ContractMilestones");
        b.HasOne<ProjectContract>().WithMany().HasForeignKey(m => m.ContractId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(m => m.InvoiceId);
    }
}
