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
/// with one comment.
/// </summary>
[Authorize(Policy = Policies.ManageProjects)]
public sealed class IndexModel(ApprovalQueue queue, ApprovalService approvals, Choices choices, WorkScope scope) : AppPage
{
    public const string BillablePrefix = "billable-";

    public static ListGrid<ApprovalItem> Grid(IReadOnlyList<Choice> projects, IReadOnlyList<Choice> resources) =>
        new ListGrid<ApprovalItem>("entries", "approvals")
            .KeyedBy(i => i.Id)
            .Column("date", "Date", i => i.Date, GridFilterKind.DateRange)
            .Column("type", "Type", i => i.EntryType, GridFilterKind.Choice)
            .Column("stage", "Stage", i => i.Stage, GridFilterKind.Choice,
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
            .Column("description", "Description", i => i.Description, GridFilterKind.Text)
            .Extra("billable", "Billable")
            .SortedBy("date");

    public static readonly GridAction[] Actions =
    [
        new("Approve", "Approve"), new("Reject", "Return / reject"), new("ApproveRecall", "Grant recall"), new("RejectRecall", "Refuse recall"),
    ];

    [BindProperty(SupportsGet = true)] public GridQuery Query { get; set; } = new();

    public GridPage<ApprovalItem> Entries { get; private set; } = GridPage<ApprovalItem>.Empty;

    public async Task OnGetAsync(CancellationToken ct) => Entries = Checked(await (await GridAsync(ct)).PageAsync(await ItemsAsync(ct), Query, ct));

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct) => (await GridAsync(ct)).Export(await ItemsAsync(ct), Query);

    public Task<IActionResult> OnPostExportAsync(CancellationToken ct) => OnGetExportAsync(ct);

    public Task<IActionResult> OnPostApproveAsync(CancellationToken ct) => DecideAsync(ApprovalAction.Approve, "approved", ct);
    public Task<IActionResult> OnPostRejectAsync(CancellationToken ct) => DecideAsync(ApprovalAction.Reject, "returned or rejected", ct);
    public Task<IActionResult> OnPostApproveRecallAsync(CancellationToken ct) => DecideAsync(ApprovalAction.ApproveRecall, "recalled", ct);
    public Task<IActionResult> OnPostRejectRecallAsync(CancellationToken ct) => DecideAsync(ApprovalAction.RejectRecall, "kept approved", ct);

    private async Task<IActionResult> DecideAsync(ApprovalAction action, string done, CancellationToken ct)
    {
        var selected = await (await GridAsync(ct)).Rows(await ItemsAsync(ct), new GridQuery { Selected = Query.Selected }).ToListAsync(ct);
        if (selected.Count == 0)
        {
            Notify("Select one or more entries first.");
            return BackToList();
        }
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
            var failures = report.Results.Where(r => !r.Done).Select(r => r.Error);
            Notify($"{report.Done} of {report.Requested} {(report.Requested == 1 ? "entry" : "entries")} {done}." +
                   (report.Failed > 0 ? " Not done: " + string.Join(" ", failures) : ""));
        }
        catch (ValidationFailedException e)
        {
            Notify(string.Join(" ", e.Errors.Select(x => x.Field == "comment" ? "Comment: " + x.Message.Replace("'comment'", "The comment") : x.Message)));
        }
        return BackToList();
    }

    /// <summary>The queue as this person may decide on it: an Administrator all of it, a Project manager the projects they manage.</summary>
    private async Task<IQueryable<ApprovalItem>> ItemsAsync(CancellationToken ct) =>
        await scope.ManagedProjectsAsync(ct) is { } managed ? queue.Items().Where(i => managed.Contains(i.ProjectId)) : queue.Items();

    private async Task<ListGrid<ApprovalItem>> GridAsync(CancellationToken ct)
    {
        var projects = await choices.ProjectsAsync(ct);
        if (await scope.ManagedProjectsAsync(ct) is { } managed) projects = [.. projects.Where(p => managed.Contains(p.Id))];
        return Grid(projects, await choices.ResourcesAsync(ct));
    }
}
