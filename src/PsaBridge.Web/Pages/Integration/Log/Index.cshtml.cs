using Microsoft.AspNetCore.Mvc;
using PsaBridge.Finance.IntegrationLog;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Integration.Log;
using PsaBridge.Web.Pages.Shared;
using PsaBridge.Web.Pages.Shared.Grid;

namespace PsaBridge.Web.Pages.Integration.Log;

/// <summary>The integration log form: headers newest first, filtered by Error unless the user picks another status (the seed's default).</summary>
public sealed class IndexModel(IntegrationLogQueries log) : AppPage
{
    /// <summary>The same order as the lines' filter on a run's details.</summary>
    public static readonly LogStatusFilter[] Filters = [LogStatusFilter.Error, LogStatusFilter.Completed, LogStatusFilter.All];

    public static readonly ListGrid<IntegrationLogHeader> Grid = new ListGrid<IntegrationLogHeader>("runs", "integration-log")
        .KeyedBy(h => h.Id)
        .Column("batch", "Batch job id", h => h.BatchJobId, GridFilterKind.Text)
        .Column("description", "Job description", h => h.JobDescription)
        .Column("executed", "Execution date", h => h.ExecutionDate, GridFilterKind.DateRange)
        .Column("status", "Status", h => h.Status)
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

    public LogStatusFilter Filter { get; private set; } = LogStatusFilter.Error;
    public GridPage<LogHeaderView> Headers { get; private set; } = GridPage<LogHeaderView>.Empty;

    public async Task OnGetAsync(CancellationToken ct)
    {
        ParseStatus();
        Headers = Checked(await Grid.PageAsync(log.HeadersQuery(Filter), Query, ct)).Map(LogHeaderView.From);
    }

    public IActionResult OnGetExport()
    {
        ParseStatus();
        return Grid.Export(log.HeadersQuery(Filter), Query);
    }

    public IActionResult OnPostExport() => OnGetExport();

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
