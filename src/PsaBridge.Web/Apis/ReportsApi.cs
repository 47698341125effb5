using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using PsaBridge.Infrastructure.Export;
using PsaBridge.Reporting.ActualsByPeriod;
using PsaBridge.Reporting.Backlog;
using PsaBridge.Reporting.Exports;
using PsaBridge.Reporting.Hours;
using PsaBridge.Reporting.Pipeline;
using PsaBridge.Reporting.Profitability;
using PsaBridge.Reporting.Shared;
using PsaBridge.Reporting.Utilization;
using PsaBridge.Web.Infrastructure.Auditing;

namespace PsaBridge.Web.Apis;

/// <summary>The filters of a report: a period of document dates and the records it is about.</summary>
public sealed record ReportRequest(
    [property: Description("First document date (yyyy-MM-dd), inclusive; open when empty.")] DateOnly? From,
    [property: Description("Last document date (yyyy-MM-dd), inclusive; open when empty.")] DateOnly? To,
    [property: Description("Only this customer (PSA account id).")] Guid? CustomerId,
    [property: Description("Only this project.")] Guid? ProjectId,
    [property: Description("Only this contracting unit.")] Guid? ContractingUnitId,
    [property: Description("Only this role, where the report has roles.")] Guid? RoleId)
{
    public ReportFilter Filter => new(From, To, CustomerId, ProjectId, ContractingUnitId, RoleId);
}

