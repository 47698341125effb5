using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using PsaBridge.Infrastructure.Export;
using PsaBridge.Infrastructure.Paging;
using PsaBridge.Psa.Sales;
using PsaBridge.Psa.Sales.Estimates;
using PsaBridge.Psa.Sales.Quotes;
using PsaBridge.Web.Infrastructure;
using PsaBridge.Web.Security;
using PsaBridge.Web.Infrastructure.Auditing;

namespace PsaBridge.Web.Apis;

public sealed record QuoteListRequest(
    [property: Description("Only quotes of this customer (PSA account id).")] Guid? CustomerId = null,
    [property: Description("Only quotes of this opportunity.")] Guid? OpportunityId = null,
    [property: Description("Draft, Active, Won or Closed.")] QuoteState? State = null,
    [property: Description("Part of the name.")] string? Search = null,
    [property: Description("name, created or state; '-' before it for descending (name by default).")] string? Sort = null,
    [property: Description("Page number, from 1.")] int? Page = null,
    [property: Description("Quotes a page, 1 to 500 (50 when not given).")] int? PageSize = null);

public sealed record DetailListRequest(
    [property: Description("Only the details of this line.")] Guid? LineId = null,
    [property: Description("Page number, from 1.")] int? Page = null,
    [property: Description("Details a page, 1 to 500 (50 when not given).")] int? PageSize = null);

/// <summary>Project quotes: the header, state (Draft → Active → Won or Closed), price lists, custom pricing, analytics and closing.</summary>
public static class QuotesApi
{
    public static RouteGroupBuilder MapQuotesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/psa/quotes").WithTags("PSA sales: quotes").RequireAuthorization(Policies.Read).Audited();
        var manage = api.MapGroup("").RequireAuthorization(Policies.ManageProjects);
        api.MapGet("/", ListAsync).WithName("ListQuotes").WithSummary("Quotes, filtered, sorted and paged").ProducesValidationProblem();
        manage.MapPost("/", CreateAsync).WithName("CreateQuote")
            .WithSummary("Create a quote (price lists default from its opportunity, customer, then the PSA parameters), with lines and details").ProducesSalesProblems();
        api.MapGet("/{id:guid}", GetAsync).WithName("GetQuote").WithSummary("One quote with its lines, milestones, invoice schedules, price lists and rollups").ProducesNotFound();
        manage.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateQuote").WithSummary("Change an open quote's name, account manager and requested delivery date").ProducesSalesProblems();
        manage.MapPost("/{id:guid}/activate", ActivateAsync).WithName("ActivateQuote").WithSummary("Draft → Active").ProducesSalesProblems();
        manage.MapPut("/{id:guid}/price-lists", SetPriceListsAsync).WithName("SetQuotePriceLists")
            .WithSummary("Replace an open quote's price lists; its details are priced again and its rollups recomputed").ProducesSalesProblems();
        manage.MapPost("/{id:guid}/custom-pricing", CustomPricingAsync).WithName("CreateQuoteCustomPricing")
            .WithSummary("Copy the quote's price lists into its own custom pricing").ProducesSalesProblems();
        manage.MapPost("/{id:guid}/win", WinAsync).WithName("CloseQuoteAsWon")
            .WithSummary("Close an active quote as won: it makes the project contract; sibling quotes close as lost").ProducesSalesProblems();
        manage.MapPost("/{id:guid}/lose", LoseAsync).WithName("CloseQuoteAsLost").WithSummary("Close a quote as lost, with the reason; nothing is made").ProducesSalesProblems();
        api.MapGet("/{id:guid}/analytics", AnalyticsAsync).WithName("GetQuoteAnalytics")
            .WithSummary("The quote line analytics breakdown: cost, sales and margin by role, category, class, billing type and month (?format=csv|xlsx to download)")
            .Produces<IReadOnlyList<BreakdownRow>>().Produces(StatusCodes.Status200OK, contentType: "text/csv").ProducesValidationProblem().ProducesNotFound();
        api.MapGet("/{id:guid}/details", DetailsAsync).WithName("ListQuoteDetails").WithSummary("The quote's details, each sales record beside its cost twin").ProducesNotFound();
        return api;
    }

    public static async Task<Ok<ListResponse<Quote>>> ListAsync(QuoteService s, [AsParameters] QuoteListRequest r, CancellationToken ct) =>
        TypedResults.Ok(ListResponse<Quote>.From(await s.ListAsync(new QuoteFilter(r.CustomerId, r.OpportunityId, r.State, r.Search, r.Sort),
            PageRequest.Of(r.Page, r.PageSize), ct)));

    public static async Task<Created<Quote>> CreateAsync(QuoteService s, QuoteInput input, CancellationToken ct)
    {
        var quote = await s.CreateAsync(input, ct);
        return SalesApi.Created($"/api/psa/quotes/{quote.Id}", quote);
    }

    public static async Task<Ok<Quote>> GetAsync(QuoteService s, Guid id, CancellationToken ct) => TypedResults.Ok(await s.GetAsync(id, ct));

    public static async Task<Ok<Quote>> UpdateAsync(QuoteService s, Guid id, QuoteHeaderInput input, CancellationToken ct) => TypedResults.Ok(await s.UpdateAsync(id, input, ct));

    public static async Task<Ok<Quote>> ActivateAsync(QuoteService s, Guid id, CancellationToken ct) => TypedResults.Ok(await s.ActivateAsync(id, ct));

    public static async Task<Ok<Quote>> SetPriceListsAsync(QuoteService s, Guid id, PriceListsInput input, CancellationToken ct) =>
        TypedResults.Ok(await s.SetPriceListsAsync(id, input, ct));

    public static async Task<Ok<Quote>> CustomPricingAsync(QuoteService s, Guid id, CancellationToken ct) => TypedResults.Ok(await s.CreateCustomPricingAsync(id, ct));

    public static async Task<Created<ProjectContract>> WinAsync(QuoteClosing s, Guid id, CloseQuoteInput? input, CancellationToken ct)
    {
        var contract = await s.WinAsync(id, input ?? new CloseQuoteInput(), ct);
        return SalesApi.Created($"/api/psa/contracts/{contract.Id}", contract);
    }

    public static async Task<Ok<Quote>> LoseAsync(QuoteClosing s, Guid id, CloseQuoteInput input, CancellationToken ct) => TypedResults.Ok(await s.LoseAsync(id, input, ct));

    public static async Task<IResult> AnalyticsAsync(QuoteAnalytics s, Guid id, [Description("csv or xlsx to download; JSON when not given.")] string? format,
        CancellationToken ct)
    {
        var rows = await s.BreakdownAsync(id, ct);
        if (format is null) return TypedResults.Ok(rows);
        var export = ExportFormats.Parse(format);
        return TypedResults.Stream(output => export.WriteAsync(output, QuoteAnalytics.Columns, rows.ToAsyncEnumerable(), ct), export.ContentType(),
            $"quote-{id}-analytics.{export.Extension()}");
    }

    public static async Task<Ok<ListResponse<LineDetailView>>> DetailsAsync(QuoteDetailService s, Guid id, [AsParameters] DetailListRequest r, CancellationToken ct) =>
        TypedResults.Ok(ListResponse<LineDetailView>.From(await s.ListAsync(id, r.LineId, PageRequest.Of(r.Page, r.PageSize), ct)));
}
