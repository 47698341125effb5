using Microsoft.AspNetCore.Http.HttpResults;
using PsaBridge.Infrastructure.Paging;
using PsaBridge.Psa.Sales;
using PsaBridge.Psa.Sales.Contracts;
using PsaBridge.Psa.Sales.Estimates;
using PsaBridge.Psa.Sales.Quotes;
using PsaBridge.Web.Infrastructure;
using PsaBridge.Web.Security;
using PsaBridge.Web.Infrastructure.Auditing;

namespace PsaBridge.Web.Apis;

/// <summary>
/// Project contracts beyond creating and reading one (those stay with project accounting): the PSA state (confirm,
/// one-way; close), price lists, and the lines and details of a contract made without a quote.
/// </summary>
public static class ContractSalesApi
{
    public static RouteGroupBuilder MapContractSalesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/psa/contracts/{id:guid}").WithTags("PSA sales: contracts").RequireAuthorization(Policies.Read).Audited();
        var manage = api.MapGroup("").RequireAuthorization(Policies.ManageProjects);
        manage.MapPost("/confirm", ConfirmAsync).WithName("ConfirmContract")
            .WithSummary("Confirm a draft contract (one-way): Active, status reason Confirmed; read-only from then on but for milestones' invoice status")
            .ProducesSalesProblems();
        manage.MapPost("/close", CloseAsync).WithName("CloseContract").WithSummary("Close an active contract (status reason Completed)").ProducesSalesProblems();
        manage.MapPut("/price-lists", SetPriceListsAsync).WithName("SetContractPriceLists")
            .WithSummary("Replace a draft contract's price lists; its details are priced again and its rollups recomputed").ProducesSalesProblems();
        api.MapGet("/details", DetailsAsync).WithName("ListContractDetails").WithSummary("The contract's line details, each sales record beside its cost twin")
            .ProducesNotFound();
        app.MapContractLinesApi();
        return api;
    }

    public static async Task<Ok<ProjectContract>> ConfirmAsync(ContractService s, Guid id, CancellationToken ct) => TypedResults.Ok(await s.ConfirmAsync(id, ct));

    public static async Task<Ok<ProjectContract>> CloseAsync(ContractService s, Guid id, CancellationToken ct) => TypedResults.Ok(await s.CloseAsync(id, ct));

    public static async Task<Ok<ProjectContract>> SetPriceListsAsync(ContractService s, Guid id, PriceListsInput input, CancellationToken ct) =>
        TypedResults.Ok(await s.SetPriceListsAsync(id, input.PriceListIds, ct));

    public static async Task<Ok<ListResponse<LineDetailView>>> DetailsAsync(ContractDetailService s, Guid id, [AsParameters] DetailListRequest r, CancellationToken ct) =>
        TypedResults.Ok(ListResponse<LineDetailView>.From(await s.ListAsync(id, r.LineId, PageRequest.Of(r.Page, r.PageSize), ct)));
}
