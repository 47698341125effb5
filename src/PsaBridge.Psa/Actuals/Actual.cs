using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PsaBridge.Infrastructure.Storage;

namespace PsaBridge.Psa.Actuals;

/// <summary>
/// An actual (Dataverse <c>msdyn_actual</c>): one cost, unbilled sales or billed sales transaction of
/// a business event. Actuals are never changed in amount; a correction is a new, reversing actual.
/// </summary>
public sealed class Actual : BusinessTransaction
{
    public BillingStatus? BillingStatus { get; set; }
    public AdjustmentStatus? AdjustmentStatus { get; set; }
    public Guid? InvoiceId { get; set; }

    /// <summary>
    /// The time entry, expense or milestone the actual comes from. Transaction Origin records say the
    /// same; this column lets the bulk paths find an entry's actuals with one indexed query.
    /// </summary>
    public Guid? SourceEntryId { get; set; }

    public DateTime CreatedOn { get; set; }

    /// <summary>The negative twin of this actual (same prices, quantity and amount negated).</summary>
    public Actual Reversal(DateOnly documentDate, DateTime now)
    {
        var reversal = new Actual { Id = Ids.New(), Currency = Currency, CreatedOn = now, SourceEntryId = SourceEntryId };
        reversal.CopyFrom(this);
        reversal.DocumentDate = documentDate;
        reversal.AccountingDate = documentDate;
        reversal.Quantity = -Quantity;
        reversal.Amount = -Amount;
        return reversal;
    }
}

internal sealed class ActualConfiguration : IEntityTypeConfiguration<Actual>
{
    public void Configure(EntityTypeBuilder<Actual> b)
    {
        b.ToTable("Actuals");
        BusinessTransaction.Configure(b);
        b.HasIndex(a => a.ProjectId);
        b.HasIndex(a => new { a.ContractId, a.BillingStatus });
        b.HasIndex(a => a.CustomerId);
        b.HasIndex(a => a.SourceEntryId);
        // Only invoiced actuals: "not on an invoice" matches nearly all, and must not be planned through this index (migration 0014).
        b.HasIndex(a => a.InvoiceId).HasFilter("\"InvoiceId\" IS NOT NULL");
        // The reports' totals by project and type read this index alone, never the table (migration 0013).
        b.HasIndex(a => new { a.ProjectId, a.TransactionType, a.Currency, a.Amount });
        // The actuals export walks the list's order here instead of sorting every actual.
        b.HasIndex(a => new { a.DocumentDate, a.CreatedOn, a.TransactionType, a.Id });
    }
}
