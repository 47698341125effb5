using Microsoft.Extensions.DependencyInjection;
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
public sealed class CustomerSyncBatchJob(IServiceScopeFactory scopes, ILogger<CustomerSyncBatchJob> log) : IJob
{
    public static readonly JobKey Key = new("customer-sync", "psa-integration");
    public static readonly TriggerKey TriggerKey = new("customer-sync-schedule", "psa-integration");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var job = scope.ServiceProvider.GetRequiredService<SynchronizeCustomers>();
        var description = context.JobDetail.Description ?? SynchronizeCustomers.Description;
        try
        {
            var run = await job.RunAsync(new SyncRequest(BatchJobId: context.FireInstanceId, JobDescription: description), ct: cancellationToken);
            log.LogInformation("Batch {BatchJobId}: {Status}, {Read} read, {Failed} failed", context.FireInstanceId, run.Header.Status, run.Header.ReadCount, run.Header.FailedCount);
        }
        catch (ConflictException e)
        {
            // Another node or an interactive run holds the job: this firing is skipped, not failed.
            log.LogInformation("Batch {BatchJobId} skipped: {Reason}", context.FireInstanceId, e.Message);
        }
    }
}
