using Microsoft.AspNetCore.Mvc;
using PsaBridge.Infrastructure.Paging;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Integration.Log;
using PsaBridge.Web.Pages.Shared;

namespace PsaBridge.Web.Pages.Integration.Log;

/// <summary>The Details of one run: its header and its lines, which the Status filter narrows to Completed or Error.</summary>
public sealed class DetailsModel(IntegrationLogQueries log) : AppPage
{
    public static readonly LogStatusFilter[] Filters = [LogStatusFilter.All, LogStatusFilter.Completed, LogStatusFilter.Error];

    [FromRoute] public Guid Id { get; set; }
    [FromQuery(Name = "status")] public string? Status { get; set; }
    [FromQuery(Name = Links.PageParameter)] public int? PageNumber { get; set; }

    public LogHeaderView Header { get; private set; } = null!;
    public LogStatusFilter Filter { get; private set; } = LogStatusFilter.All;
    public Page<LogLineView> Lines { get; private set; } = new([], 0, 1, PageRequest.DefaultPageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Header = await log.HeaderAsync(Id, ct);
        try
        {
            Filter = IntegrationLogQueries.ParseFilter(Status, LogStatusFilter.All);
            if (Filter == LogStatusFilter.Running) throw new ValidationFailedException("status", $"Status '{Status}' is not one of All, Completed, Error.");
        }
        catch (ValidationFailedException e)
        {
            ModelState.AddFieldErrors(e.Errors, "", GetType());
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Filter = LogStatusFilter.All;
        }
        Lines = await log.LinesAsync(Id, Filter, PageRequest.Of(PageNumber, null), ct);
    }
}
