using Microsoft.AspNetCore.Mvc;
using PsaBridge.Finance.IntegrationLog;
using PsaBridge.Infrastructure.Auditing;
using PsaBridge.Infrastructure.Paging;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Integration.CustomerSync;
using PsaBridge.Integration.Log;
using PsaBridge.Psa.Accounts;
using PsaBridge.Web.Infrastructure;
using PsaBridge.Web.Pages.Shared;
using PsaBridge.Web.Pages.Shared.Grid;

namespace PsaBridge.Web.Pages.Integration.Failing;

/// <summary>
/// The accounts whose latest attempt failed, whatever run it was in, grouped by error ("State: '…' does not exist ...": 66,666);
/// an error opens the list of its accounts, each linked to the account where it can be fixed; the selected accounts,
/// once fixed, are synchronized now, each alone as the account page does.
/// </summary>
[Authorize(Policy = Policies.Read)]
public sealed class IndexModel(FailingAccounts failing, InteractiveRuns runs, AccountService accounts, IntegrationLogQueries log)
    : AppPage, IAuditedRecords
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

    public static readonly GridAction[] Actions = [new("Synchronize", "Synchronize selected now")];

    private readonly List<AuditedRecord> _synchronized = [];

    /// <summary>Each account synchronized now, with what came of it.</summary>
    public IEnumerable<AuditedRecord> AuditedRecords() => _synchronized;

    /// <summary>
    /// Runs the sync for each selected account alone, one after the other (one run holds the lease at a time); the notice
    /// says of each whether it is done or still failing, and why.
    /// </summary>
    [HandlerPolicy(Policies.OperateIntegration)]
    public async Task<IActionResult> OnPostSynchronizeAsync(CancellationToken ct)
    {
        var ids = Query.Selected.Select(s => Guid.TryParse(s, out var id) ? id : (Guid?)null).OfType<Guid>().Distinct().ToList();
        if (ids.Count == 0)
        {
            Notify("Select one or more failing accounts first.");
            return BackToList();
        }
        var outcomes = new List<string>();
        var done = 0;
        foreach (var id in ids)
        {
            try
            {
                var name = (await accounts.GetAsync(id, ct)).Name;
                var run = await runs.RunAsync(new SyncRequest(Account: id), ct);
                var (succeeded, outcome) = await OutcomeAsync(id, run, ct);
                if (succeeded) done++;
                outcomes.Add($"{name}: {outcome}");
                _synchronized.Add(new AuditedRecord("Account", id.ToString(), outcome));
            }
            catch (Exception e) when (e is ConflictException or NotFoundException)
            {
                outcomes.Add(e.Message);
            }
        }
        Notify($"{done} of {ids.Count} synchronized now. " + string.Join(" ", outcomes));
        return BackToList();
    }

    /// <summary>What a one-account run did to it: done, or still failing with the messages of its line.</summary>
    private async Task<(bool Done, string Outcome)> OutcomeAsync(Guid id, LogHeaderView run, CancellationToken ct)
    {
        if (run.Counts.Failed > 0)
        {
            var line = (await log.LinesForAsync(id, PageRequest.Of(1, 1), ct)).Items.Select(x => x.Line).FirstOrDefault();
            return (false, "still failing: " + string.Join(" ", line?.Messages ?? ["see its latest log line."]));
        }
        return run.Counts switch
        {
            { Created: > 0 } => (true, "done, its finance customer was created."),
            { Updated: > 0 } => (true, "done, its finance customer was updated."),
            { Unchanged: > 0 } => (true, "done, its finance customer was already up to date."),
            _ => (false, run.Status == IntegrationStatus.Error ? $"the run stopped: {run.Message}" : "not synchronized: the sync takes active accounts only."),
        };
    }
}
