using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PsaBridge.Finance.Audit;

/// <summary>
/// One line of the audit trail: who (<see cref="Actor"/>, through <see cref="Channel"/>) did what (<see cref="Action"/>) to which
/// record (<see cref="Entity"/> and <see cref="RecordId"/>) and when. Written once, never changed.
/// </summary>
public sealed class AuditEntry
{
    public const int ActorLength = 256, ChannelLength = 20, ActionLength = 100, EntityLength = 100, RecordIdLength = 200, DetailsLength = 1000;

    public Guid Id { get; set; }
    /// <summary>When it was done, UTC.</summary>
    public DateTime At { get; set; }
    /// <summary>The signed-in user's name, or the operating-system user of the CLI, or the scheduler.</summary>
    public required string Actor { get; set; }
    /// <summary>Page, API, CLI or Scheduler.</summary>
    public required string Channel { get; set; }
    public required string Action { get; set; }
    public required string Entity { get; set; }
    public required string RecordId { get; set; }
    public string? Details { get; set; }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("AuditEntries");
        b.HasKey(e => e.Id);
        b.Property(e => e.Actor).HasMaxLength(AuditEntry.ActorLength);
        b.Property(e => e.Channel).HasMaxLength(AuditEntry.ChannelLength);
        b.Property(e => e.Action).HasMaxLength(AuditEntry.ActionLength);
        b.Property(e => e.Entity).HasMaxLength(AuditEntry.EntityLength);
        b.Property(e => e.RecordId).HasMaxLength(AuditEntry.RecordIdLength);
        b.Property(e => e.Details).HasMaxLength(AuditEntry.DetailsLength);
        b.HasIndex(e => e.At);
        b.HasIndex(e => new { e.Actor, e.At });
        b.HasIndex(e => new { e.Entity, e.RecordId });
    }
}
