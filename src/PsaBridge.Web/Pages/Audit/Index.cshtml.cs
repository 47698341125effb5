using Microsoft.AspNetCore.Mvc;
using PsaBridge.Finance.Audit;
using PsaBridge.Web.Pages.Shared;
using PsaBridge.Web.Pages.Shared.Grid;

namespace PsaBridge.Web.Pages.Audit;

/// <summary>
/// The audit trail in the shared grid, newest first, filtered by user, record and period, exported as CSV or XLSX
/// (the filtered lines, or the selected ones).
/// Administrators and Finance read it (ManageFinance), as on the API.
/// </summary>
[Authorize(Policy = Policies.ManageFinance)]
public sealed class IndexModel(AuditQueries audit) : AppPage
{
    public static readonly ListGrid<AuditEntry> Grid = new ListGrid<AuditEntry>("audit lines", "audit-trail")
        .KeyedBy(e => e.Id)
        .Column("at", "When", e => e.At, GridFilterKind.DateRange)
        .Column("user", "User", e => e.Actor, GridFilterKind.Text)
        .Column("channel", "Through", e => e.Channel, GridFilterKind.Text)
        .Column("action", "Action", e => e.Action, GridFilterKind.Text)
        .Column("entity", "Record type", e => e.Entity, GridFilterKind.Text)
        .Column("record", "Record id", e => e.RecordId, GridFilterKind.Text)
        .Column("details", "Details", e => e.Details, sortable: false)
        .SortedBy("at", descending: true);

    [BindProperty(SupportsGet = true)] public GridQuery Query { get; set; } = new();

    public GridPage<AuditEntry> Entries { get; private set; } = GridPage<AuditEntry>.Empty;

    public async Task OnGetAsync(CancellationToken ct) => Entries = Checked(await Grid.PageAsync(audit.Query(new AuditFilter()), Query, ct));

    public IActionResult OnGetExport() => Grid.Export(audit.Query(new AuditFilter()), Query);

    public IActionResult OnPostExport() => OnGetExport();
}
