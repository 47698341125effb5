using PsaBridge.Integration.CustomerSync;

namespace PsaBridge.Testing;

/// <summary>Holds a customer sync run after each committed page until the test lets it go: a run caught in the middle.</summary>
public sealed class SyncGate : ISyncObserver
{
    /// <summary>Set once the run has committed its first page and waits.</summary>
    public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task PageCommittedAsync(Guid headerId, int pageNumber, CancellationToken ct)
    {
        Reached.TrySetResult();
        await Release.Task.WaitAsync(ct);
    }
}
