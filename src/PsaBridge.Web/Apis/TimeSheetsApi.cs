using Microsoft.AspNetCore.Http.HttpResults;
using PsaBridge.Psa.Time;
using PsaBridge.Web.Infrastructure.Auditing;

namespace PsaBridge.Web.Apis;

/// <summary>The weekly time grid of a resource, for any day of the week (weeks run Monday to Sunday); changed by that resource's person or an Administrator.</summary>
public static class TimeSheetsApi
{
    public static RouteGroupBuilder MapTimeSheetsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/psa/resources/{resourceId:guid}/timesheets/{day}").WithTags("PSA time and expense").RequireAuthorization(Policies.Read).Audited();
        api.MapGet("/", GetAsync).WithName("GetTimeSheet").WithSummary("A resource's week of time: rows of project, task, role and type; Monday to Sunday")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem();
        api.MapPut("/", SaveAsync).WithName("SaveTimeSheet").RequireAuthorization(Policies.EnterTime).ForOwnResource()
            .WithSummary("Save the week's grid: new hours become draft entries, changed drafts change, emptied drafts go; submitted time cannot change")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/copy-last-week", CopyLastWeekAsync).WithName("CopyLastWeek").RequireAuthorization(Policies.EnterTime).ForOwnResource()
            .WithSummary("Enter last week's rows and hours as drafts where this week has nothing on that row and day")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesValidationProblem();
        api.MapPost("/submit", SubmitAsync).WithName("SubmitTimeSheet").RequireAuthorization(Policies.EnterTime).ForOwnResource()
            .WithSummary("Submit the week's draft and returned entries; one that cannot be priced fails alone with its reason")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesValidationProblem();
        return api;
    }

    public static async Task<Ok<TimeSheet>> GetAsync(TimeSheetService s, Guid resourceId, DateOnly day, CancellationToken ct) =>
        TypedResults.Ok(await s.GetAsync(resourceId, day, ct));

    public static async Task<Ok<TimeSheet>> SaveAsync(TimeSheetService s, Guid resourceId, DateOnly day, TimeSheetInput input, CancellationToken ct)
    {
        await s.GetAsync(resourceId, day, ct); // an unknown resource is a 404, not a field error
        return TypedResults.Ok(await s.SaveAsync(resourceId, day, input, ct));
    }

    public static async Task<Ok<TimeSheet>> CopyLastWeekAsync(TimeSheetService s, Guid resourceId, DateOnly day, CancellationToken ct) =>
        TypedResults.Ok(await s.CopyLastWeekAsync(resourceId, day, ct));

    public static async Task<Ok<TimeSheetSubmission>> SubmitAsync(TimeSheetService s, Guid resourceId, DateOnly day, CancellationToken ct) =>
        TypedResults.Ok(await s.SubmitWeekAsync(resourceId, day, ct));
}
