using System.ComponentModel.DataAnnotations.Schema;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PsaBridge.Psa.Actuals;
using PsaBridge.Psa.Pricing;
using PsaBridge.Psa.Projects;
using PsaBridge.Psa.Resources;

namespace PsaBridge.Psa.Sales.Estimates;

/// <summary>
/// What a quote line (<c>quotedetail</c>) and a contract line (<c>salesorderdetail</c>) share: the project
/// and how its work is billed, the customer budget, the amount of a fixed-price line, the invoice
/// frequency with the billing start and requested delivery dates, the transaction classes the line
/// includes (time, expense, fee, material) and the roles and transaction categories it names, each with
/// the billing type its estimates take.
/// </summary>
public abstract class SalesLine
{
    public const int NameLength = 300;

    public Guid Id { get; set; }
    public required string Name { get; set; }
    public BillingMethod BillingMethod { get; set; }
    public Guid? ProjectId { get; set; }

    /// <summary>The customer budget (<c>msdyn_budgetamount</c>).</summary>
    public decimal? BudgetAmount { get; set; }

    /// <summary>The line amount of a fixed-price line, which its milestones add up to; none for time and material.</summary>
    public decimal? Amount { get; set; }

    public Guid? InvoiceFrequencyId { get; set; }
    public DateOnly? BillingStartDate { get; set; }
    public DateOnly? RequestedDeliveryDate { get; set; }

    public bool IncludeTime { get; set; } = true;
    public bool IncludeExpense { get; set; } = true;
    public bool IncludeFee { get; set; } = true;
    public bool IncludeMaterial { get; set; } = true;

    public SalesRollup Rollup { get; set; } = new();

    [JsonIgnore, NotMapped] public abstract IEnumerable<LineRole> IncludedRoles { get; }
    [JsonIgnore, NotMapped] public abstract IEnumerable<LineCategory> IncludedCategories { get; }
    /// <summary>The line's own project price lists, which price it instead of its deal's when there are any.</summary>
    [JsonIgnore, NotMapped] public abstract IEnumerable<Guid> OwnPriceListIds { get; }

    [JsonIgnore, NotMapped] public LineTerms Terms => new(Id, BillingMethod, Amount);

    public bool Includes(TransactionClass transactionClass) => transactionClass switch
    {
        TransactionClass.Time => IncludeTime,
        TransactionClass.Expense => IncludeExpense,
        TransactionClass.Fee => IncludeFee,
        TransactionClass.Material => IncludeMaterial,
        _ => false,
    };

    internal static void ConfigureLine<T>(EntityTypeBuilder<T> b) where T : SalesLine
    {
        b.HasKey(l => l.Id);
        b.Property(l => l.Id).ValueGeneratedNever();
        b.Property(l => l.Name).HasMaxLength(NameLength);
        b.Property(l => l.BudgetAmount).HasPrecision(19, 4);
        b.Property(l => l.Amount).HasPrecision(19, 4);
        b.Ignore(l => l.IncludedRoles);
        b.Ignore(l => l.IncludedCategories);
        b.Ignore(l => l.Terms);
        b.Ignore(l => l.OwnPriceListIds);
        b.OwnsOne(l => l.Rollup, SalesRollup.Configure);
        b.Navigation(l => l.Rollup).IsRequired();
        b.HasOne<Project>().WithMany().HasForeignKey(l => l.ProjectId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>A role a line names (<c>msdyn_quotelineresourcecategory</c>, <c>msdyn_orderlineresourcecategory</c>), with the billing type of its estimates.</summary>
public abstract class LineRole
{
    public Guid RoleId { get; set; }
    public BillingType BillingType { get; set; } = BillingType.Chargeable;

    internal static void ConfigureRole<T>(EntityTypeBuilder<T> b) where T : LineRole =>
        b.HasOne<Role>().WithMany().HasForeignKey(r => r.RoleId).OnDelete(DeleteBehavior.Restrict);
}

/// <summary>A transaction category a line names (<c>msdyn_quotelinetransactioncategory</c>, <c>msdyn_orderlinetransactioncategory</c>).</summary>
public abstract class LineCategory
{
    public Guid TransactionCategoryId { get; set; }
    public BillingType BillingType { get; set; } = BillingType.Chargeable;

    internal static void ConfigureCategory<T>(EntityTypeBuilder<T> b) where T : LineCategory =>
        b.HasOne<TransactionCategory>().WithMany().HasForeignKey(c => c.TransactionCategoryId).OnDelete(DeleteBehavior.Restrict);
}
