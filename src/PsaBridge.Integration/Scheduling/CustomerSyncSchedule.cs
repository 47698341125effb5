using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PsaBridge.Finance;
using PsaBridge.Finance.IntegrationLog;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Integration.CustomerSync;
using PsaBridge.Integration.Log;
using Quartz;

namespace PsaBridge.Integration.Scheduling;

public sealed class ScheduleOptions
{
    public const string Section = "PsaBridge:CustomerSync:Schedule";

    /// <summary>Whether the job runs in batch when nobody has set its schedule yet.</summary>
    public bool Enabled { get; set; } = true;
    public int IntervalMinutes { get; set; } = 5;
}

public sealed record ScheduleInput(bool? Enabled, int? IntervalMinutes);

public sealed record ScheduleView(string Job, string JobDescription, bool Enabled, int IntervalMinutes, DateTime? NextRun,
    DateTime? LastRun, IntegrationStatus? LastStatus, string? LastStatusLabel, Guid? LastHeaderId, bool Running, Guid? RunningHeaderId);

/// <summary>
/// The recurrence of "Synchronize master data from PSA": kept in the finance database (so it
/// survives restarts) and applied to the Quartz trigger.
/// </summary>
public sealed class CustomerSyncSchedule(IDbContextFactory<FinanceDb> contexts, ISchedulerFactory schedulers, JobLeases leases,
    IOptions<ScheduleOptions> defaults, TimeProvider clock)
{
    public const int MaxIntervalMinutes = 7 * 24 * 60;

    public async Task<ScheduleView> GetAsync(CancellationToken ct = default)
    {
        var schedule = await CurrentAsync(ct);
        var scheduler = await schedulers.GetScheduler(ct);
        var trigger = await scheduler.GetTrigger(CustomerSyncBatchJob.TriggerKey, ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        // As the log shows it, so a run that died reads Interrupted here too, not Running.
        var headers = await new IntegrationLogQueries(db, clock).HeadersQueryAsync(LogStatusFilter.All, ct);
        var last = await headers.Where(h => !h.DryRun).OrderByDescending(h => h.ExecutionDate).FirstOrDefaultAsync(ct);
        var lease = await leases.CurrentAsync(SynchronizeCustomers.Job, ct);
        if (lease is not null && LeaseOwner.IsDeadOnThisNode(lease.Owner!)) lease = null;
        return new ScheduleView(SynchronizeCustomers.Job, SynchronizeCustomers.Description, schedule.Enabled, schedule.IntervalMinutes,
            trigger?.NextFireTimeUtc?.UtcDateTime, last is null ? null : DateTime.SpecifyKind(last.ExecutionDate, DateTimeKind.Utc),
            last?.Status, last is null ? null : RunLog.StatusLabel(last.Status, last.Message), last?.Id, lease is not null, lease?.HeaderId);
    }

    public async Task<ScheduleView> UpdateAsync(ScheduleInput input, CancellationToken ct = default)
    {
        if (input.IntervalMinutes is { } minutes && (minutes < 1 || minutes > MaxIntervalMinutes))
            throw new ValidationFailedException("intervalMinutes", $"'intervalMinutes' is {minutes}; it must be between 1 and {MaxIntervalMinutes} (one week).");
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            var row = await db.BatchJobSchedules.SingleOrDefaultAsync(s => s.Job == SynchronizeCustomers.Job, ct);
            if (row is null)
            {
                var current = await CurrentAsync(ct);
                row = new BatchJobSchedule { Job = SynchronizeCustomers.Job, Enabled = current.Enabled, IntervalMinutes = current.IntervalMinutes };
                db.BatchJobSchedules.Add(row);
            }
            if (input.Enabled is { } enabled) row.Enabled = enabled;
            if (input.IntervalMinutes is { } interval) row.IntervalMinutes = interval;
            row.ModifiedAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
        }
        await ApplyAsync(ct);
        return await GetAsync(ct);
    }

    /// <summary>
    /// Queues one run in batch now (any node of a cluster may take it); its batch job id is the firing's id. Refused, as an
    /// interactive run is, while a run goes on: a firing that found the job running would only be skipped.
    /// </summary>
    public async Task RunInBatchNowAsync(CancellationToken ct = default)
    {
        await leases.EnsureNotRunningAsync(SynchronizeCustomers.Job, SynchronizeCustomers.Description, ct);
        await ApplyAsync(ct);
        var scheduler = await schedulers.GetScheduler(ct);
        await scheduler.TriggerJob(CustomerSyncBatchJob.Key, new JobDataMap(), ct);
    }

    /// <summary>Makes the Quartz trigger match the stored schedule (at start-up and after every change).</summary>
    public async Task ApplyAsync(CancellationToken ct = default)
    {
        var schedule = await CurrentAsync(ct);
        var scheduler = await schedulers.GetScheduler(ct);
        if (!await scheduler.Exists(CustomerSyncBatchJob.Key, ct))
        {
            var job = JobBuilder.Create<CustomerSyncBatchJob>().WithIdentity(CustomerSyncBatchJob.Key)
                .WithDescription(SynchronizeCustomers.Description).StoreDurably().RequestRecovery().Build();
            await scheduler.AddJob(job, AddJobOptions.Replacing, ct);
        }
        var existing = await scheduler.GetTrigger(CustomerSyncBatchJob.TriggerKey, ct);
        if (!schedule.Enabled)
        {
            if (existing is not null) await scheduler.UnscheduleJob(CustomerSyncBatchJob.TriggerKey, ct);
            return;
        }
        if (existing is ISimpleTrigger simple && simple.RepeatInterval == TimeSpan.FromMinutes(schedule.IntervalMinutes)) return;
        var trigger = TriggerBuilder.Create().WithIdentity(CustomerSyncBatchJob.TriggerKey).ForJob(CustomerSyncBatchJob.Key)
            .StartAt(clock.GetUtcNow().AddMinutes(schedule.IntervalMinutes))
            .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMinutes(schedule.IntervalMinutes)).RepeatForever())
            .Build();
        if (existing is null) await scheduler.ScheduleJob(trigger, ScheduleJobOptions.Replacing, ct);
        else await scheduler.RescheduleJob(CustomerSyncBatchJob.TriggerKey, trigger, ct);
    }

    private async Task<(bool Enabled, int IntervalMinutes)> CurrentAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var row = await db.BatchJobSchedules.AsNoTracking().SingleOrDefaultAsync(s => s.Job == SynchronizeCustomers.Job, ct);
        return row is null ? (defaults.Value.Enabled, defaults.Value.IntervalMinutes) : (row.Enabled, row.IntervalMinutes);
    }
}
