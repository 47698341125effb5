using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.Approvals;
using PsaBridge.Web.Pages.Shared;
using PsaBridge.Web.Pages.Shared.Grid;

namespace PsaBridge.Web.Pages.Psa.Approvals;

/// <summary>
/// The approver's queue in the shared grid: submitted and recalled time and expense, filtered by project, resource, kind
/// and stage; the selected entries approved (with billable hours lowered where typed), rejected, or their recalls decided,
/// with one comment. A second view lists the approved entries, whose approval can be cancelled (as Project Operations'
/// approvals offer): after a confirmation their actuals are reversed and they wait in the queue again.
/// </summary>
[Authorize(Policy = Policies.ManageProjects)]
public sealed class IndexModel(ApprovalQueue queue, ApprovalService approvals, Choices choices, WorkScope scope) : AppPage
{
    public const string BillablePrefix = "billable-", ApprovedView = "approved";

    public static ListGrid<ApprovalItem> Grid(IReadOnlyList<Choice> projects, IReadOnlyList<Choice> resources, bool approved = false)
    {
        var grid = new ListGrid<ApprovalItem>(approved ? "approved entries" : "entries", approved ? "approved-entries" : "approvals")
            .KeyedBy(i => i.Id)
            .Column("date", "Date", i => i.Date, GridFilterKind.DateRange)
            .Column("type", "Type", i => i.EntryType, GridFilterKind.Choice)
            .Column("stage", "Stage", i => i.Stage, approved ? GridFilterKind.None : GridFilterKind.Choice,
                choices: [(nameof(ApprovalStage.Submitted), "Submitted"), (nameof(ApprovalStage.RecallRequested), "Recall requested")])
            .Column("resource", "Resource", i => i.Resource)
            .Filter("resource-id", "Resource", GridFilterKind.Choice, v => i => i.ResourceId == Guid.Parse(v), Choices.Options(resources))
            .Column("project", "Project", i => i.Project)
            .Filter("project-id", "Project", GridFilterKind.Choice, v => i => i.ProjectId == Guid.Parse(v), Choices.Options(projects))
            .Column("task", "Task", i => i.Task)
            .Column("role", "Role or category", i => i.RoleOrCategory)
            .Column("quantity", "Quantity", i => i.Minutes, sortable: false, type: PsaBridge.Infrastructure.Export.ExportType.Number, export: i => i.Quantity)
            .Column("unit", "Unit", i => i.Unit, sortable: false)
            .Column("amount", "Amount", i => i.Amount, sortable: false)
            .Column("currency", "Currency", i => i.Currency, sortable: false)
            .Column("description", "Description", i => i.Description, GridFilterKind.Text);
        if (!approved) grid.Extra("billable", "Billable");
        return grid.SortedBy("date");
    }

    public static readonly GridAction[] Actions =
    [
        new("Approve", "Approve"), new("Reject", "Return / reject"), new("ApproveRecall", "Grant recall"), new("RejectRecall", "Refuse recall"),
    ];

    public static readonly GridAction[] ApprovedActions = [new("CancelApproval", "Cancel approval", Destructive: true)];

    /// <summary><c>approved</c> for the approved entries; otherwise the queue.</summary>
    [FromQuery(Name = "view")] public string? View { get; set; }

    public bool ShowsApproved => string.Equals(View, ApprovedView, StringComparison.OrdinalIgnoreCase);

    public ConfirmView? Confirm { get; private set; }

    [BindProperty(SupportsGet = true)] public GridQuery Query { get; set; } = new();

    public GridPage<ApprovalItem> Entries { get; private set; } = GridPage<ApprovalItem>.Empty;

