using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PsaBridge.Psa.Actuals;
using PsaBridge.Psa.Sales;

namespace PsaBridge.Psa.Invoicing;

/// <summary><c>msdyn_projectinvoicestatus</c>.</summary>
public enum InvoiceStatus { Draft = 192350000, InReview = 192350001, Confirmed = 192350002, InvoicePaid = 192350003 }

/// <summary>
/// A project invoice (<c>invoice</c>): one per contract, one line per contract line. A draft gathers
/// the contract's ready unbilled sales and milestones; confirming it posts billed sales and makes it read-only.
/// </summary>
public sealed class Invoice
{
    public const int NameLength = 300;

    public Guid Id { get; set; }
    public required string Name { get; set; }
    public Guid ContractId { get; set; }
    public Guid CustomerId { get; set; }
    public DateOnly InvoiceDate { get; set; }
    public required string Currency { get; set; }
    public InvoiceStatus Status { get; set; } = InvoiceStatus.Draft;

    /// <summary>The chargeable total of the lines.</summary>
    public decimal TotalAmount { get; set; }

    public DateTime CreatedOn { get; set; }
    public DateTime? ConfirmedOn { get; set; }

    /// <summary>The confirmed invoice this one corrects (a corrective invoice, or credit); null for an invoice of new work.</summary>
    public Guid? OriginalInvoiceId { get; set; }

    public List<InvoiceLine> Lines { get; set; } = [];
}

/// <summary>An invoice line (<c>invoicedetail</c>): what one contract line bills.</summary>
public sealed class InvoiceLine
{
    public Guid Id { get; set; }
    public Guid InvoiceId { get; set; }
    public Guid ContractLineId { get; set; }
    public required string Name { get; set; }
    public decimal ChargeableAmount { get; set; }
    public decimal NonChargeableAmount { get; set; }
    public decimal ComplimentaryAmount { get; set; }
    public List<InvoiceLineDetail> Details { get; set; } = [];
}

/// <summary>
/// An invoice line detail (<c>msdyn_invoicelinetransaction</c>): one transaction to bill, an unbilled
/// sales actual or a milestone, with the business-transaction columns of the billed sales it becomes.
/// </summary>
public sealed class InvoiceLineDetail : BusinessTransaction
{
    public Guid InvoiceId { get; set; }
    public Guid InvoiceLineId { get; set; }

    /// <summary>The unbilled sales actual this detail bills (time and expense).</summary>
    public Guid? ActualId { get; set; }

    /// <summary>The milestone this detail bills (fixed price).</summary>
    public Guid? MilestoneId { get; set; }

    /// <summary>The sales journal line the unbilled actual was posted from.</summary>
    public Guid? JournalLineId { get; set; }

    /// <summary>The time entry or expense behind the unbilled actual.</summary>
    public Guid? SourceEntryId { get; set; }

    /// <summary>
    /// What the detail was drafted at (<c>msdyn_previousamount</c> and its quantity): the unbilled sales it bills, or on a
    /// corrective invoice the billed sales it corrects. The quantity can be lowered from it, never raised.
    /// </summary>
    public decimal PreviousQuantity { get; set; }

    public decimal PreviousAmount { get; set; }

    /// <summary>A detail of a corrective invoice (<c>msdyn_correction</c>).</summary>
    public bool IsCorrection { get; set; }

    /// <summary>The detail of the original invoice this one corrects (<c>msdyn_originalinvoicelinedetail</c>).</summary>
    public Guid? OriginalDetailId { get; set; }

    /// <summary>The billed sales actual a correction detail replaces: reversed when the correction is confirmed.</summary>
    public Guid? BilledActualId { get; set; }
}

internal sealed class InvoiceConfiguration : IEntityTypeConfiguration<Invoice>
{
    public void Configure(EntityTypeBuilder<Invoice> b)
    {
        b.ToTable("Invoices");
        b.HasKey(i => i.Id);
        b.Property(i => i.Id).ValueGeneratedNever();
        b.Property(i => i.Name).HasMaxLength(Invoice.NameLength);
        b.Property(i => i.Currency).HasMaxLength(3);
        b.Property(i => i.TotalAmount).HasPrecision(19, 4);
        b.Property(i => i.Status).IsConcurrencyToken();
        b.HasIndex(i => i.OriginalInvoiceId);
        b.HasOne<ProjectContract>().WithMany().HasForeignKey(i => i.ContractId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(i => i.Lines).WithOne().HasForeignKey(l => l.InvoiceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InvoiceLineConfiguration : IEntityTypeConfiguration<InvoiceLine>
{
    public void Configure(EntityTypeBuilder<InvoiceLine> b)
    {
        b.ToTable("InvoiceLines");
        b.HasKey(l => l.Id);
        b.Property(l => l.Id).ValueGeneratedNever();
        b.Property(l => l.Name).HasMaxLength(ContractLine.NameLength);
        b.Property(l => l.ChargeableAmount).HasPrecision(19, 4);
        b.Property(l => l.NonChargeableAmount).HasPrecision(19, 4);
        b.Property(l => l.ComplimentaryAmount).HasPrecision(19, 4);
        b.HasOne<ContractLine>().WithMany().HasForeignKey(l => l.ContractLineId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(l => l.Details).WithOne().HasForeignKey(d => d.InvoiceLineId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InvoiceLineDetailConfiguration : IEntityTypeConfiguration<InvoiceLineDetail>
{
    public void Configure(EntityTypeBuilder<InvoiceLineDetail> b)
    {
        b.ToTable("InvoiceLineDetails");
        BusinessTransaction.Configure(b);
        b.Property(d => d.PreviousQuantity).HasPrecision(19, 4);
        b.Property(d => d.PreviousAmount).HasPrecision(19, 4);
        b.HasIndex(d => d.InvoiceId);
        b.HasIndex(d => d.ActualId);
    }
}
