using System.Collections.Concurrent;

namespace PsaBridge.Integration.CustomerSync;

/// <summary>
/// The runs going on in this process, by their log header, so that a person can stop one: it stops after the page it is
/// writing (that page commits), its header says Cancelled, and the next run goes on from there. A run of another process
/// or node is not reached from here (the caller is told none was found).
/// </summary>
public sealed class RunningSyncs
{
    private readonly ConcurrentDictionary<Guid, SyncRun> _runs = new();

    internal void Add(SyncRun run) => _runs[run.Header.Id] = run;

    internal void Remove(SyncRun run) => _runs.TryRemove(run.Header.Id, out _);

    /// <summary>Asks the run of <paramref name="headerId"/> to stop after its current page; false when this process runs none such.</summary>
    public bool Cancel(Guid headerId, string? by = null)
    {
        if (!_runs.TryGetValue(headerId, out var run)) return false;
        run.RequestCancel(by);
        return true;
    }
}
