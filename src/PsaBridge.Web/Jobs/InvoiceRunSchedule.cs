using Microsoft.EntityFrameworkCore;
using PsaBridge.Finance;
using PsaBridge.Finance.IntegrationLog;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa;
using PsaBridge.Psa.Invoicing.InvoiceRuns;
using Quartz;

namespace PsaBridge.Web.Jobs;

/// <summary>The recurrence of <i>Create project invoices</i>: whether it runs in batch, every how many minutes, when next, and its last run.</summary>
public sealed record InvoiceRunScheduleView(string Job, string JobDescription, bool Enabled, int IntervalMinutes, DateTime? NextRun,
    DateTime? LastRun, InvoiceRunLogStatus? LastStatus, Guid? LastLogId);

/// <summary>
/// The schedule of <i>Create project invoices</i>, kept beside the customer sync's in the batch job schedules (so it
/// survives restarts) and applied to its Quartz trigger; once a day by default.
/// </summary>
public sealed class InvoiceRunSchedule(IDbContextFactory<FinanceDb> finance, IDbContextFactory<PsaDb> psa, ISchedulerFactory schedulers, TimeProvider clock)
{
    public const int DefaultIntervalMinutes = 24 * 60, MaxIntervalMinutes = 31 * 24 * 60;

    public async Task<InvoiceRunScheduleView> GetAsync(CancellationToken ct = default)
    {
        var (enabled, interval) = await CurrentAsync(ct);
        var trigger = await (await schedulers.GetScheduler(ct)).GetTrigger(InvoiceRunBatchJob.TriggerKey, ct);
        await using var db = await psa.CreateDbContextAsync(ct);
        var last = await db.Set<InvoiceRunLogHeader>().AsNoTracking().OrderByDescending(h => h.ExecutionDate).FirstOrDefaultAsync(ct);
        return new InvoiceRunScheduleView(InvoiceRunLog.Job, InvoiceRunLog.Description, enabled, interval, trigger?.NextFireTimeUtc?.UtcDateTime,
            last is null ? null : DateTime.SpecifyKind(last.ExecutionDate, DateTimeKind.Utc), last?.Status, last?.Id);
    }

    public async Task<InvoiceRunScheduleView> UpdateAsync(InvoiceRunScheduleInput input, CancellationToken ct = default)
    {
        if (input.IntervalMinutes is { } minutes && (minutes < 1 || minutes > MaxIntervalMinutes))
            throw new ValidationFailedException("intervalMinutes", $"'intervalMinutes' is {minutes}; it must be between 1 and {MaxIntervalMinutes} (31 days).");
        var (enabled, interval) = await CurrentAsync(ct);
        await using (var db = await finance.CreateDbContextAsync(ct))
        {
            var row = await db.BatchJobSchedules.SingleOrDefaultAsync(s => s.Job == InvoiceRunLog.Job, ct);
            if (row is null) db.BatchJobSchedules.Add(row = new BatchJobSchedule { Job = InvoiceRunLog.Job });
            row.Enabled = input.Enabled ?? enabled;
            row.IntervalMinutes = input.IntervalMinutes ?? interval;
            row.ModifiedAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
        }
        await ApplyAsync(ct);
        return await GetAsync(ct);
    }

    /// <summary>Queues one run in batch now, for today.</summary>
    public async Task RunInBatchNowAsync(CancellationToken ct = default)
    {
        await ApplyAsync(ct);
        await (await schedulers.GetScheduler(ct)).TriggerJob(InvoiceRunBatchJob.Key, new JobDataMap(), ct);
    }

    /// <summary>Makes the Quartz trigger match the stored schedule (at start-up and after every change).</summary>
    public async Task ApplyAsync(CancellationToken ct = default)
    {
        var (enabled, interval) = await CurrentAsync(ct);
        var scheduler = await schedulers.GetScheduler(ct);
        if (!await scheduler.Exists(InvoiceRunBatchJob.Key, ct))
            await scheduler.AddJob(JobBuilder.Create<InvoiceRunBatchJob>().WithIdentity(InvoiceRunBatchJob.Key).WithDescription(InvoiceRunLog.Description)
                .StoreDurably().Build(), AddJobOptions.Replacing, ct);
        var existing = await scheduler.GetTrigger(InvoiceRunBatchJob.TriggerKey, ct);
        if (!enabled)
        {
            if (existing is not null) await scheduler.UnscheduleJob(InvoiceRunBatchJob.TriggerKey, ct);
            return;
        }
        if (existing is ISimpleTrigger simple && simple.RepeatInterval == TimeSpan.FromMinutes(interval)) return;
        var trigger = TriggerBuilder.Create().WithIdentity(InvoiceRunBatchJob.TriggerKey).ForJob(InvoiceRunBatchJob.Key)
            .StartAt(clock.GetUtcNow().AddMinutes(interval))
            .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMinutes(interval)).RepeatForever())
            .Build();
        if (existing is null) await scheduler.ScheduleJob(trigger, ScheduleJobOptions.Replacing, ct);
        else await scheduler.RescheduleJob(InvoiceRunBatchJob.TriggerKey, trigger, ct);
    }

    private async Task<(bool Enabled, int IntervalMinutes)> CurrentAsync(CancellationToken ct)
    {
        await using var db = await finance.CreateDbContextAsync(ct);
        var row = await db.BatchJobSchedules.AsNoTracking().SingleOrDefaultAsync(s => s.Job == InvoiceRunLog.Job, ct);
        return row is null ? (true, DefaultIntervalMinutes) : (row.Enabled, row.IntervalMinutes);
    }
}

/// <summary>A change of the schedule; what is left out stays.</summary>
public sealed record InvoiceRunScheduleInput(bool? Enabled, int? IntervalMinutes);

public static class InvoiceRunScheduling
{
    /// <summary>The schedule of <i>Create project invoices</i>, applied to the Quartz scheduler at start-up.</summary>
    public static IServiceCollection AddInvoiceRunSchedule(this IServiceCollection services)
    {
        services.AddSingleton<InvoiceRunSchedule>();
        services.AddHostedService<Startup>();
        return services;
    }

    private sealed class Startup(InvoiceRunSchedule schedule) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => schedule.ApplyAsync(cancellationToken);
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
