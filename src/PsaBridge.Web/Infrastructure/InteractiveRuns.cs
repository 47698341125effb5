using PsaBridge.Finance.Audit;
using PsaBridge.Integration.CustomerSync;
using PsaBridge.Integration.Log;

namespace PsaBridge.Web.Infrastructure;

/// <summary>
/// Runs of the job started by a person (API, Run now). Interactive runs have no batch job id.
/// A background run keeps going when the request ends, and the host waits for it on shutdown.
/// </summary>
public sealed class InteractiveRuns(IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, IHttpContextAccessor http, ILogger<InteractiveRuns> log)
    : IAsyncDisposable
{
    private readonly List<Task> _running = [];

    public async Task<LogHeaderView> RunAsync(SyncRequest request, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var job = scope.ServiceProvider.GetRequiredService<SynchronizeCustomers>();
        var run = await job.StartAsync(request, ct);
        await StartedAsync(run, scope.ServiceProvider);
        try
        {
            await job.ExecuteAsync(run, ct: ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The header says what happened (status Error and the reason); the committed pages stand.
            log.LogWarning(e, "Customer sync {Id} stopped", run.Header.Id);
        }
        return LogHeaderView.From(run.Header);
    }

    /// <summary>Takes the lease and writes the header now (so a second request is refused at once), then runs in the background.</summary>
    public async Task<Guid> StartInBackgroundAsync(SyncRequest request, CancellationToken ct)
    {
        var scope = scopes.CreateAsyncScope();
        SyncRun run;
        try
        {
            run = await scope.ServiceProvider.GetRequiredService<SynchronizeCustomers>().StartAsync(request, ct);
            await StartedAsync(run, scope.ServiceProvider);
        }
        catch
        {
            await scope.DisposeAsync();
            throw;
        }
        var job = scope.ServiceProvider.GetRequiredService<SynchronizeCustomers>();
        var task = Task.Run(async () =>
        {
            try { await job.ExecuteAsync(run, ct: lifetime.ApplicationStopping); }
            catch (Exception e) { log.LogError(e, "Background customer sync {Id} failed", run.Header.Id); }
            finally { await scope.DisposeAsync(); }
        });
        lock (_running)
        {
            _running.RemoveAll(t => t.IsCompleted);
            _running.Add(task);
        }
        return run.Header.Id;
    }

    /// <summary>
    /// The header names who started the run and the audit trail says so; written through the request's own trail,
    /// so the request is not recorded a second time.
    /// </summary>
    private async Task StartedAsync(SyncRun run, IServiceProvider services)
    {
        var trail = (http.HttpContext?.RequestServices ?? services).GetRequiredService<AuditTrail>();
        await trail.RunStartedAsync(run.Header, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        Task[] pending;
        lock (_running) pending = [.. _running];
        await Task.WhenAll(pending);
    }
}