/// <summary>The reports: JSON for a page or a program, CSV and XLSX downloads of the same rows.</summary>
public static class ReportsApi
{
    public static RouteGroupBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        // A filter whose period runs backwards or that names no existing record answers 400 naming the field.
        var api = app.MapGroup("/api/reports").WithTags("Reports").RequireAuthorization(Policies.Read).Audited();
        api.ProducesValidationProblem();
        api.MapGet("/profitability", GetProfitability).WithName("GetProjectProfitability")
            .WithSummary("Project profitability").WithDescription("Cost, unbilled and billed sales, revenue and gross margin per project, customer and contracting unit.");
        api.MapGet("/profitability/export", ExportProfitability).WithName("ExportProjectProfitability").WithSummary("Project profitability as CSV or XLSX");
        api.MapGet("/backlog", GetBacklog).WithName("GetBillingBacklog")
            .WithSummary("Billing backlog / WIP").WithDescription("Unbilled sales by contract in ageing buckets, ready to invoice, and fixed-price milestones not yet invoiced.");
        api.MapGet("/backlog/export", ExportBacklog).WithName("ExportBillingBacklog").WithSummary("Billing backlog as CSV or XLSX");
        api.MapGet("/actuals-by-period", GetActualsByPeriod).WithName("GetActualsByPeriod")
            .WithSummary("Actuals by period").WithDescription("Cost, unbilled and billed sales by month and transaction class.");
        api.MapGet("/actuals-by-period/export", ExportActualsByPeriod).WithName("ExportActualsByPeriod").WithSummary("Actuals by period as CSV or XLSX");
        api.MapGet("/hours", GetHours).WithName("GetHours")
            .WithSummary("Hours").WithDescription("Chargeable, non-chargeable and complimentary hours by resource, role and month.");
        api.MapGet("/hours/export", ExportHours).WithName("ExportHours").WithSummary("Hours as CSV or XLSX");
        api.MapGet("/pipeline", GetPipeline).WithName("GetPipelineReport").WithSummary("Sales pipeline")
            .WithDescription("Work-based opportunities and quotes by state and estimated close month, weighted by probability; won and lost by month.");
        api.MapGet("/pipeline/export", ExportPipeline).WithName("ExportPipelineReport").WithSummary("Sales pipeline as CSV or XLSX");
        api.MapGet("/utilization", GetUtilization).WithName("GetUtilizationReport").WithSummary("Utilization")
            .WithDescription("Chargeable utilization by resource, role, unit and month; the period defaults to this month and the two before.");
        api.MapGet("/utilization/export", ExportUtilization).WithName("ExportUtilizationReport").WithSummary("Utilization as CSV or XLSX");
        api.MapGet("/actuals/export", ExportActuals).WithName("ExportActuals")
            .WithSummary("The actuals list as CSV or XLSX").WithDescription("Every actual the filters keep, streamed.");
        api.MapGet("/time-entries/export", ExportTimeEntries).WithName("ExportTimeEntries")
            .WithSummary("The time entries list as CSV or XLSX").WithDescription("Every time entry the filters keep, streamed.");
        return api;
    }

    public static async Task<Ok<ProfitabilityReport>> GetProfitability([AsParameters] ReportRequest request, ReportFilterCheck check,
        ProjectProfitability report, CancellationToken ct) =>
        TypedResults.Ok(await RunAsync(request, check, report.RunAsync, ct));

    public static Task<PushStreamHttpResult> ExportProfitability([AsParameters] ReportRequest request, [Description("csv or xlsx")] string? format,
        ReportFilterCheck check, ProjectProfitability report, CancellationToken ct) =>
        ExportAsync(request, format, check, report.RunAsync, ProjectProfitability.Name, ProjectProfitability.Columns, r => r.Projects, ct);

    public static async Task<Ok<BacklogReport>> GetBacklog([AsParameters] ReportRequest request,
        [Description("The date the backlog is aged on (yyyy-MM-dd); today when empty.")] DateOnly? asOf,
        ReportFilterCheck check, BillingBacklog report, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await RunAsync(request, check, (filter, c) => report.RunAsync(filter, asOf ?? Today(clock), c), ct));

    public static Task<PushStreamHttpResult> ExportBacklog([AsParameters] ReportRequest request, DateOnly? asOf, [Description("csv or xlsx")] string? format,
        ReportFilterCheck check, BillingBacklog report, TimeProvider clock, CancellationToken ct) =>
        ExportAsync(request, format, check, (filter, c) => report.RunAsync(filter, asOf ?? Today(clock), c), BillingBacklog.Name, BillingBacklog.Columns,
            r => r.Contracts, ct);

    public static async Task<Ok<IReadOnlyList<PeriodRow>>> GetActualsByPeriod([AsParameters] ReportRequest request, ReportFilterCheck check,
        ActualsByPeriodReport report, CancellationToken ct) =>
        TypedResults.Ok(await RunAsync(request, check, report.RunAsync, ct));

    public static Task<PushStreamHttpResult> ExportActualsByPeriod([AsParameters] ReportRequest request, [Description("csv or xlsx")] string? format,
        ReportFilterCheck check, ActualsByPeriodReport report, CancellationToken ct) =>
        ExportAsync(request, format, check, report.RunAsync, ActualsByPeriodReport.Name, ActualsByPeriodReport.Columns, rows => rows, ct);

    public static async Task<Ok<IReadOnlyList<HoursRow>>> GetHours([AsParameters] ReportRequest request, ReportFilterCheck check,
        HoursReport report, CancellationToken ct) =>
        TypedResults.Ok(await RunAsync(request, check, report.RunAsync, ct));

    public static Task<PushStreamHttpResult> ExportHours([AsParameters] ReportRequest request, [Description("csv or xlsx")] string? format,
        ReportFilterCheck check, HoursReport report, CancellationToken ct) =>
        ExportAsync(request, format, check, report.RunAsync, HoursReport.Name, HoursReport.Columns, rows => rows, ct);

    public static async Task<Ok<PipelineReport>> GetPipeline([AsParameters] ReportRequest request, ReportFilterCheck check,
        SalesPipelineReport report, CancellationToken ct) =>
        TypedResults.Ok(await RunAsync(request, check, report.RunAsync, ct));

    public static Task<PushStreamHttpResult> ExportPipeline([AsParameters] ReportRequest request, [Description("csv or xlsx")] string? format,
        ReportFilterCheck check, SalesPipelineReport report, CancellationToken ct) =>
        ExportAsync(request, format, check, report.RunAsync, SalesPipelineReport.Name, SalesPipelineReport.Columns, r => r.Rows, ct);

    public static async Task<Ok<UtilizationReportResult>> GetUtilization([AsParameters] ReportRequest request, ReportFilterCheck check,
        ResourceUtilizationReport report, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await RunAsync(request, check, (filter, c) => report.RunAsync(filter, Today(clock), c), ct));

    public static Task<PushStreamHttpResult> ExportUtilization([AsParameters] ReportRequest request, [Description("csv or xlsx")] string? format,
        ReportFilterCheck check, ResourceUtilizationReport report, TimeProvider clock, CancellationToken ct) =>
        ExportAsync(request, format, check, (filter, c) => report.RunAsync(filter, Today(clock), c), ResourceUtilizationReport.Name,
            ResourceUtilizationReport.Columns, r => r.Resources, ct);

    public static async Task<PushStreamHttpResult> ExportActuals([AsParameters] ReportRequest request, [Description("csv or xlsx")] string? format,
        ReportFilterCheck check, ActualsExport export, CancellationToken ct)
    {
        var type = ExportFormats.Parse(format);
        var (columns, rows) = await RunAsync(request, check, export.OpenAsync, ct);
        return Download(type, "actuals", columns, rows);
    }

    public static async Task<PushStreamHttpResult> ExportTimeEntries([AsParameters] ReportRequest request, [Description("csv or xlsx")] string? format,
        ReportFilterCheck check, TimeEntriesExport export, CancellationToken ct)
    {
        var type = ExportFormats.Parse(format);
        var (columns, rows) = await RunAsync(request, check, export.OpenAsync, ct);
        return Download(type, "time-entries", columns, rows);
    }

    /// <summary>Runs a report for the request's filter once the filter is checked (a bad filter answers 400 naming the field).</summary>
    private static async Task<T> RunAsync<T>(ReportRequest request, ReportFilterCheck check, Func<ReportFilter, CancellationToken, Task<T>> report,
        CancellationToken ct) =>
        await report(await check.CheckAsync(request.Filter, ct), ct);

    /// <summary>A report's rows as a download: the format is checked before the report runs.</summary>
    private static async Task<PushStreamHttpResult> ExportAsync<T, TRow>(ReportRequest request, string? format, ReportFilterCheck check,
        Func<ReportFilter, CancellationToken, Task<T>> report, string name, IReadOnlyList<ExportColumn<TRow>> columns, Func<T, IEnumerable<TRow>> rows,
        CancellationToken ct)
    {
        var type = ExportFormats.Parse(format);
        var result = await RunAsync(request, check, report, ct);
        return Download(type, name, columns, rows(result).ToAsyncEnumerable());
    }

    private static PushStreamHttpResult Download<T>(ExportFormat format, string name, IReadOnlyList<ExportColumn<T>> columns, IAsyncEnumerable<T> rows) =>
        TypedResults.Stream(body => format.WriteAsync(body, columns, rows), format.ContentType(), $"{name}.{format.Extension()}");

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
