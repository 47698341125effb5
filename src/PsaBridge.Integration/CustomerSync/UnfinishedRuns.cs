using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PsaBridge.Finance.IntegrationLog;

namespace PsaBridge.Integration.CustomerSync;

/// <summary>
/// The runs of this process whose final status could not be written (the store refusing writes, often the fault that
/// stopped them): until it is, their header reads Running and their lease is held. Tried again every few seconds on a
/// fresh connection, and before the next run starts, so that once the store takes writes again the log says how each run
/// ended and the next run need not wait for the lease to expire. A process that dies first leaves them to
/// <see cref="Scheduling.JobLeases.ReleaseDeadOfThisNodeAsync"/> and the next run's start, which mark them interrupted.
/// </summary>
public sealed class UnfinishedRuns(IServiceScopeFactory scopes, TimeProvider clock, ILogger<UnfinishedRuns> log) : IAsyncDisposable
{
    public static readonly TimeSpan RetryEvery = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<Guid, (IntegrationLogHeader Header, string LeaseOwner)> _pending = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _lock = new();
    private Task? _retrying;

    public bool Any => !_pending.IsEmpty;

    /// <summary>Keeps a run's final status to write later, and starts trying to.</summary>
    internal void Keep(IntegrationLogHeader header, string leaseOwner)
    {
        lock (_lock)
        {
            _pending[header.Id] = (header, leaseOwner);
            _retrying ??= Task.Run(RetryAsync);
        }
    }

    /// <summary>Writes the final status of each run kept and releases its lease; those the store still refuses stay kept.</summary>
    public async Task FinishAsync(ICustomerTarget target)
    {
        foreach (var (id, (header, owner)) in _pending)
        {
            try
            {
                await target.FinishRunAsync(header, owner);
                _pending.TryRemove(id, out _);
                log.LogInformation("Customer sync {HeaderId}: its final status {Status} is written, after the store refused it", id, header.Status);
            }
            catch (Exception e)
            {
                log.LogWarning(e, "Customer sync {HeaderId} still cannot write its final status {Status}", id, header.Status);
                return;
            }
        }
    }

    private async Task RetryAsync()
    {
        using var timer = new PeriodicTimer(RetryEvery, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await FinishAsync(scope.ServiceProvider.GetRequiredService<ICustomerTarget>());
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogWarning(e, "Could not try again to write the final status of {Count} customer sync run(s)", _pending.Count);
                }
                lock (_lock)
                {
                    if (!_pending.IsEmpty) continue;
                    _retrying = null;
                    return;
                }
            }
        }
        catch (OperationCanceledException) { }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        Task? retrying;
        lock (_lock) retrying = _retrying;
        if (retrying is not null) await retrying;
        _stop.Dispose();
    }
}
