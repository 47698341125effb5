using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PsaBridge.Psa.Versioning;

/// <summary>
/// The source of version numbers (Dataverse's rowversion). Taking a number updates this row inside
/// the writer's transaction, so writers are serialised on it and versions commit in increasing
/// order: a reader that has seen version N will never later find a committed change below N.
/// </summary>
public sealed class VersionCounter
{
    public const string Rows = "rows";

    public required string Name { get; set; }
    public long Value { get; set; }
}

internal sealed class VersionCounterConfiguration : IEntityTypeConfiguration<VersionCounter>
{
    public void Configure(EntityTypeBuilder<VersionCounter> b)
    {
        b.ToTable("VersionCounters");
        b.HasKey(v => v.Name);
        b.Property(v => v.Name).HasMaxLength(50);
    }
}

public static class Versions
{
    /// <summary>Takes <paramref name="count"/> consecutive version numbers and returns the first. Call inside the writer's transaction.</summary>
    public static async Task<long> TakeAsync(PsaDb db, int count = 1, CancellationToken ct = default)
    {
        var result = await db.Database
            .SqlQueryRaw<long>("UPDATE \"VersionCounters\" SET \"Value\" = \"Value\" + {0} WHERE \"Name\" = {1} RETURNING \"Value\" AS \"Value\"",
                count, VersionCounter.Rows)
            .ToListAsync(ct);
        if (result.Count == 0) throw new InvalidOperationException("The version counter is missing; run 'psabridge db upgrade'.");
        return result[0] - count + 1;
    }
}
