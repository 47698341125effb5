using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PsaBridge.Psa.Actuals;

/// <summary>
/// Transaction Origin (<c>msdyn_transactionorigin</c>): "this transaction came from that record".
/// Dataverse keeps the ids as text; here they are GUID columns, and the types are the records'
/// logical names (see <see cref="TransactionTypes"/>).
/// </summary>
public sealed class TransactionOrigin
{
    public Guid Id { get; set; }
    public Guid OriginId { get; set; }
    public required string OriginType { get; set; }
    public Guid TransactionId { get; set; }
    public required string TransactionType { get; set; }
}

/// <summary>
/// Transaction Connection (<c>msdyn_transactionconnection</c>): two related transactions and the role
/// each plays ("Cost" and "Unbilled Sales", "Reversing" and "Original", "Billed Sales" and "Unbilled Sales").
/// </summary>
public sealed class TransactionConnection
{
    public Guid Id { get; set; }
    public Guid Transaction1Id { get; set; }
    public required string Transaction1Role { get; set; }
    public required string Transaction1Type { get; set; }
    public Guid Transaction2Id { get; set; }
    public required string Transaction2Role { get; set; }
    public required string Transaction2Type { get; set; }
}

/// <summary>Logical names stored in origin and connection records.</summary>
public static class TransactionTypes
{
    public const string TimeEntry = "msdyn_timeentry", Expense = "msdyn_expense", JournalLine = "msdyn_journalline",
        Actual = "msdyn_actual", Invoice = "invoice", InvoiceLine = "invoicedetail", InvoiceLineDetail = "msdyn_invoicelinetransaction",
        Milestone = "msdyn_contractlinescheduleofvalue";
}

/// <summary>Roles a transaction plays in a connection, as Project Service names them.</summary>
public static class ConnectionRoles
{
    public const string Cost = "Cost", UnbilledSales = "Unbilled Sales", BilledSales = "Billed Sales", Reversing = "Reversing", Original = "Original",
        Replacing = "Replacing", ResourcingUnitCost = "Resourcing Unit Cost", InterOrganizationalSales = "Inter-organizational Sales";
}

internal sealed class TransactionOriginConfiguration : IEntityTypeConfiguration<TransactionOrigin>
{
    public void Configure(EntityTypeBuilder<TransactionOrigin> b)
    {
        b.ToTable("TransactionOrigins");
        b.HasKey(o => o.Id);
        b.Property(o => o.Id).ValueGeneratedNever();
        b.Property(o => o.OriginType).HasMaxLength(100);
        b.Property(o => o.TransactionType).HasMaxLength(100);
        b.HasIndex(o => o.TransactionId);
        // Not indexed by OriginId: nothing reads origins by their origin, and confirming 100,000 invoice details wrote
        // 700,000 entries scattered over that index (migration 0004; BENCHMARKS-posting.md).
    }
}

internal sealed class TransactionConnectionConfiguration : IEntityTypeConfiguration<TransactionConnection>
{
    public void Configure(EntityTypeBuilder<TransactionConnection> b)
    {
        b.ToTable("TransactionConnections");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.Transaction1Role).HasMaxLength(50);
        b.Property(c => c.Transaction1Type).HasMaxLength(100);
        b.Property(c => c.Transaction2Role).HasMaxLength(50);
        b.Property(c => c.Transaction2Type).HasMaxLength(100);
        b.HasIndex(c => c.Transaction1Id);
        b.HasIndex(c => c.Transaction2Id);
    }
}
