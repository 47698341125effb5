namespace PsaBridge.Integration.Sources;

/// <summary>
/// A source that reads by change tracking: a position is a link the source gave (a next link within a read, then a delta
/// link for the changes after it), kept with the run's watermark so the next run reads only what changed since.
/// </summary>
public interface ITrackedAccountSource
{
    /// <summary>Whether this source reads by change tracking (else by version, as <see cref="IPsaAccountSource"/> does).</summary>
    bool Tracking { get; }

    /// <summary>The page at <paramref name="position"/> (none: the start of a full read) and the position after it.</summary>
    Task<SourcePage> ReadPageAsync(string? position, int pageSize, CancellationToken ct);
}

/// <summary>
/// A page read from a source, the position after it, and whether more pages follow in this read. <see cref="ReadAgainInFull"/>:
/// the position given had expired, so this page starts a full read.
/// </summary>
public sealed record SourcePage(IReadOnlyList<PsaAccountRecord> Accounts, string? Position, bool More, bool ReadAgainInFull = false)
{
    /// <summary>The run's log header says why a run read every account.</summary>
    public const string ReadAgainInFullMessage = "The source's change-tracking token had expired, so this run read every account again.";
}
