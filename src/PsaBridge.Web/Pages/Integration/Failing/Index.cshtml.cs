using Microsoft.AspNetCore.Mvc;
using PsaBridge.Finance.IntegrationLog;
using PsaBridge.Integration.Log;
using PsaBridge.Web.Pages.Shared;
using PsaBridge.Web.Pages.Shared.Grid;

namespace PsaBridge.Web.Pages.Integration.Failing;

/// <summary>
/// The accounts whose latest attempt failed, whatever run it was in, grouped by error ("State: '…' does not exist ...": 66,666);
/// an error opens the list of its accounts, each linked to the account where it can be fixed.
/// </summary>
[Authorize(Policy = Policies.Read)]
public sealed class IndexModel(FailingAccounts failing) : AppPage
{
    public static readonly ListGrid<SyncFailure> Grid = new ListGrid<SyncFailure>("failing accounts", "failing-accounts")
        .KeyedBy(f => f.PsaAccountId)
        .Column("account", "PSA account", f => f.PsaAccountId, sortable: false)
        .Column("attempts", "Attempts", f => f.Attempts)
        .Column("first", "First failed", f => f.FirstFailedAt)
        .Column("last", "Last failed", f => f.LastFailedAt, GridFilterKind.DateRange)
        .Column("messages", "Messages", f => f.LastMessages, sortable: false)
        .SortedBy("last", descending: true);

    [FromQuery(Name = "error")] public string? Error { get; set; }
    [BindProperty(SupportsGet = true)] public GridQuery Query { get; set; } = new();

    public IReadOnlyList<ErrorGroup> Groups { get; private set; } = [];
    public int Total { get; private set; }
    public GridPage<FailingAccount> Accounts { get; private set; } = GridPage<FailingAccount>.Empty;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Groups = await failing.GroupsAsync(ct);
        Total = await failing.CountAsync(ct);
        var page = Checked(await Grid.PageAsync(failing.Query(Error), Query, ct));
        var described = await failing.DescribeAsync(page.Items, ct);
        Accounts = new GridPage<FailingAccount>(new(described, page.Page.Total, page.Page.PageNumber, page.Page.PageSize), page.View);
    }

    public IActionResult OnGetExport() => Grid.Export(failing.Query(Error), Query);

    public IActionResult OnPostExport() => OnGetExport();
}
