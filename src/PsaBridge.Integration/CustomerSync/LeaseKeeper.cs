using Microsoft.Extensions.Logging;

namespace PsaBridge.Integration.CustomerSync;

/// <summary>
/// Renews a run's lease every few seconds from the moment it is taken until the run ends, so that the lease expires soon
/// after its process dies and not while it lives. A renewal that finds the lease lost (expired and taken by another run)
/// only notes it: the run's next commit renews the lease inside its own transaction, finds it lost and writes nothing.
/// </summary>
internal sealed class LeaseKeeper : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private volatile bool _lost;
    private readonly Task _loop;

    public LeaseKeeper(ICustomerTarget target, string owner, TimeSpan every, TimeProvider clock, ILogger log) =>
        _loop = Task.Run(() => LoopAsync(target, owner, every, clock, log));

    public bool WasLost => _lost;

    private async Task LoopAsync(ICustomerTarget target, string owner, TimeSpan every, TimeProvider clock, ILogger log)
    {
        using var timer = new PeriodicTimer(every, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                try
                {
                    if (await target.KeepRunAliveAsync(owner, _stop.Token)) continue;
                    log.LogError("Customer sync lost its lease ({Owner}); its next page will not commit", owner);
                    _lost = true;
                    return;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The store unreachable for a moment: the next renewal, or the page's own, decides.
                    log.LogWarning(e, "Customer sync could not renew its lease");
                }
            }
        }
        catch (OperationCanceledException) { }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
