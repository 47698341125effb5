using PsaBridge.Infrastructure.Paging;
using PsaBridge.Integration.CustomerSync;
using PsaBridge.Integration.Log;
using PsaBridge.Integration.Scheduling;
using PsaBridge.Web.Infrastructure;
using PsaBridge.Web.Infrastructure.Auditing;

namespace PsaBridge.Web.Apis;

public static class IntegrationApi
{
    public static RouteGroupBuilder MapIntegrationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/integration").WithTags("Integration").WithDocumentedErrors().RequireAuthorization(Policies.Read).Audited();
        var operate = api.MapGroup("").RequireAuthorization(Policies.OperateIntegration);
        var administer = api.MapGroup("").RequireAuthorization(Policies.Administer);

        operate.MapPost("/jobs/customers/run", async (InteractiveRuns runs, CustomerSyncSchedule schedule, bool? wait, bool? full, bool? batch, CancellationToken ct) =>
        {
            if (batch ?? false)
            {
                await schedule.RunInBatchNowAsync(ct);
                return Results.Accepted("/api/integration/log?status=All", new { status = "Queued" });
            }
            var request = new SyncRequest(Full: full ?? false);
            if (wait ?? true)
            {
                var header = await runs.RunAsync(request, ct);
                return Results.Ok(header);
            }
            var id = await runs.StartInBackgroundAsync(request, ct);
            return Results.Accepted($"/api/integration/log/{id}", new { id, status = "Running" });
        }).WithName("RunCustomerSync")
            .WithSummary("Run the customer sync now: wait for its log header, start it in the background, or queue it in the batch (409 while a run goes on)");
        api.MapGet("/jobs/customers/schedule", (CustomerSyncSchedule s, CancellationToken ct) => s.GetAsync(ct))
            .WithName("GetCustomerSyncSchedule").WithSummary("The customer sync's batch schedule and its next run");
        administer.MapPut("/jobs/customers/schedule", (CustomerSyncSchedule s, ScheduleInput input, CancellationToken ct) => s.UpdateAsync(input, ct))
            .WithName("UpdateCustomerSyncSchedule").WithSummary("Switch the customer sync's batch schedule on or off, or change its interval (Administrators)");

        api.MapGet("/log", async (IntegrationLogQueries q, string? status, int? page, int? pageSize, CancellationToken ct) =>
            ListResponse<LogHeaderView>.From(await q.HeadersAsync(IntegrationLogQueries.ParseFilter(status, LogStatusFilter.Error), PageRequest.Of(page, pageSize), ct)))
            .WithName("ListIntegrationLog").WithSummary("Integration log headers, newest first; by default only the runs in error");
        api.MapGet("/log/{id:guid}", (IntegrationLogQueries q, Guid id, CancellationToken ct) => q.HeaderAsync(id, ct))
            .WithName("GetIntegrationLogHeader").WithSummary("One run's log header: its status, counts and who started it");
        api.MapGet("/log/{id:guid}/lines", async (IntegrationLogQueries q, Guid id, string? status, int? page, int? pageSize, CancellationToken ct) =>
            ListResponse<LogLineView>.From(await q.LinesAsync(id, IntegrationLogQueries.ParseFilter(status, LogStatusFilter.All), PageRequest.Of(page, pageSize), ct)))
            .WithName("ListIntegrationLogLines").WithSummary("One run's log lines, an account a line, with their messages");
        return api;
    }
}
