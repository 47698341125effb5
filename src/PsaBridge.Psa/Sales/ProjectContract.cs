using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PsaBridge.Psa.Accounts;
using PsaBridge.Psa.Actuals;
using PsaBridge.Psa.OrganizationalUnits;
using PsaBridge.Psa.Pricing;
using PsaBridge.Psa.Projects;

namespace PsaBridge.Psa.Sales;

/// <summary><c>msdyn_ordertype</c>. Project contracts are Work based.</summary>
public enum OrderType { ItemBased = 192350000, WorkBased = 192350001 }

/// <summary><c>msdyn_billingmethod</c> of a contract line.</summary>
public enum BillingMethod { TimeAndMaterial = 192350000, FixedPrice = 192350001 }

/// <summary><c>msdyn_psastate</c> of a project contract.</summary>
public enum ContractState { Draft = 192350000, OnHold = 192350001, Active = 192350002, Closed = 192350003 }

/// <summary>Contract milestone <c>msdyn_invoicestatus</c>.</summary>
public enum MilestoneInvoiceStatus
{
    NotReadyForInvoicing = 192350000,
    ReadyForInvoicing = 192350001,
    CustomerInvoiceCreated = 192350002,
    CustomerInvoicePosted = 192350003,
}

/// <summary>
/// A project contract (Dataverse <c>salesorder</c> with order type Work based): the customer, the
/// contracting unit, the currency and the sales price lists the work is priced on.
/// </summary>
public sealed class ProjectContract
{
    public const int NameLength = 300;

    public Guid Id { get; set; }
    public required string Name { get; set; }
    public OrderType OrderType { get; set; } = OrderType.WorkBased;
    public Guid CustomerId { get; set; }
    public Guid ContractingUnitId { get; set; }
    public required string Currency { get; set; }
    public ContractState PsaState { get; set; } = ContractState.Draft;
    public DateTime CreatedOn { get; set; }
    public List<ContractLine> Lines { get; set; } = [];
    public List<ContractPriceList> PriceLists { get; set; } = [];
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
public sealed class ContractLine
{
    public const int NameLength = 300;

    public Guid Id { get; set; }
    public Guid ContractId { get; set; }
    public required string Name { get; set; }
    public BillingMethod BillingMethod { get; set; }
    public Guid? ProjectId { get; set; }

    /// <summary>The customer budget (<c>msdyn_budgetamount</c>), in the contract currency.</summary>
    public decimal? BudgetAmount { get; set; }

    public bool IncludeTime { get; set; } = true;
    public bool IncludeExpense { get; set; } = true;
    public bool IncludeFee { get; set; } = true;
    public bool IncludeMaterial { get; set; } = true;
    public List<ContractMilestone> Milestones { get; set; } = [];

    public bool Includes(TransactionClass transactionClass) => transactionClass switch
    {
        TransactionClass.Time => IncludeTime,
        TransactionClass.Expense => IncludeExpense,
        TransactionClass.Fee => IncludeFee,
        TransactionClass.Material => IncludeMaterial,
        _ => false,
    };
}

/// <summary>A contract milestone (<c>msdyn_contractlinescheduleofvalue</c>) of a fixed-price line: invoiced when ready.</summary>
public sealed class ContractMilestone
{
    public const int NameLength = 100;

    public Guid Id { get; set; }
    public Guid ContractId { get; set; }
    public Guid ContractLineId { get; set; }
    public required string Name { get; set; }
    public DateOnly InvoiceDate { get; set; }
    public decimal Amount { get; set; }
    public MilestoneInvoiceStatus InvoiceStatus { get; set; } = MilestoneInvoiceStatus.NotReadyForInvoicing;
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
        b.HasOne<Account>().WithMany().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrganizationalUnit>().WithMany().HasForeignKey(c => c.ContractingUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Lines).WithOne().HasForeignKey(l => l.ContractId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.PriceLists).WithOne().HasForeignKey(p => p.ContractId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ContractPriceListConfiguration : IEntityTypeConfiguration<ContractPriceList>
{
    public void Configure(EntityTypeBuilder<ContractPriceList> b)
    {
        b.ToTable("ContractPriceLists");
        b.HasKey(p => new { p.ContractId, p.PriceListId });
        b.HasOne<PriceList>().WithMany().HasForeignKey(p => p.PriceListId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ContractLineConfiguration : IEntityTypeConfiguration<ContractLine>
{
    public void Configure(EntityTypeBuilder<ContractLine> b)
    {
        b.ToTable("ContractLines");
        b.HasKey(l => l.Id);
        b.Property(l => l.Id).ValueGeneratedNever();
        b.Property(l => l.Name).HasMaxLength(ContractLine.NameLength);
        b.Property(l => l.BudgetAmount).HasPrecision(19, 4);
        b.HasOne<Project>().WithMany().HasForeignKey(l => l.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(l => l.Milestones).WithOne().HasForeignKey(m => m.ContractLineId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ContractMilestoneConfiguration : IEntityTypeConfiguration<ContractMilestone>
{
    public void Configure(EntityTypeBuilder<ContractMilestone> b)
    {
        b.ToTable("ContractMilestones");
        b.HasKey(m => m.Id);
        b.Property(m => m.Id).ValueGeneratedNever();
        b.Property(m => m.Name).HasMaxLength(ContractMilestone.NameLength);
        b.Property(m => m.Amount).HasPrecision(19, 4);
        b.HasOne<ProjectContract>().WithMany().HasForeignKey(m => m.ContractId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(m => m.InvoiceId);
    }
}
