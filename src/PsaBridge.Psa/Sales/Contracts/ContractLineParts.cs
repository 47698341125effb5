using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PsaBridge.Psa.Invoicing;
using PsaBridge.Psa.Pricing;
using PsaBridge.Psa.Sales.Estimates;

namespace PsaBridge.Psa.Sales.Contracts;

public sealed class ContractLineRole : LineRole
{
    public Guid ContractLineId { get; set; }
}

public sealed class ContractLineCategory : LineCategory
{
    public Guid ContractLineId { get; set; }
}

/// <summary>A project price list of one contract line.</summary>
public sealed class ContractLinePriceList
{
    public Guid ContractLineId { get; set; }
    public Guid PriceListId { get; set; }
}

/// <summary>
/// A contract line invoice schedule row (<c>msdyn_contractlineinvoiceschedule</c>): on its run date the batch job
/// <i>Create project invoices</i> invoices the line's transactions up to the cut-off date, and records its run status
/// and the invoice here.
/// </summary>
public sealed class ContractLineInvoiceSchedule
{
    public const int MessageLength = 1000;

    public Guid Id { get; set; }
    public Guid ContractId { get; set; }
    public Guid ContractLineId { get; set; }
    public DateOnly InvoiceRunDate { get; set; }
    public DateOnly TransactionCutoffDate { get; set; }
    public InvoiceRunStatus InvoiceRunStatus { get; set; } = InvoiceRunStatus.NotRun;
    public Guid? InvoiceId { get; set; }

    /// <summary>Why the last run failed for this row.</summary>
    public string? RunMessage { get; set; }
}

/// <summary>A project contract line detail (<c>msdyn_orderlinetransaction</c>): one record of an estimate of a contract line.</summary>
public sealed class ContractLineDetail : SalesLineDetail, IDealDetail<ContractLineDetail>
{
    /// <summary><c>msdyn_quotelinetransactionid</c>: the quote line detail it was copied from on win.</summary>
    public Guid? QuoteLineDetailId { get; set; }

    public Guid LineId => ContractLineId!.Value;

    public static Expression<Func<ContractLineDetail, bool>> OfDeal(Guid dealId) => d => d.ContractId == dealId;
    public static Expression<Func<ContractLineDetail, bool>> OfLines(IReadOnlyCollection<Guid> lineIds) => d => lineIds.Contains(d.ContractLineId!.Value);
    public static Expression<Func<ContractLineDetail, DetailAmount>> Amounts => d => new DetailAmount(d.ContractLineId!.Value, d.TransactionType, d.BillingType, d.Amount);
    public static ContractLineDetail New(ISalesDeal deal, SalesLine line) => new() { ContractId = deal.Id, ContractLineId = line.Id, Currency = deal.Currency };
}

/// <summary>What the Actuals say of a contract or a line: cost, unbilled sales and billed sales, reversals included.</summary>
public sealed record ContractActuals(decimal ActualCost, decimal UnbilledSales, decimal BilledSales);

internal sealed class ContractLineRoleConfiguration : IEntityTypeConfiguration<ContractLineRole>
{
    public void Configure(EntityTypeBuilder<ContractLineRole> b)
    {
        b.ToTable("ContractLineRoles");
        b.HasKey(r => new { r.ContractLineId, r.RoleId });
        LineRole.ConfigureRole(b);
    }
}

internal sealed class ContractLineCategoryConfiguration : IEntityTypeConfiguration<ContractLineCategory>
{
    public void Configure(EntityTypeBuilder<ContractLineCategory> b)
    {
        b.ToTable("ContractLineCategories");
        b.HasKey(c => new { c.ContractLineId, c.TransactionCategoryId });
        LineCategory.ConfigureCategory(b);
    }
}

internal sealed class ContractLinePriceListConfiguration : IEntityTypeConfiguration<ContractLinePriceList>
{
    public void Configure(EntityTypeBuilder<ContractLinePriceList> b) =>
        PriceListLinks.Configure(b, "ContractLinePriceLists", p => new { p.ContractLineId, p.PriceListId }, p => p.PriceListId);
}

internal sealed class ContractLineInvoiceScheduleConfiguration : IEntityTypeConfiguration<ContractLineInvoiceSchedule>
{
    public void Configure(EntityTypeBuilder<ContractLineInvoiceSchedule> b)
    {
        b.ToTable("ContractLineInvoiceSchedules");
        b.HasKey(s => s.Id);
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.RunMessage).HasMaxLength(ContractLineInvoiceSchedule.MessageLength);
        b.HasOne<ProjectContract>().WithMany().HasForeignKey(s => s.ContractId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Invoice>().WithMany().HasForeignKey(s => s.InvoiceId).OnDelete(DeleteBehavior.SetNull);
        // The invoice run finds the rows whose date has come and that have not run.
        b.HasIndex(s => new { s.InvoiceRunStatus, s.InvoiceRunDate });
    }
}

internal sealed class ContractLineDetailConfiguration : IEntityTypeConfiguration<ContractLineDetail>
{
    public void Configure(EntityTypeBuilder<ContractLineDetail> b)
    {
        b.ToTable("ContractLineDetails");
        SalesLineDetail.ConfigureDetail(b);
        b.Ignore(d => d.LineId);
        b.HasOne<ProjectContract>().WithMany().HasForeignKey(d => d.ContractId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ContractLine>().WithMany().HasForeignKey(d => d.ContractLineId).OnDelete(DeleteBehavior.Cascade);
    }
}
