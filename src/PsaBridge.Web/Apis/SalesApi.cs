using Microsoft.AspNetCore.Http.HttpResults;

namespace PsaBridge.Web.Apis;

/// <summary>
/// The sales pipeline's endpoints: opportunities, quotes (lines, details, milestones, schedules, analytics, close
/// as won or lost), the contract endpoints beyond creating and reading one (confirm, close, lines, details), and their
/// setup (invoice frequencies, PSA parameters, role prices of a deal's price list). Errors are ProblemDetails: bad input
/// a 400 naming the field, an unknown id a 404, a change to a closed quote or a confirmed contract a 409.
/// </summary>
public static class SalesApi
{
    public static IEndpointRouteBuilder MapSalesApi(this IEndpointRouteBuilder app)
    {
        app.MapOpportunitiesApi();
        app.MapQuotesApi();
        app.MapQuoteLinesApi();
        app.MapContractSalesApi();
        app.MapSalesSetupApi();
        app.MapInvoiceRunsApi();
        return app;
    }

    /// <summary>The error answers every changing sales endpoint documents.</summary>
    public static RouteHandlerBuilder ProducesSalesProblems(this RouteHandlerBuilder endpoint) =>
        endpoint.ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

    /// <summary>The error answers of a read by id.</summary>
    public static RouteHandlerBuilder ProducesNotFound(this RouteHandlerBuilder endpoint) => endpoint.ProducesProblem(StatusCodes.Status404NotFound);

    public static Created<T> Created<T>(string path, T value) => TypedResults.Created(path, value);
}
