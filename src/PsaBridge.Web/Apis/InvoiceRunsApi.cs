using Microsoft.AspNetCore.Http.HttpResults;
using PsaBridge.Psa.Invoicing.InvoiceRuns;
using PsaBridge.Web.Security;
using PsaBridge.Web.Infrastructure.Auditing;

namespace PsaBridge.Web.Apis;

/// <summary>The body of a run of <i>Create project invoices</i>: the run date (today when not given).</summary>
public sealed record InvoiceRunInput(DateOnly? RunDate = null);

/// <summary>The batch job <i>Create project invoices</i>: run it now for a date.</summary>
public static class InvoiceRunsApi
{
    public static RouteGroupBuilder MapInvoiceRunsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/integration/jobs/invoices").WithTags("Integration: project invoices").RequireAuthorization(Policies.ManageFinance).Audited();
        api.MapPost("/run", RunAsync).WithName("RunCreateProjectInvoices")
            .WithSummary("Run 'Create project invoices' for a date: a draft invoice per contract whose schedule row or ready milestone is due; running it again for the date makes nothing")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    public static async Task<Ok<InvoiceRunReport>> RunAsync(CreateProjectInvoices job, InvoiceRunInput? input, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await job.RunAsync(input?.RunDate ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct: ct));
}
