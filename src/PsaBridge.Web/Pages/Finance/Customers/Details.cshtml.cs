using Microsoft.AspNetCore.Mvc;
using PsaBridge.Finance.Customers;
using PsaBridge.Integration.Log;
using PsaBridge.Web.Pages.Shared;
using PsaBridge.Web.Pages.Shared.Grid;

namespace PsaBridge.Web.Pages.Finance.Customers;

/// <summary>
/// A customer: its address, the PSA account it comes from, and the log lines that touched it, in the shared grid (sorted,
/// filtered, paged to any page, and exported as they are filtered).
/// </summary>
[Authorize(Policy = Policies.Read)]
public sealed class DetailsModel(CustomerQueries customers, IntegrationLogQueries log) : AppPage
{
    public static readonly ListGrid<AccountLogLine> Grid = new ListGrid<AccountLogLine>("log lines", "customer-log-lines")
        .KeyedBy(l => l.HeaderId.ToString() + "|" + l.LineNumber)
        .Column("executed", "Execution date", l => l.ExecutionDate, GridFilterKind.DateRange)
        .Column("job", "Job description", l => l.JobDescription, GridFilterKind.Text)
        .Column("line", "Line", l => l.LineNumber)
        .Column("status", "Status", l => l.Status, GridFilterKind.Choice)
        .Column("action", "Action", l => l.Action, GridFilterKind.Choice)
        .Column("messages", "Messages", l => l.Messages, GridFilterKind.Text, sortable: false)
        .Column("account", "PSA account", l => l.AccountName, shown: false)
        .Column("customer", "Customer account", l => l.CustomerAccount, shown: false)
        .Column("batch", "Batch job id", l => l.BatchJobId, shown: false)
        .SortedBy("executed", descending: true);

    [FromRoute] public string Account { get; set; } = "";
    [BindProperty(SupportsGet = true)] public GridQuery Query { get; set; } = new();

    public Customer Customer { get; private set; } = null!;
    public GridPage<AccountLogLine> Lines { get; private set; } = GridPage<AccountLogLine>.Empty;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Customer = await customers.GetAsync(Account, ct);
        Lines = Checked(await Grid.PageAsync(log.AccountLinesQuery(Customer.PsaAccountId), Query, ct));
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct) =>
        Grid.Export(log.AccountLinesQuery((await customers.GetAsync(Account, ct)).PsaAccountId), Query);
}
