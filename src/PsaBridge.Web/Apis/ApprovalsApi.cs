using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using PsaBridge.Infrastructure.Paging;
using PsaBridge.Psa.Approvals;
using PsaBridge.Web.Infrastructure;
using PsaBridge.Web.Infrastructure.Auditing;

namespace PsaBridge.Web.Apis;

/// <summary>The approver's queue of submitted and recalled time and expense, filtered and paged.</summary>
public sealed record ApprovalQueueRequest(
    [property: Description("Only entries of this project.")] Guid? ProjectId = null,
    [property: Description("Only entries of this resource.")] Guid? ResourceId = null,
    [property: Description("Time or Expense.")] ApprovalEntryType? EntryType = null,
    [property: Description("Submitted (waiting for approval), RecallRequested (approved, and its resource asks for it back), or Approved (listed apart from the queue, for an approval to be cancelled).")] ApprovalStage? Stage = null,
    [property: Description("Page number, from 1.")] int? Page = null,
    [property: Description("Entries a page, 1 to 500 (50 when not given).")] int? PageSize = null);

/// <summary>Approvals: the queue, and the approver's decisions on many entries at once, each failing alone.</summary>
public static class ApprovalsApi
{
    public static RouteGroupBuilder MapApprovalsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/psa/approvals").WithTags("PSA approvals").RequireAuthorization(Policies.Read).Audited();

        api.MapGet("/", ListAsync).WithName("ListApprovals").WithSummary("The approval queue: submitted and recall-requested time and expense, oldest first")
            .ProducesValidationProblem();
        Decision(api, "/approve", ApprovalAction.Approve, "ApproveEntries",
            "Approve entries; a billable quantity below the one entered bills that much and posts the rest as non-chargeable unbilled sales");
        Decision(api, "/reject", ApprovalAction.Reject, "RejectEntries", "Reject entries with a comment: time is Returned, an expense Rejected");
        Decision(api, "/cancel", ApprovalAction.CancelApproval, "CancelApprovals",
            "Cancel approvals: the actuals are reversed and the entries are Submitted again (refused once invoiced)");
        Decision(api, "/recalls/approve", ApprovalAction.ApproveRecall, "ApproveRecalls",
            "Grant recalls: the actuals are reversed and time is Returned, an expense Rejected, to its resource");
        Decision(api, "/recalls/reject", ApprovalAction.RejectRecall, "RejectRecalls", "Refuse recalls: the entries stay Approved");
        return api;
    }

    private static void Decision(RouteGroupBuilder api, string path, ApprovalAction action, string name, string summary) =>
        api.MapPost(path, (ApprovalService s, ApprovalDecisionInput input, CancellationToken ct) => DecideAsync(s, action, input, ct)).RequireAuthorization(Policies.ManageProjects)
            .ForManagedProjects(c => c.Arguments.OfType<ApprovalDecisionInput>().SelectMany(i => i.Entries ?? [])
                .Where(e => e is { EntryType: not null, Id: not null }).Select(e => (e.EntryType!.Value, e.Id!.Value)))
            .WithName(name).WithSummary(summary).ProducesValidationProblem();

    public static async Task<Ok<ListResponse<ApprovalItem>>> ListAsync(ApprovalQueue queue, [AsParameters] ApprovalQueueRequest request, CancellationToken ct) =>
        TypedResults.Ok(ListResponse<ApprovalItem>.From(await queue.ListAsync(
            new ApprovalQueueFilter(request.ProjectId, request.ResourceId, request.EntryType, request.Stage), PageRequest.Of(request.Page, request.PageSize), ct)));

    public static async Task<Ok<ApprovalDecisionReport>> DecideAsync(ApprovalService service, ApprovalAction action, ApprovalDecisionInput input, CancellationToken ct) =>
        TypedResults.Ok(await service.DecideAsync(action, input, ct));
}