    public async Task OnGetAsync(CancellationToken ct) => Entries = Checked(await (await GridAsync(ct)).PageAsync(await ItemsAsync(ct), Query, ct));

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct) => (await GridAsync(ct)).Export(await ItemsAsync(ct), Query);

    public Task<IActionResult> OnPostExportAsync(CancellationToken ct) => OnGetExportAsync(ct);

    public Task<IActionResult> OnPostApproveAsync(CancellationToken ct) => DecideAsync(ApprovalAction.Approve, "approved", ct);
    public Task<IActionResult> OnPostRejectAsync(CancellationToken ct) => DecideAsync(ApprovalAction.Reject, "returned or rejected", ct);
    public Task<IActionResult> OnPostApproveRecallAsync(CancellationToken ct) => DecideAsync(ApprovalAction.ApproveRecall, "recalled", ct);
    public Task<IActionResult> OnPostRejectRecallAsync(CancellationToken ct) => DecideAsync(ApprovalAction.RejectRecall, "kept approved", ct);

    /// <summary>Cancelling an approval reverses posted actuals, so it is asked first; an entry on an invoice is refused alone.</summary>
    public async Task<IActionResult> OnPostCancelApprovalAsync(bool confirmed, CancellationToken ct)
    {
        if (confirmed) return await DecideAsync(ApprovalAction.CancelApproval, "back in the queue, approval cancelled", ct);
        var selected = await SelectedAsync(ct);
        if (selected.Count == 0) return NothingSelected();
        Confirm = new ConfirmView($"Cancel the approval of {selected.Count} {(selected.Count == 1 ? "entry" : "entries")}?",
            $"{string.Join("; ", selected.Select(Label))}. Their actuals are reversed and they wait for approval again; an entry already on an invoice keeps its approval.",
            "CancelApproval", "Cancel approval", Query.Selected, new Dictionary<string, string> { ["comment"] = Request.Form["comment"].ToString() });
        await OnGetAsync(ct);
        return Page();
    }

    /// <summary>How an entry is named to the approver: its resource, day and project.</summary>
    public static string Label(ApprovalItem i) => $"{i.Resource ?? "no resource"}, {i.Date:d MMMM}, {i.Project}";

    private async Task<List<ApprovalItem>> SelectedAsync(CancellationToken ct) =>
        await (await GridAsync(ct)).Rows(await ItemsAsync(ct), new GridQuery { Selected = Query.Selected }).ToListAsync(ct);

    private IActionResult NothingSelected()
    {
        Notify("Select one or more entries first.");
        return BackToList();
    }

    private async Task<IActionResult> DecideAsync(ApprovalAction action, string done, CancellationToken ct)
    {
        var selected = await SelectedAsync(ct);
        if (selected.Count == 0) return NothingSelected();
        var entries = new List<ApprovalEntry>();
        var unreadable = new List<string>();
        foreach (var item in selected)
        {
            var typed = action == ApprovalAction.Approve ? Request.Form[BillablePrefix + item.Id].ToString().Trim() : "";
            decimal? billable = null;
            if (typed.Length > 0)
            {
                if (decimal.TryParse(typed.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var b)) billable = b;
                else unreadable.Add($"Billable of {item.Resource} on {item.Date:d MMMM}: '{typed}' is not a number.");
            }
            entries.Add(new ApprovalEntry(item.EntryType, item.Id, billable));
        }
        if (unreadable.Count > 0)
        {
            Notify(string.Join(" ", unreadable) + " Nothing was decided.");
            return BackToList();
        }
        try
        {
            var report = await approvals.DecideAsync(action, new ApprovalDecisionInput(entries, Request.Form["comment"]), ct);
            var labels = selected.ToDictionary(i => i.Id, Label);
            var failures = report.Results.Where(r => !r.Done).Select(r => $"{labels[r.Id]}: {r.Error}");
            ActedOnEach(report.Results.Where(r => r.Done).Select(r => r.Id));
            Notify($"{report.Done} of {report.Requested} {(report.Requested == 1 ? "entry" : "entries")} {done}." +
                   (report.Failed > 0 ? " Not done: " + string.Join(" ", failures) : ""));
        }
        catch (ValidationFailedException e)
        {
            Notify(string.Join(" ", e.Errors.Select(x => x.Field == "comment" ? "Comment: " + x.Message.Replace("'comment'", "The comment") : x.Message)));
        }
        return BackToList();
    }

    /// <summary>The entries of the view as this person may decide on them: an Administrator all, a Project manager the projects they manage.</summary>
    private async Task<IQueryable<ApprovalItem>> ItemsAsync(CancellationToken ct)
    {
        var items = ShowsApproved ? queue.Approved() : queue.Items();
        return await scope.ManagedProjectsAsync(ct) is { } managed ? items.Where(i => managed.Contains(i.ProjectId)) : items;
    }

    private async Task<ListGrid<ApprovalItem>> GridAsync(CancellationToken ct)
    {
        var projects = await choices.ProjectsAsync(ct);
        if (await scope.ManagedProjectsAsync(ct) is { } managed) projects = [.. projects.Where(p => managed.Contains(p.Id))];
        return Grid(projects, await choices.ResourcesAsync(ct), ShowsApproved);
    }
}
