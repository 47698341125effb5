using Microsoft.AspNetCore.Mvc;
using PsaBridge.Psa.Invoicing;
using PsaBridge.Web.Pages.Shared;
using PsaBridge.Web.Pages.Shared.Grid;

namespace PsaBridge.Web.Pages.Psa.Invoices;

/// <summary>
/// Project invoices in the shared grid: drafts, confirmed invoices and their corrections, by contract and status; the
/// selected drafts confirmed together, each failing alone.
/// </summary>
[Authorize(Policy = Policies.Read)]
public sealed class IndexModel(InvoiceQueries invoices, InvoiceService service, Choices choices) : AppPage
{
    public static ListGrid<InvoiceRow> Grid(IReadOnlyList<Choice> contracts) =>
        new ListGrid<InvoiceRow>("invoices", "invoices")
            .KeyedBy(i => i.Id)
            .Column("name", "Invoice", i => i.Name, GridFilterKind.Text)
            .Column("contract", "Contract", i => i.Contract)
            .Filter("contract-id", "Contract", GridFilterKind.Choice, v => i => i.ContractId == Guid.Parse(v), Choices.Options(contracts))
            .Column("customer", "Customer", i => i.Customer, GridFilterKind.Text)
            .Column("date", "Invoice date", i => i.InvoiceDate, GridFilterKind.DateRange)
            .Column("status", "Status", i => i.Status, GridFilterKind.Choice)
            .Column("correction", "Correction", i => i.OriginalInvoiceId != null, GridFilterKind.Choice)
            .Column("total", "Total", i => i.TotalAmount, sortable: false)
            .Column("currency", "Currency", i => i.Currency)
            .Column("created", "Created", i => i.CreatedOn)
            .SortedBy("created", descending: true);

    public static readonly GridAction[] Actions = [new("Confirm", "Confirm selected drafts")];

    [BindProperty(SupportsGet = true)] public GridQuery Query { get; set; } = new();

    public GridPage<InvoiceRow> Invoices { get; private set; } = GridPage<InvoiceRow>.Empty;

    public async Task OnGetAsync(CancellationToken ct) => Invoices = Checked(await Grid(await choices.ContractsAsync(ct)).PageAsync(invoices.Rows(), Query, ct));

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct) => Grid(await choices.ContractsAsync(ct)).Export(invoices.Rows(), Query);

    public Task<IActionResult> OnPostExportAsync(CancellationToken ct) => OnGetExportAsync(ct);

    [HandlerPolicy(Policies.ManageFinance)]
    public Task<IActionResult> OnPostConfirmAsync(CancellationToken ct) =>
        EachSelectedAsync(Query.Selected, "draft invoices", "confirmed", id => service.ConfirmAsync(id, ct));
}
