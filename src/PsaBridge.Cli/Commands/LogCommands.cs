using System.CommandLine;
using PsaBridge.Cli.Infrastructure;
using PsaBridge.Integration.Log;
using Spectre.Console;

namespace PsaBridge.Cli.Commands;

/// <summary><c>psabridge log</c>: the integration log, read as the seed's log form reads it.</summary>
internal static class LogCommands
{
    public static Command Create()
    {
        var status = StatusOption(LogStatusFilter.Error, "Which runs to list");
        var paging = new PagingOptions();
        var log = new Command("log", "The integration log: one header per run of a job, newest first; by default only the runs in error.")
        {
            status,
            Show(),
        };
        return paging.AddTo(log).Runs(async ctx =>
        {
            var page = await ctx.Service<IntegrationLogQueries>().HeadersAsync(ctx.Value(status), paging.Read(ctx), ctx.Cancellation);
            ctx.Console.WritePage(page, ctx.Value(status) == LogStatusFilter.All ? "runs" : $"runs with status {ctx.Value(status)}",
                ("Log id", h => h.Id),
                ("Execution date", h => h.ExecutionDate),
                ("Batch job id", h => h.BatchJobId),
                ("Job description", h => h.JobDescription),
                ("Status", h => h.StatusLabel),
                ("Read", h => h.Counts.Read),
                ("Created", h => h.Counts.Created),
                ("Updated", h => h.Counts.Updated),
                ("Unchanged", h => h.Counts.Unchanged),
                ("Failed", h => h.Counts.Failed),
                ("Duration", h => TimeSpan.FromMilliseconds(h.DurationMs)));
            return ExitCodes.Ok;
        });
    }

    private static Command Show()
    {
        var id = CommonArguments.Guid("ID", "The log id of the run (from 'psabridge log').");
        var status = StatusOption(LogStatusFilter.All, "Which lines to list");
        var paging = new PagingOptions();
        return paging.AddTo(new Command("show", "Shows one run: its header, then its lines with their messages.") { id, status }).Runs(async ctx =>
        {
            var queries = ctx.Service<IntegrationLogQueries>();
            var header = await queries.HeaderAsync(ctx.Value(id), ctx.Cancellation);
            ctx.Console.WriteFields($"Integration log {header.Id}",
                ("Log id", header.Id),
                ("Batch job id", header.BatchJobId),
                ("Job description", header.JobDescription),
                ("Execution date", header.ExecutionDate),
                ("Finished", header.FinishedAt),
                ("Status", header.StatusLabel),
                ("Read", header.Counts.Read),
                ("Created", header.Counts.Created),
                ("Updated", header.Counts.Updated),
                ("Unchanged", header.Counts.Unchanged),
                ("Failed", header.Counts.Failed),
                ("Zip codes created", header.Counts.ZipCodesCreated),
                ("Duration", TimeSpan.FromMilliseconds(header.DurationMs)),
                ("Message", header.Message));
            var lines = await queries.LinesAsync(header.Id, ctx.Value(status), paging.Read(ctx), ctx.Cancellation);
            if (lines.Total == 0)
            {
                ctx.Console.WriteLine(ctx.Value(status) == LogStatusFilter.All ? "No lines." : $"No lines with status {ctx.Value(status)}.");
                return ExitCodes.Ok;
            }
            ctx.Console.WritePage(lines, "lines",
                ("Line", l => l.LineNumber),
                ("PSA account", l => l.PsaAccountId),
                ("Account name", l => l.AccountName),
                ("Account number", l => l.AccountNumber),
                ("Customer account", l => l.CustomerAccount),
                ("Status", l => l.Status),
                ("Action", Action),
                ("Messages", l => l.Messages));
            return ExitCodes.Ok;
        });
    }

    /// <summary>Log lines as the sync's summary lists its errors.</summary>
    public static Table LinesTable(IEnumerable<LogLineView> lines) => Output.Table(lines,
        ("Line", l => l.LineNumber),
        ("PSA account", l => l.PsaAccountId),
        ("Account name", l => l.AccountName),
        ("Account number", l => l.AccountNumber),
        ("Messages", l => l.Messages));

    private static object? Action(LogLineView line) => line.ZipCodeCreated ? $"{line.Action}; zip code created" : line.Action;

    private static Option<LogStatusFilter> StatusOption(LogStatusFilter fallback, string what) => new("--status")
    {
        Description = $"{what}: Error, Completed, Running or All.",
        DefaultValueFactory = _ => fallback,
    };
}
