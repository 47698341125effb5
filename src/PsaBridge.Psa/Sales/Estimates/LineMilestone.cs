using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PsaBridge.Psa.Sales.Estimates;

/// <summary>
/// A fixed-price line's milestone, on a quote line (<c>msdyn_quotelinescheduleofvalue</c>, copied to the contract on win)
/// or a contract line (<c>msdyn_contractlinescheduleofvalue</c>, invoiced when ready): what both keep, stored alike.
/// </summary>
public abstract class LineMilestone
{
    public const int NameLength = 100;

    public Guid Id { get; set; }
    public required string Name { get; set; }
    public DateOnly InvoiceDate { get; set; }
    public decimal Amount { get; set; }
    public MilestoneInvoiceStatus InvoiceStatus { get; set; } = MilestoneInvoiceStatus.NotReadyForInvoicing;

    internal static void ConfigureMilestone<T>(EntityTypeBuilder<T> b, string table) where T : LineMilestone
    {
        b.ToTable(table);
        b.HasKey(m => m.Id);
        b.Property(m => m.Id).ValueGeneratedNever();
        b.Property(m => m.Name).HasMaxLength(NameLength);
        b.Property(m => m.Amount).HasPrecision(19, 4);
    }
}
