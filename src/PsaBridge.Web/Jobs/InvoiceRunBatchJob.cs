using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.Invoicing.InvoiceRuns;
using Quartz;

namespace PsaBridge.Web.Jobs;

/// <summary>
/// <i>Create project invoices</i> as the scheduler runs it: for today's date (UTC), logged with the firing's id as its
/// batch job id. Quartz never starts it twice at once on one scheduler; a contract taken meanwhile by another run fails
/// alone and is tried again by the next run.
/// </summary>
[DisallowConcurrentExecution]
public sealed class InvoiceRunBatchJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<InvoiceRunBatchJob> log) : IJob
{
    public static readonly JobKey Key = new("create-project-invoices", "psa-invoicing");
    public static readonly TriggerKey TriggerKey = new("create-project-invoices-schedule", "psa-invoicing");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var runDate = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        try
        {
            var report = await scope.ServiceProvider.GetRequiredService<InvoiceRunLog>().RunAsync(runDate, context.FireInstanceId, cancellationToken);
            log.LogInformation("Batch {BatchJobId}: {Invoiced} invoiced, {Nothing} with nothing to invoice, {Failed} failed for {RunDate}",
                context.FireInstanceId, report.Invoiced, report.NothingToInvoice, report.Failed, runDate);
        }
        catch (ConflictException e)
        {
            log.LogWarning("Batch {BatchJobId} stopped: {Reason}", context.FireInstanceId, e.Message);
        }
    }
}
