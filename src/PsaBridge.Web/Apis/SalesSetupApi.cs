using Microsoft.AspNetCore.Http.HttpResults;
using PsaBridge.Infrastructure.Paging;
using PsaBridge.Psa.Sales.Estimates;
using PsaBridge.Psa.Sales.InvoiceFrequencies;
using PsaBridge.Psa.Sales.Parameters;
using PsaBridge.Web.Infrastructure;
using PsaBridge.Web.Security;
using PsaBridge.Web.Infrastructure.Auditing;

namespace PsaBridge.Web.Apis;

/// <summary>The sales setup: invoice frequencies, the PSA parameters, and role prices of a price list (custom pricing).</summary>
public static class SalesSetupApi
{
    public static RouteGroupBuilder MapSalesSetupApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/psa").WithTags("PSA sales: setup").RequireAuthorization(Policies.Read).Audited();
        // The PSA parameters and invoice frequencies are setup (Administer); a deal's role prices are the project manager's.
        var setup = api.MapGroup("").RequireAuthorization(Policies.Administer);
        var manage = api.MapGroup("").RequireAuthorization(Policies.ManageProjects);
        api.MapGet("/invoice-frequencies", ListFrequenciesAsync).WithName("ListInvoiceFrequencies").WithSummary("Invoice frequencies by name")
            .ProducesValidationProblem();
        setup.MapPost("/invoice-frequencies", CreateFrequencyAsync).WithName("CreateInvoiceFrequency")
            .WithSummary("Create an invoice frequency: weekly or bi-weekly on a weekday, monthly on 1-4 days or weekdays").ProducesSalesProblems();
        api.MapGet("/invoice-frequencies/{id:guid}", GetFrequencyAsync).WithName("GetInvoiceFrequency").WithSummary("One invoice frequency with its runs").ProducesNotFound();
        api.MapGet("/parameters", GetParametersAsync).WithName("GetProjectParameters").WithSummary("The PSA parameters: default invoice frequency and price lists")
            .ProducesNotFound();
        setup.MapPut("/parameters", UpdateParametersAsync).WithName("UpdateProjectParameters")
            .WithSummary("Set the default invoice frequency of new lines and the sales price lists deals default to last").ProducesSalesProblems();
        manage.MapPut("/price-lists/{id:guid}/role-prices/{roleId:guid}", SetRolePriceAsync).WithName("SetRolePrice")
            .WithSummary("Set a role price of a price list; every open quote and draft contract priced on it is priced again").ProducesSalesProblems();
        return api;
    }

    public static async Task<Ok<ListResponse<InvoiceFrequency>>> ListFrequenciesAsync(InvoiceFrequencyService s, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(ListResponse<InvoiceFrequency>.From(await s.ListAsync(PageRequest.Of(page, pageSize), ct)));

    public static async Task<Created<InvoiceFrequency>> CreateFrequencyAsync(InvoiceFrequencyService s, InvoiceFrequencyInput input, CancellationToken ct)
    {
        var frequency = await s.CreateAsync(input, ct);
        return SalesApi.Created($"/api/psa/invoice-frequencies/{frequency.Id}", frequency);
    }

    public static async Task<Ok<InvoiceFrequency>> GetFrequencyAsync(InvoiceFrequencyService s, Guid id, CancellationToken ct) => TypedResults.Ok(await s.GetAsync(id, ct));

    public static async Task<Ok<ProjectParameter>> GetParametersAsync(ProjectParameterService s, CancellationToken ct) => TypedResults.Ok(await s.GetAsync(ct));

    public static async Task<Ok<ProjectParameter>> UpdateParametersAsync(ProjectParameterService s, ProjectParameterInput input, CancellationToken ct) =>
        TypedResults.Ok(await s.UpdateAsync(input, ct));

    public static async Task<Ok<PriceListChange>> SetRolePriceAsync(PriceListChanges s, Guid id, Guid roleId, RolePriceChange input, CancellationToken ct) =>
        TypedResults.Ok(await s.SetRolePriceAsync(id, roleId, input, ct));
}
