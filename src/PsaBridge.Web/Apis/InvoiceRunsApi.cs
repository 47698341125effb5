using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using PsaBridge.Infrastructure.Paging;
using PsaBridge.Psa.Invoicing.InvoiceRuns;
using PsaBridge.Web.Infrastructure;
using PsaBridge.Web.Jobs;
using PsaBridge.Web.Security;
using PsaBridge.Web.Infrastructure.Auditing;

namespace PsaBridge.Web.Apis;

/// <summary>The body of a run of <i>Create project invoices</i>: the run date (today when not given).</summary>
public sealed record InvoiceRunInput(DateOnly? RunDate = null);

/// <summary>Which lines of a run's log: only one outcome, a page at a time.</summary>
public sealed record InvoiceRunLinesRequest(
    [property: Description("Invoiced, NothingToInvoice or Failed.")] ContractRunOutcome? Outcome = null,
    [property: Description("Page number, from 1.")] int? Page = null,
    [property: Description("Lines a page, 1 to 500 (50 when not given).")] int? PageSize = null);

/// <summary>The batch job <i>Create project invoices</i>: run it now for a date, its schedule, and its log (a header per run, a line per contract).</summary>
public static class InvoiceRunsApi
{
    public static RouteGroupBuilder MapInvoiceRunsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/integration/jobs/invoices").WithTags("Integration: project invoices").RequireAuthorization(Policies.Read).Audited();
        var manage = api.MapGroup("").RequireAuthorization(Policies.ManageFinance);
        manage.MapPost("/run", RunAsync).WithName("RunCreateProjectInvoices")
            .WithSummary("Run 'Create project invoices' for a date: a draft invoice per contract whose schedule row or ready milestone is due; running it again for the date makes nothing")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        manage.MapPost("/run-in-batch", RunInBatchAsync).WithName("RunCreateProjectInvoicesInBatch")
            .WithSummary("Queue one run in batch now, for today; its log header carries the firing's batch job id").ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/schedule", GetScheduleAsync).WithName("GetCreateProjectInvoicesSchedule")
            .WithSummary("The job's schedule: enabled, every how many minutes, the next run and the last one").ProducesProblem(StatusCodes.Status403Forbidden);
        manage.MapPut("/schedule", UpdateScheduleAsync).WithName("UpdateCreateProjectInvoicesSchedule")
            .WithSummary("Change the job's schedule: enabled, and every how many minutes (1 to 44,640)").ProducesValidationProblem();
        api.MapGet("/log", LogAsync).WithName("ListCreateProjectInvoicesRuns").WithSummary("The job's runs, newest first").ProducesValidationProblem();
        api.MapGet("/log/{id:guid}/lines", LogLinesAsync).WithName("ListCreateProjectInvoicesRunLines")
            .WithSummary("The contracts one run touched: the draft invoice made with its amount, nothing to invoice, or why it failed").ProducesValidationProblem().ProducesNotFound();
        return api;
    }

    public static async Task<Ok<InvoiceRunReport>> RunAsync(InvoiceRunLog job, InvoiceRunInput? input, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await job.RunAsync(input?.RunDate ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct: ct));

    public static async Task<Accepted> RunInBatchAsync(InvoiceRunSchedule schedule, CancellationToken ct)
    {
        await schedule.RunInBatchNowAsync(ct);
        return TypedResults.Accepted("/api/integration/jobs/invoices/log");
    }

    public static async Task<Ok<InvoiceRunScheduleView>> GetScheduleAsync(InvoiceRunSchedule schedule, CancellationToken ct) =>
        TypedResults.Ok(await schedule.GetAsync(ct));

    public static async Task<Ok<InvoiceRunScheduleView>> UpdateScheduleAsync(InvoiceRunSchedule schedule, InvoiceRunScheduleInput input, CancellationToken ct) =>
        TypedResults.Ok(await schedule.UpdateAsync(input, ct));

    public static async Task<Ok<ListResponse<InvoiceRunLogHeader>>> LogAsync(InvoiceRunLog log, [AsParameters] PageQuery r, CancellationToken ct) =>
        TypedResults.Ok(ListResponse<InvoiceRunLogHeader>.From(await log.ListAsync(r.Request, ct)));

    public static async Task<Ok<ListResponse<InvoiceRunLogLine>>> LogLinesAsync(InvoiceRunLog log, Guid id, [AsParameters] InvoiceRunLinesRequest r, CancellationToken ct) =>
        TypedResults.Ok(ListResponse<InvoiceRunLogLine>.From(await log.LinesAsync(id, r.Outcome, PageRequest.Of(r.Page, r.PageSize), ct)));
}
