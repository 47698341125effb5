using System.CommandLine;
using PsaBridge.Cli.Infrastructure;
using PsaBridge.Infrastructure.Export;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Reporting.ActualsByPeriod;
using PsaBridge.Reporting.Backlog;
using PsaBridge.Reporting.Hours;
using PsaBridge.Reporting.Pipeline;
using PsaBridge.Reporting.Profitability;
using PsaBridge.Reporting.Shared;
using PsaBridge.Reporting.Utilization;
using Spectre.Console;

namespace PsaBridge.Cli.Commands;

/// <summary><c>psabridge report NAME</c>: a report as a table on the terminal, or as CSV or XLSX.</summary>
internal static class ReportCommands
{
    private static readonly string[] Reports = [ProjectProfitability.Name, BillingBacklog.Name, ActualsByPeriodReport.Name, HoursReport.Name,
        SalesPipelineReport.Name, ResourceUtilizationReport.Name];

    public static Command Create()
    {
        var name = new Argument<string>("NAME") { Description = "The report: " + string.Join(", ", Reports) + "." };
        name.AcceptOnlyFromAmong(Reports);
        var format = new Option<string?>("--format") { Description = "table, csv or xlsx (default: a table on a terminal, csv otherwise).", HelpName = "FORMAT" };
        format.AcceptOnlyFromAmong("table", "csv", "xlsx");
        var output = new Option<FileInfo?>("--out") { Description = "Write to this file instead of the terminal (needed for xlsx).", HelpName = "FILE" };
        var from = new Option<DateOnly?>("--from") { Description = "First document date, inclusive (yyyy-MM-dd).", HelpName = "DATE" };
        var to = new Option<DateOnly?>("--to") { Description = "Last document date, inclusive (yyyy-MM-dd).", HelpName = "DATE" };
        var customer = new Option<Guid?>("--customer") { Description = "Only this customer (its PSA account id).", HelpName = "ID" };
        var project = new Option<Guid?>("--project") { Description = "Only this project (its id).", HelpName = "ID" };
        var unit = new Option<Guid?>("--contracting-unit") { Description = "Only this contracting unit (its id).", HelpName = "ID" };
        var role = new Option<Guid?>("--role") { Description = "Only this role (its id), where the report has roles.", HelpName = "ID" };
        var asOf = new Option<DateOnly?>("--as-of") { Description = "backlog: the date it is aged on (default today).", HelpName = "DATE" };
        var command = new Command("report", "Runs a report: project profitability, billing backlog, actuals by period, hours, pipeline or utilization.")
        {
            name, format, output, from, to, customer, project, unit, role, asOf,
        };
        return command.Runs(async ctx =>
        {
            var filter = await ctx.Service<ReportFilterCheck>().CheckAsync(
                new ReportFilter(ctx.Value(from), ctx.Value(to), ctx.Value(customer), ctx.Value(project), ctx.Value(unit), ctx.Value(role)), ctx.Cancellation);
            var written = ctx.Value(name) switch
            {
                ProjectProfitability.Name => Write(ctx, format, output, ProjectProfitability.Columns,
                    (await ctx.Service<ProjectProfitability>().RunAsync(filter, ctx.Cancellation)).Projects),
                BillingBacklog.Name => Write(ctx, format, output, BillingBacklog.Columns,
                    (await ctx.Service<BillingBacklog>().RunAsync(filter, ctx.Value(asOf) ?? Today(ctx), ctx.Cancellation)).Contracts),
                ActualsByPeriodReport.Name => Write(ctx, format, output, ActualsByPeriodReport.Columns,
                    await ctx.Service<ActualsByPeriodReport>().RunAsync(filter, ctx.Cancellation)),
                SalesPipelineReport.Name => Write(ctx, format, output, SalesPipelineReport.Columns,
                    (await ctx.Service<SalesPipelineReport>().RunAsync(filter, ctx.Cancellation)).Rows),
                ResourceUtilizationReport.Name => Write(ctx, format, output, ResourceUtilizationReport.Columns,
                    (await ctx.Service<ResourceUtilizationReport>().RunAsync(filter, Today(ctx), ctx.Cancellation)).Resources),
                _ => Write(ctx, format, output, HoursReport.Columns, await ctx.Service<HoursReport>().RunAsync(filter, ctx.Cancellation)),
            };
            await written;
            return ExitCodes.Ok;
        });
    }

    internal static async Task Write<T>(CommandContext ctx, Option<string?> formatOption, Option<FileInfo?> outputOption,
        IReadOnlyList<ExportColumn<T>> columns, IReadOnlyList<T> rows)
    {
        var file = ctx.Value(outputOption);
        var format = ctx.Value(formatOption) ?? (file is null && ctx.Console.Profile.Capabilities.Interactive ? "table" : "csv");
        if (format == "table")
        {
            if (file is not null) throw new ValidationFailedException("--out", "A table is shown on the terminal; write csv or xlsx to a file.");
            if (rows.Count == 0) ctx.Console.WriteLine("No rows.");
            else ctx.Console.Write(Output.Table(rows, columns.Select(c => (c.Header, c.Value)).ToArray()));
            return;
        }
        var type = ExportFormats.Parse(format, "--format");
        if (file is null && type == ExportFormat.Xlsx) throw new ValidationFailedException("--out", "XLSX is a binary file: give --out FILE.");
        await using var stream = file is null ? Console.OpenStandardOutput() : file.Create();
        await type.WriteAsync(stream, columns, rows.ToAsyncEnumerable(), ctx.Cancellation);
        if (file is not null) ctx.Console.WriteLine($"{rows.Count} rows written to {file.FullName}.");
    }

    private static DateOnly Today(CommandContext ctx) => DateOnly.FromDateTime(ctx.Service<TimeProvider>().GetUtcNow().UtcDateTime);
}
