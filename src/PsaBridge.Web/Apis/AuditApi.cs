using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using PsaBridge.Finance.Audit;
using PsaBridge.Infrastructure.Paging;
using PsaBridge.Web.Infrastructure;

namespace PsaBridge.Web.Apis;

/// <summary>Which audit lines to list, in which order, and which page.</summary>
public sealed record AuditListRequest(
    [property: Description("Only lines of users whose name contains this (case ignored).")] string? User = null,
    [property: Description("Only lines on records of this kind, e.g. Invoice, TimeEntry, PaymentTerm, IntegrationLog.")] string? Entity = null,
    [property: Description("Only lines on the record with this id (with entity: one record).")] string? RecordId = null,
    [property: Description("From this moment, inclusive (ISO 8601; UTC unless an offset is given).")] DateTimeOffset? From = null,
    [property: Description("Up to this moment, exclusive.")] DateTimeOffset? To = null,
    [property: Description("at (default), user, action, entity or record.")] string? Sort = null,
    [property: Description("asc or desc; the default is newest first.")] string? Dir = null,
    [property: Description("Page number, from 1.")] int? Page = null,
    [property: Description("Lines a page, 1 to 500 (50 when not given).")] int? PageSize = null)
{
    public AuditFilter Filter => new(User, Entity, RecordId, From?.UtcDateTime, To?.UtcDateTime);
    public bool Descending => !string.Equals(Dir, "asc", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// The audit trail over HTTP. Administrators and Finance read it (ManageFinance): they answer to auditors, and who did
/// what is not for every signed-in user to browse.
/// </summary>
public static class AuditApi
{
    public static RouteGroupBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/audit").WithTags("Audit trail").RequireAuthorization(Policies.ManageFinance);
        api.MapGet("/", ListAsync).WithName("ListAuditEntries")
            .WithSummary("Who created, changed, approved, confirmed, ran or deleted what and when; filtered by user, record and period, newest first")
            .ProducesValidationProblem();
        return api;
    }

    public static async Task<Ok<ListResponse<AuditEntry>>> ListAsync(AuditQueries audit, [AsParameters] AuditListRequest request, CancellationToken ct) =>
        TypedResults.Ok(ListResponse<AuditEntry>.From(await audit.ListAsync(request.Filter, request.Sort, request.Descending, PageRequest.Of(request.Page, request.PageSize), ct)));
}
