using Microsoft.AspNetCore.Mvc;
using PsaBridge.Psa.Actuals;
using PsaBridge.Web.Pages.Shared;
using PsaBridge.Web.Pages.Shared.Grid;

namespace PsaBridge.Web.Pages.Psa.Actuals;

/// <summary>
/// The Actuals ledger in the shared grid, filtered by project, contract, customer, type, class, billing status and period,
/// with the totals of what the filters keep; selected unbilled sales are marked Ready to Invoice, or back.
/// </summary>
[Authorize(Policy = Policies.Read)]
public sealed class IndexModel(ActualQueries actuals, BillingBacklogService backlog, Choices choices) : AppPage
{
    public static ListGrid<ActualView> Grid(IReadOnlyList<Choice> projects, IReadOnlyList<Choice> contracts, IReadOnlyList<Choice> customers) =>
        new ListGrid<ActualView>("actuals", "actuals")
            .KeyedBy(a => a.Id)
            .Column("date", "Document date", a => a.DocumentDate, GridFilterKind.DateRange)
            .Column("type", "Transaction type", a => a.TransactionType, GridFilterKind.Choice)
            .Column("class", "Transaction class", a => a.TransactionClass, GridFilterKind.Choice)
            .Column("billing", "Billing type", a => a.BillingType, GridFilterKind.Choice)
            .Column("status", "Billing status", a => a.BillingStatus, GridFilterKind.Choice)
            .Column("customer", "Customer", a => a.Customer)
            .Filter("customer-id", "Customer", GridFilterKind.Choice, v => a => a.CustomerId == Guid.Parse(v), Choices.Options(customers))
            .Column("contract", "Contract", a => a.Contract)
            .Filter("contract-id", "Contract", GridFilterKind.Choice, v => a => a.ContractId == Guid.Parse(v), Choices.Options(contracts))
            .Column("project", "Project", a => a.Project)
            .Filter("project-id", "Project", GridFilterKind.Choice, v => a => a.ProjectId == Guid.Parse(v), Choices.Options(projects))
            .Column("resource", "Resource", a => a.Resource, GridFilterKind.Text)
            .Column("role", "Role or category", a => a.Role ?? a.TransactionCategory)
            .Column("quantity", "Quantity", a => a.Quantity, sortable: false)
            .Column("price", "Unit price", a => a.UnitPrice, sortable: false)
            .Column("amount", "Amount", a => a.Amount, sortable: false)
            .Column("currency", "Currency", a => a.Currency)
            .Column("adjustment", "Adjustment status", a => a.AdjustmentStatus, GridFilterKind.Choice)
            .Column("entry", "Source entry", a => a.SourceEntryId, shown: false)
            .Column("created", "Created", a => a.CreatedOn)
            .SortedBy("date");

    public static readonly GridAction[] Actions = [new("Ready", "Ready to invoice"), new("NotReady", "Not ready to invoice")];

    [BindProperty(SupportsGet = true)] public GridQuery Query { get; set; } = new();

    public GridPage<ActualView> Actuals { get; private set; } = GridPage<ActualView>.Empty;
    public IReadOnlyList<ActualTotal> Totals { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var grid = await GridAsync(ct);
        Actuals = Checked(await grid.PageAsync(actuals.Rows(new ActualFilter()), Query, ct));
        Totals = await ActualQueries.TotalsAsync(grid.Apply(actuals.Rows(new ActualFilter()), Query).Query, ct);
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct) => (await GridAsync(ct)).Export(actuals.Rows(new ActualFilter()), Query);

    public Task<IActionResult> OnPostExportAsync(CancellationToken ct) => OnGetExportAsync(ct);

    [HandlerPolicy(Policies.ManageFinance)]
    public Task<IActionResult> OnPostReadyAsync(CancellationToken ct) => MarkAsync(ready: true, ct);

    [HandlerPolicy(Policies.ManageFinance)]
    public Task<IActionResult> OnPostNotReadyAsync(CancellationToken ct) => MarkAsync(ready: false, ct);

    private async Task<IActionResult> MarkAsync(bool ready, CancellationToken ct)
    {
        var ids = Query.Selected.Select(s => Guid.TryParse(s, out var id) ? id : (Guid?)null).OfType<Guid>().ToList();
        if (ids.Count == 0)
        {
            Notify("Select one or more unbilled sales first.");
            return BackToList();
        }
        var report = await backlog.MarkAsync(ids, ready, ct);
        Notify($"{report.Changed} of {report.Requested} marked {(ready ? "Ready to Invoice" : "Unbilled Sales Created")}." +
               (report.Failed > 0 ? " Not changed: " + string.Join(" ", report.Results.Where(r => !r.Changed).Select(r => r.Error)) : ""));
        return BackToList();
    }

    private async Task<ListGrid<ActualView>> GridAsync(CancellationToken ct) =>
        Grid(await choices.ProjectsAsync(ct), await choices.ContractsAsync(ct), await choices.CustomersAsync(ct));
}
