using Microsoft.AspNetCore.Mvc;
using PsaBridge.Finance.IntegrationLog;
using PsaBridge.Infrastructure.Export;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Integration.Log;
using PsaBridge.Web.Pages.Shared;
using PsaBridge.Web.Pages.Shared.Grid;

namespace PsaBridge.Web.Pages.Integration.Log;

/// <summary>The integration log form: headers newest first, filtered by Error unless the user picks another status (the seed's default).</summary>
[Authorize(Policy = Policies.Read)]
public sealed class IndexModel(IntegrationLogQueries log, LogCleanup cleanup) : AppPage
{
    /// <summary>The same order as the lines' filter on a run's details.</summary>
    public static readonly LogStatusFilter[] Filters = [LogStatusFilter.Error, LogStatusFilter.Completed, LogStatusFilter.All];

    public static readonly ListGrid<IntegrationLogHeader> Grid = new ListGrid<IntegrationLogHeader>("runs", "integration-log")
        .KeyedBy(h => h.Id)
        .Column("batch", "Batch job id", h => h.BatchJobId, GridFilterKind.Text)
        .Column("description", "Job description", h => h.JobDescription)
        .Column("executed", "Execution date", h => h.ExecutionDate, GridFilterKind.DateRange)
        .Column("status", "Status", h => h.Status, export: h => RunLog.StatusLabel(h.Status, h.Message))
        .Column("kind", "Run", h => h.Full, GridFilterKind.Choice, type: ExportType.Text, export: h => h.Full ? "Full" : "Incremental",
            choices: [("true", "Full"), ("false", "Incremental")])
        .Column("read", "Read", h => h.ReadCount)
        .Column("created", "Created", h => h.CreatedCount)
        .Column("updated", "Updated", h => h.UpdatedCount)
        .Column("unchanged", "Unchanged", h => h.UnchangedCount)
        .Column("failed", "Failed", h => h.FailedCount)
        .Column("duration", "Duration (ms)", h => h.DurationMs)
        .Extra("details", "Details")
        .SortedBy("executed", descending: true);

    [FromQuery(Name = "status")] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public GridQuery Query { get; set; } = new();

    [BindProperty, System.ComponentModel.DataAnnotations.Display(Name = "Older than (days)")] public int? Days { get; set; }

    public LogStatusFilter Filter { get; private set; } = LogStatusFilter.Error;
    public ConfirmView? Confirm { get; private set; }
    public GridPage<LogHeaderView> Headers { get; private set; } = GridPage<LogHeaderView>.Empty;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Days ??= cleanup.DefaultDays;
        ParseStatus();
        Headers = Checked(await Grid.PageAsync(await log.HeadersQueryAsync(Filter, ct), Query, ct)).Map(LogHeaderView.From);
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        ParseStatus();
        return Grid.Export(await log.HeadersQueryAsync(Filter, ct), Query);
    }

    public Task<IActionResult> OnPostExportAsync(CancellationToken ct) => OnGetExportAsync(ct);

    /// <summary>Deletes the log older than the days given, after a confirmation; an account's latest line always stays.</summary>
    [HandlerPolicy(Policies.Administer)]
    public async Task<IActionResult> OnPostCleanupAsync(bool confirmed, CancellationToken ct)
    {
        if (Days is not { } days || days < 1 || days > IntegrationLogOptions.MaxRetentionDays)
        {
            ModelState.AddModelError(nameof(Days), $"Older than (days) must be a whole number from 1 to {IntegrationLogOptions.MaxRetentionDays}.");
            await OnGetAsync(ct);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        if (!confirmed)
        {
            Confirm = new ConfirmView($"Delete the integration log older than {days} days?",
                "Runs and lines from before then are deleted, except each account's latest line and its run.", "Cleanup", "Delete old log", [],
                new Dictionary<string, string> { [nameof(Days)] = days.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            await OnGetAsync(ct);
            return Page();
        }
        var result = await cleanup.DeleteOlderThanAsync(days, ct);
        Notify($"Deleted {result.Runs} run{(result.Runs == 1 ? "" : "s")} and {result.Lines} line{(result.Lines == 1 ? "" : "s")} from before {Ui.When(result.Before)} UTC; every account's latest line was kept.");
        return BackToList();
    }

    private void ParseStatus()
    {
        try
        {
            Filter = IntegrationLogQueries.ParseFilter(Status, LogStatusFilter.Error);
        }
        catch (ValidationFailedException e)
        {
            ModelState.AddFieldErrors(e.Errors, "", GetType());
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }
}
