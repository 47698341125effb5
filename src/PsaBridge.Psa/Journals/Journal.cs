using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PsaBridge.Psa.Actuals;

namespace PsaBridge.Psa.Journals;

/// <summary><c>msdyn_journaltype</c>.</summary>
public enum JournalType { Entry = 192350000, TimeCorrection = 192350001, ExpenseCorrection = 192350002 }

/// <summary>
/// A journal (<c>msdyn_journal</c>). Submitting a time entry or an expense writes one journal whose
/// lines carry the priced cost and sales transactions; approval posts them as actuals.
/// </summary>
public sealed class Journal
{
    public Guid Id { get; set; }
    public required string Description { get; set; }
    public JournalType JournalType { get; set; } = JournalType.Entry;
    public bool IsPosted { get; set; }
    public DateTime CreatedOn { get; set; }
}

/// <summary>A journal line (<c>msdyn_journalline</c>): a priced transaction waiting to be posted.</summary>
public sealed class JournalLine : BusinessTransaction
{
    public Guid JournalId { get; set; }
    public bool IsPosted { get; set; }
    public BillingStatus? BillingStatus { get; set; }

    /// <summary>The time entry or expense the line was made from (also recorded as its origin).</summary>
    public Guid SourceEntryId { get; set; }
}

internal sealed class JournalConfiguration : IEntityTypeConfiguration<Journal>
{
    public void Configure(EntityTypeBuilder<Journal> b)
    {
        b.ToTable("Journals");
        b.HasKey(j => j.Id);
        b.Property(j => j.Id).ValueGeneratedNever();
        b.Property(j => j.Description).HasMaxLength(200);
    }
}

internal sealed class JournalLineConfiguration : IEntityTypeConfiguration<JournalLine>
{
    public void Configure(EntityTypeBuilder<JournalLine> b)
    {
        b.ToTable("JournalLines");
        BusinessTransaction.Configure(b);
        b.HasOne<Journal>().WithMany().HasForeignKey(l => l.JournalId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(l => l.SourceEntryId);
    }
}
