using Microsoft.AspNetCore.Http.HttpResults;
using PsaBridge.Psa.Expenses;
using PsaBridge.Psa.Time;
using PsaBridge.Web.Infrastructure.Auditing;

namespace PsaBridge.Web.Apis;

/// <summary>A resource takes back an entry: a submitted one returns to Draft, an approved one waits for its approver to grant the recall.</summary>
public static class EntryRecallsApi
{
    public static RouteGroupBuilder MapEntryRecallsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/psa").WithTags("PSA time and expense").RequireAuthorization(Policies.EnterTime).Audited();
        api.MapPost("/time-entries/{id:guid}/recall", RecallTimeEntryAsync).WithName("RecallTimeEntry").ForOwnTimeEntry()
            .WithSummary("Recall a time entry: Submitted to Draft, or Approved to Recall Requested (refused once invoiced)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/expense-entries/{id:guid}/recall", RecallExpenseAsync).WithName("RecallExpense").ForOwnExpense()
            .WithSummary("Recall an expense: Submitted to Draft, or Approved to Recall Requested (refused once invoiced)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    public static async Task<Ok<TimeEntry>> RecallTimeEntryAsync(TimeEntryService s, Guid id, CancellationToken ct) => TypedResults.Ok(await s.RecallAsync(id, ct));

    public static async Task<Ok<ExpenseEntry>> RecallExpenseAsync(ExpenseService s, Guid id, CancellationToken ct) => TypedResults.Ok(await s.RecallAsync(id, ct));
}
