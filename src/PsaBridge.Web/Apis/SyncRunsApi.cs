using Microsoft.AspNetCore.Http.HttpResults;
using PsaBridge.Integration.CustomerSync;
using PsaBridge.Integration.Log;
using PsaBridge.Web.Infrastructure;
using PsaBridge.Web.Infrastructure.Auditing;
using PsaBridge.Web.Security;

namespace PsaBridge.Web.Apis;

/// <summary>Runs of the customer sync a person steers: one account synchronized now, and a running run stopped after its page.</summary>
public static class SyncRunsApi
{
    public static RouteGroupBuilder MapSyncRunsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/integration/jobs/customers").WithTags("Integration").WithDocumentedErrors().RequireAuthorization(Policies.OperateIntegration).Audited();
        api.MapPost("/accounts/{accountId:guid}/run", SynchronizeAccount).WithName("SynchronizeCustomerAccountNow")
            .WithSummary("Synchronize one PSA account now")
            .WithDescription("Runs the customer sync for this account alone (refused with 409 while another run goes on) and returns its log header.");
        api.MapPost("/runs/{id:guid}/cancel", CancelRun).WithName("CancelCustomerSyncRun")
            .WithSummary("Stop a running run after its current page")
            .WithDescription("The page being written commits; the log header then says Cancelled, and the next run goes on from there. 404 when this server runs no such run.");
        return api;
    }

    public static async Task<Ok<LogHeaderView>> SynchronizeAccount(Guid accountId, InteractiveRuns runs, CancellationToken ct) =>
        TypedResults.Ok(await runs.RunAsync(new SyncRequest(Account: accountId), ct));

    public static Results<Accepted, NotFound> CancelRun(Guid id, RunningSyncs running, HttpContext http) =>
        running.Cancel(id, http.User.Identity?.Name) ? TypedResults.Accepted($"/api/integration/log/{id}") : TypedResults.NotFound();
}
