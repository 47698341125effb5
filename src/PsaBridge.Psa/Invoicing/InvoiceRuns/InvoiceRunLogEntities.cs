using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PsaBridge.Psa.Invoicing.InvoiceRuns;

/// <summary>A run's status, as the integration log's: Running while it runs, then Completed, or Error when a contract failed or the run stopped.</summary>
public enum InvoiceRunLogStatus { Running = 0, Completed = 1, Error = 2 }

/// <summary>
/// The log header of one run of <i>Create project invoices</i>, in the shape of the customer sync's log header: the
/// batch job id when the scheduler ran it (none when run by hand), the run date, when it ran and what it did.
/// </summary>
public sealed class InvoiceRunLogHeader
{
    public const int BatchJobIdLength = 100, DescriptionLength = 200, MessageLength = 2000;

    public Guid Id { get; set; }
    public string? BatchJobId { get; set; }
    public required string JobDescription { get; set; }
    public DateOnly RunDate { get; set; }
    public DateTime ExecutionDate { get; set; }
    public DateTime? FinishedAt { get; set; }
    public InvoiceRunLogStatus Status { get; set; }
    public int ContractCount { get; set; }
    public int InvoicedCount { get; set; }
    public int NothingToInvoiceCount { get; set; }
    public int FailedCount { get; set; }

    /// <summary>Why the run as a whole stopped, when it did.</summary>
    public string? Message { get; set; }
}

/// <summary>One line per contract the run touched: the draft invoice it made with its amount, nothing to invoice, or why it failed.</summary>
public sealed class InvoiceRunLogLine
{
    public Guid HeaderId { get; set; }
    public int LineNumber { get; set; }
    public Guid ContractId { get; set; }
    public required string ContractName { get; set; }
    public ContractRunOutcome Outcome { get; set; }
    public Guid? InvoiceId { get; set; }
    public decimal Amount { get; set; }
    public required string Currency { get; set; }
    public int Transactions { get; set; }
    public string? Message { get; set; }
}

internal sealed class InvoiceRunLogHeaderConfiguration : IEntityTypeConfiguration<InvoiceRunLogHeader>
{
    public void Configure(EntityTypeBuilder<InvoiceRunLogHeader> b)
    {
        b.ToTable("InvoiceRunLogHeaders");
        b.HasKey(h => h.Id);
        b.Property(h => h.Id).ValueGeneratedNever();
        b.Property(h => h.BatchJobId).HasMaxLength(InvoiceRunLogHeader.BatchJobIdLength);
        b.Property(h => h.JobDescription).HasMaxLength(InvoiceRunLogHeader.DescriptionLength);
        b.Property(h => h.Message).HasMaxLength(InvoiceRunLogHeader.MessageLength);
        b.HasIndex(h => h.ExecutionDate);
    }
}

internal sealed class InvoiceRunLogLineConfiguration : IEntityTypeConfiguration<InvoiceRunLogLine>
{
    public void Configure(EntityTypeBuilder<InvoiceRunLogLine> b)
    {
        b.ToTable("InvoiceRunLogLines");
        b.HasKey(l => new { l.HeaderId, l.LineNumber });
        b.Property(l => l.ContractName).HasMaxLength(Sales.ProjectContract.NameLength);
        b.Property(l => l.Currency).HasMaxLength(3);
        b.Property(l => l.Amount).HasPrecision(19, 4);
        b.Property(l => l.Message).HasMaxLength(Sales.Contracts.ContractLineInvoiceSchedule.MessageLength);
        b.HasOne<InvoiceRunLogHeader>().WithMany().HasForeignKey(l => l.HeaderId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(l => l.ContractId);
    }
}
