using PsaBridge.Finance.IntegrationLog;

namespace PsaBridge.Integration.CustomerSync;

/// <summary>
/// How a run was asked for. A batch job id is set when the scheduler runs it; empty when interactive. <see cref="Account"/>:
/// only that PSA account, now ("synchronize this account now"), which leaves the watermark where it is.
/// </summary>
public sealed record SyncRequest(bool Full = false, bool DryRun = false, string? BatchJobId = null, string? JobDescription = null, Guid? Account = null);

public sealed record SyncProgress(int Processed, int Total, int Failed);

/// <summary>Told after each committed page (progress, tests that stop a run half-way).</summary>
public interface ISyncObserver
{
    Task PageCommittedAsync(Guid headerId, int pageNumber, CancellationToken ct);
}

/// <summary>A run that has its lease and its header, ready to execute.</summary>
public sealed class SyncRun
{
    internal SyncRun(SyncRequest request, IntegrationLogHeader header, string? leaseOwner, LeaseKeeper? keeper)
    {
        Request = request;
        Header = header;
        LeaseOwner = leaseOwner;
        Keeper = keeper;
    }

    public SyncRequest Request { get; }
    public IntegrationLogHeader Header { get; }
    internal string? LeaseOwner { get; }
    /// <summary>Renews the lease from its taking to the run's end (none for a dry run, which takes none).</summary>
    internal LeaseKeeper? Keeper { get; }
    /// <summary>A dry run's lines (nothing is written); empty for a real run, whose lines are in the log.</summary>
    public List<IntegrationLogLine> DryRunLines { get; } = [];

    private volatile string? _cancelledBy;
    private volatile bool _cancelled;

    /// <summary>Whether someone asked the run to stop after its current page (see <see cref="RunningSyncs"/>).</summary>
    public bool CancelRequested => _cancelled;
    internal string? CancelledBy => _cancelledBy;

    internal void RequestCancel(string? by)
    {
        _cancelledBy = by;
        _cancelled = true;
    }
}
