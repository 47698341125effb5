using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using PsaBridge.Psa.Actuals;
using PsaBridge.Web.Infrastructure.Auditing;

namespace PsaBridge.Web.Apis;

/// <summary>The unbilled sales to mark.</summary>
public sealed record BillingStatusInput([property: Description("Ids of unbilled sales actuals, at most 10,000.")] List<Guid>? Ids);

/// <summary>The filter of the actuals whose totals are asked for (the same filters as the list of actuals).</summary>
public sealed record ActualTotalsRequest(
    Guid? ProjectId = null, Guid? ContractId = null, Guid? CustomerId = null, TransactionType? Type = null, Guid? ResourceId = null,
    Guid? SourceEntryId = null, Guid? InvoiceId = null, TransactionClass? Class = null, BillingStatus? BillingStatus = null,
    [property: Description("First document date, inclusive.")] DateOnly? From = null,
    [property: Description("Last document date, inclusive.")] DateOnly? To = null)
{
    public ActualFilter Filter() => new(ProjectId, ContractId, CustomerId, Type, ResourceId, SourceEntryId, InvoiceId, Class, BillingStatus, From, To);
}

/// <summary>The time-and-material billing backlog: unbilled sales marked Ready to Invoice and back, and the ledger's totals.</summary>
public static class BillingBacklogApi
{
    public static RouteGroupBuilder MapBillingBacklogApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/psa/actuals").WithTags("PSA actuals").RequireAuthorization(Policies.Read).Audited();
        api.MapPost("/ready-to-invoice", (BillingBacklogService s, BillingStatusInput input, CancellationToken ct) => MarkAsync(s, input, ready: true, ct)).RequireAuthorization(Policies.ManageFinance)
            .WithName("MarkReadyToInvoice").WithSummary("Mark unbilled sales Ready to Invoice; each actual that cannot be fails alone")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/not-ready-to-invoice", (BillingBacklogService s, BillingStatusInput input, CancellationToken ct) => MarkAsync(s, input, ready: false, ct)).RequireAuthorization(Policies.ManageFinance)
            .WithName("MarkNotReadyToInvoice").WithSummary("Put unbilled sales back to Unbilled Sales Created; each actual that cannot be fails alone")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/totals", TotalsAsync).WithName("ActualTotals")
            .WithSummary("Totals of the filtered actuals by transaction type and currency, reversals included").ProducesValidationProblem();
        return api;
    }

    public static async Task<Ok<BillingStatusReport>> MarkAsync(BillingBacklogService s, BillingStatusInput input, bool ready, CancellationToken ct) =>
        TypedResults.Ok(await s.MarkAsync(input.Ids, ready, ct));

    public static async Task<Ok<IReadOnlyList<ActualTotal>>> TotalsAsync(ActualQueries q, [AsParameters] ActualTotalsRequest request, CancellationToken ct) =>
        TypedResults.Ok(await q.TotalsAsync(request.Filter(), ct));
}
