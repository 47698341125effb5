using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using PsaBridge.Infrastructure.Paging;
using PsaBridge.Psa.Sales;
using PsaBridge.Psa.Sales.Opportunities;
using PsaBridge.Psa.Sales.Quotes;
using PsaBridge.Web.Infrastructure;
using PsaBridge.Web.Security;
using PsaBridge.Web.Infrastructure.Auditing;

namespace PsaBridge.Web.Apis;

public sealed record OpportunityListRequest(
    [property: Description("Only opportunities of this customer (PSA account id).")] Guid? CustomerId = null,
    [property: Description("Open, Won or Lost.")] OpportunityState? State = null,
    [property: Description("Part of the name.")] string? Search = null,
    [property: Description("name, closeDate or created; '-' before it for descending (name by default).")] string? Sort = null,
    [property: Description("Page number, from 1.")] int? Page = null,
    [property: Description("Opportunities a page, 1 to 500 (50 when not given).")] int? PageSize = null);

/// <summary>Opportunities (<c>opportunity</c>, <c>opportunityproduct</c>) and the quotes made from them.</summary>
public static class OpportunitiesApi
{
    public static RouteGroupBuilder MapOpportunitiesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/psa/opportunities").WithTags("PSA sales: opportunities").RequireAuthorization(Policies.Read).Audited();
        var manage = api.MapGroup("").RequireAuthorization(Policies.ManageProjects);
        api.MapGet("/", ListAsync).WithName("ListOpportunities").WithSummary("Opportunities, filtered, sorted and paged").ProducesValidationProblem();
        manage.MapPost("/", CreateAsync).WithName("CreateOpportunity").WithSummary("Create an opportunity with its lines and price lists").ProducesSalesProblems();
        api.MapGet("/{id:guid}", GetAsync).WithName("GetOpportunity").WithSummary("One opportunity with its lines and price lists").ProducesNotFound();
        manage.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateOpportunity").WithSummary("Replace an open opportunity's fields, lines and price lists").ProducesSalesProblems();
        manage.MapPost("/{id:guid}/close", CloseAsync).WithName("CloseOpportunity")
            .WithSummary("Close an opportunity as Won, Canceled or OutSold (refused while it has open quotes)").ProducesSalesProblems();
        manage.MapPost("/{id:guid}/quotes", CreateQuoteAsync).WithName("CreateQuoteFromOpportunity")
            .WithSummary("Make a quote from an open opportunity: its customer, order type, contracting unit, price lists and lines unless given").ProducesSalesProblems();
        return api;
    }

    public static async Task<Ok<ListResponse<Opportunity>>> ListAsync(OpportunityService s, [AsParameters] OpportunityListRequest r, CancellationToken ct) =>
        TypedResults.Ok(ListResponse<Opportunity>.From(await s.ListAsync(new OpportunityFilter(r.CustomerId, r.State, r.Search, r.Sort), PageRequest.Of(r.Page, r.PageSize), ct)));

    public static async Task<Created<Opportunity>> CreateAsync(OpportunityService s, OpportunityInput input, CancellationToken ct)
    {
        var opportunity = await s.CreateAsync(input, ct);
        return SalesApi.Created($"/api/psa/opportunities/{opportunity.Id}", opportunity);
    }

    public static async Task<Ok<Opportunity>> GetAsync(OpportunityService s, Guid id, CancellationToken ct) => TypedResults.Ok(await s.GetAsync(id, ct));

    public static async Task<Ok<Opportunity>> UpdateAsync(OpportunityService s, Guid id, OpportunityInput input, CancellationToken ct) =>
        TypedResults.Ok(await s.UpdateAsync(id, input, ct));

    public static async Task<Ok<Opportunity>> CloseAsync(OpportunityService s, Guid id, CloseOpportunityInput input, CancellationToken ct) =>
        TypedResults.Ok(await s.CloseAsync(id, input, ct));

    public static async Task<Created<Quote>> CreateQuoteAsync(QuoteService s, Guid id, QuoteInput input, CancellationToken ct)
    {
        var quote = await s.CreateAsync(input with { OpportunityId = id }, ct);
        return SalesApi.Created($"/api/psa/quotes/{quote.Id}", quote);
    }
}
