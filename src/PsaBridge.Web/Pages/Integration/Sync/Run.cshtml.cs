using Microsoft.AspNetCore.Mvc;
using PsaBridge.Finance.IntegrationLog;
using PsaBridge.Integration.Log;
using PsaBridge.Web.Pages.Shared;

namespace PsaBridge.Web.Pages.Integration.Sync;

/// <summary>
/// A run started with Run now, while it goes. A small script polls the header's JSON and moves on
/// to the Details when the run ends; without JavaScript the page refreshes itself, and the server
/// sends a finished run to its Details.
/// </summary>
public sealed class RunModel(IntegrationLogQueries log) : AppPage
{
    [FromRoute] public Guid Id { get; set; }

    public LogHeaderView Header { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Header = await log.HeaderAsync(Id, ct);
        if (Header.Status != IntegrationStatus.Running) return Redirect(Links.LogDetails(Id));
        return Page();
    }
}
