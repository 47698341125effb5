using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PsaBridge.Psa.Accounts;
using PsaBridge.Psa.OrganizationalUnits;
using PsaBridge.Psa.Pricing;
using PsaBridge.Psa.Projects;
using PsaBridge.Psa.Resources;

namespace PsaBridge.Psa.Sales.Opportunities;

/// <summary>
/// An opportunity (<c>opportunity</c>): a deal in the pipeline. Order type Work based makes it a PSA
/// opportunity; its quotes take its customer, order type, contracting unit, price lists and lines.
/// </summary>
public sealed class Opportunity
{
    public const int NameLength = 300, ReasonLength = 500;

    public Guid Id { get; set; }
    public required string Name { get; set; }

    /// <summary><c>customerid</c>: a PSA account.</summary>
    public Guid CustomerId { get; set; }

    public OrderType OrderType { get; set; } = OrderType.WorkBased;

    /// <summary><c>msdyn_contractorganizationalunitid</c>.</summary>
    public Guid? ContractingUnitId { get; set; }

    /// <summary><c>msdyn_accountmanagerid</c>: a resource (the user who manages the account).</summary>
    public Guid? AccountManagerId { get; set; }

    public required string Currency { get; set; }
    public decimal? EstimatedValue { get; set; }
    public DateOnly? EstimatedCloseDate { get; set; }

    /// <summary><c>closeprobability</c>, 0-100.</summary>
    public int? CloseProbability { get; set; }

    public OpportunityState StateCode { get; set; } = OpportunityState.Open;
    public OpportunityStatus StatusCode { get; set; } = OpportunityStatus.InProgress;

    /// <summary>Why it was won or lost, as the person closing it wrote.</summary>
    public string? CloseReason { get; set; }

    public DateOnly? ActualCloseDate { get; set; }
    public DateTime CreatedOn { get; set; }
    public DateTime ModifiedOn { get; set; }
    public List<OpportunityLine> Lines { get; set; } = [];
    public List<OpportunityPriceList> PriceLists { get; set; } = [];
}

/// <summary>An opportunity line (<c>opportunityproduct</c>): a piece of project work, how it will be billed and the customer's budget.</summary>
public sealed class OpportunityLine
{
    public const int NameLength = 300;

    public Guid Id { get; set; }
    public Guid OpportunityId { get; set; }
    public required string Name { get; set; }
    public BillingMethod BillingMethod { get; set; }
    public Guid? ProjectId { get; set; }

    /// <summary><c>msdyn_budgetamount</c>, in the opportunity currency.</summary>
    public decimal? BudgetAmount { get; set; }

    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
}

/// <summary>A sales price list of an opportunity (<c>msdyn_opportunitypricelist</c>).</summary>
public sealed class OpportunityPriceList
{
    public Guid OpportunityId { get; set; }
    public Guid PriceListId { get; set; }
}

internal sealed class OpportunityConfiguration : IEntityTypeConfiguration<Opportunity>
{
    public void Configure(EntityTypeBuilder<Opportunity> b)
    {
        b.ToTable("Opportunities");
        b.HasKey(o => o.Id);
        b.Property(o => o.Id).ValueGeneratedNever();
        b.Property(o => o.Name).HasMaxLength(Opportunity.NameLength);
        b.Property(o => o.Currency).HasMaxLength(3);
        b.Property(o => o.EstimatedValue).HasPrecision(19, 4);
        b.Property(o => o.CloseReason).HasMaxLength(Opportunity.ReasonLength);
        b.HasOne<Account>().WithMany().HasForeignKey(o => o.CustomerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrganizationalUnit>().WithMany().HasForeignKey(o => o.ContractingUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<BookableResource>().WithMany().HasForeignKey(o => o.AccountManagerId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(o => o.Name);
        b.HasMany(o => o.Lines).WithOne().HasForeignKey(l => l.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(o => o.PriceLists).WithOne().HasForeignKey(p => p.OpportunityId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OpportunityLineConfiguration : IEntityTypeConfiguration<OpportunityLine>
{
    public void Configure(EntityTypeBuilder<OpportunityLine> b)
    {
        b.ToTable("OpportunityLines");
        b.HasKey(l => l.Id);
        b.Property(l => l.Id).ValueGeneratedNever();
        b.Property(l => l.Name).HasMaxLength(OpportunityLine.NameLength);
        b.Property(l => l.BudgetAmount).HasPrecision(19, 4);
        b.HasOne<Project>().WithMany().HasForeignKey(l => l.ProjectId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OpportunityPriceListConfiguration : IEntityTypeConfiguration<OpportunityPriceList>
{
    public void Configure(EntityTypeBuilder<OpportunityPriceList> b) =>
        PriceListLinks.Configure(b, "OpportunityPriceLists", p => new { p.OpportunityId, p.PriceListId }, p => p.PriceListId);
}
