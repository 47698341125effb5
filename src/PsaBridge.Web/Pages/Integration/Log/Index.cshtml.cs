using Microsoft.AspNetCore.Mvc;
using PsaBridge.Infrastructure.Paging;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Integration.Log;
using PsaBridge.Web.Pages.Shared;

namespace PsaBridge.Web.Pages.Integration.Log;

/// <summary>The integration log form: headers newest first, filtered by Error unless the user picks another status (the seed's default).</summary>
public sealed class IndexModel(IntegrationLogQueries log) : AppPage
{
    public static readonly LogStatusFilter[] Filters = [LogStatusFilter.Error, LogStatusFilter.Completed, LogStatusFilter.All];

    [FromQuery(Name = "status")] public string? Status { get; set; }
    [FromQuery(Name = Links.PageParameter)] public int? PageNumber { get; set; }

    public LogStatusFilter Filter { get; private set; } = LogStatusFilter.Error;
    public Page<LogHeaderView> Headers { get; private set; } = new([], 0, 1, PageRequest.DefaultPageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        try
        {
            Filter = IntegrationLogQueries.ParseFilter(Status, LogStatusFilter.Error);
        }
        catch (ValidationFailedException e)
        {
            ModelState.AddFieldErrors(e.Errors, "", GetType());
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        Headers = await log.HeadersAsync(Filter, PageRequest.Of(PageNumber, null), ct);
    }
}
