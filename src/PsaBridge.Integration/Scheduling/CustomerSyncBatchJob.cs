using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Integration.CustomerSync;
using Quartz;

namespace PsaBridge.Integration.Scheduling;

/// <summary>
/// The batch job the scheduler runs. Quartz never starts it twice at once on one scheduler
/// (<see cref="DisallowConcurrentExecutionAttribute"/>); the job lease keeps it single across
/// processes and nodes. The fire instance id becomes the log's Batch job id.
/// </summary>
[DisallowConcurrentExecution]
public sealed class CustomerSyncBatchJob(IServiceScopeFactory scopes, JobLeases leases, IHostApplicationLifetime lifetime, ILogger<CustomerSyncBatchJob> log)
    : IJob
{
    public static readonly JobKey Key = new("customer-sync", "psa-integration");
    public static readonly TriggerKey TriggerKey = new("customer-sync-schedule", "psa-integration");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        // The host stopping stops the run at once (its page rolls back), so its final status is written and its lease released
        // before the host's shutdown timeout ends the process.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        cancellationToken = stopping.Token;
        await using var scope = scopes.CreateAsyncScope();
        var job = scope.ServiceProvider.GetRequiredService<SynchronizeCustomers>();
        var description = context.JobDetail.Description ?? SynchronizeCustomers.Description;
        // A recovered firing (its node died mid-run) waits for the dead run's lease to expire, then
        // goes on from the last committed page; an ordinary firing that finds the job running is skipped.
        var deadline = DateTime.UtcNow + leases.Duration + TimeSpan.FromSeconds(10);
        while (true)
        {
            try
            {
                var run = await job.RunAsync(new SyncRequest(BatchJobId: context.FireInstanceId, JobDescription: description), ct: cancellationToken);
                log.LogInformation("Batch {BatchJobId}: {Status}, {Read} read, {Failed} failed", context.FireInstanceId, run.Header.Status, run.Header.ReadCount, run.Header.FailedCount);
                return;
            }
            catch (ConflictException e) when (context.Recovering && DateTime.UtcNow < deadline)
            {
                log.LogInformation("Recovered batch {BatchJobId} waits for the interrupted run's lease: {Reason}", context.FireInstanceId, e.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
            catch (ConflictException e)
            {
                log.LogInformation("Batch {BatchJobId} skipped: {Reason}", context.FireInstanceId, e.Message);
                return;
            }
        }
    }
}
