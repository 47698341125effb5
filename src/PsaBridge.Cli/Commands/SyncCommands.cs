using System.CommandLine;
using PsaBridge.Cli.Infrastructure;
using PsaBridge.Finance.IntegrationLog;
using PsaBridge.Infrastructure.Paging;
using PsaBridge.Finance.Audit;
using PsaBridge.Integration.CustomerSync;
using PsaBridge.Integration.Hosting;
using PsaBridge.Integration.Log;
using Spectre.Console;

namespace PsaBridge.Cli.Commands;

/// <summary><c>psabridge sync</c>: runs an integration job now, interactively (no batch job id).</summary>
internal static class SyncCommands
{
    /// <summary>Error lines a real run lists at the end; the rest are in <c>psabridge log show</c>.</summary>
    private const int ListedErrors = 100;

    public static Command Create() => new("sync", "Runs an integration job between PSA and finance now. The web host's scheduler runs the same jobs in batch; two runs never overlap.")
    {
        Customers(),
    };

    private static Command Customers()
    {
        var full = new Option<bool>("--full") { Description = "Re-read every PSA account, not only those changed since the last run." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Validate and report only: nothing is written, not even the log." };
        return new Command("customers", $"{SynchronizeCustomers.Description}: new and changed PSA accounts become finance customers; every account gets a line in the integration log.")
        {
            full,
            dryRun,
        }.Runs(async ctx =>
        {
            var request = new SyncRequest(Full: ctx.Value(full), DryRun: ctx.Value(dryRun));
            var job = ctx.Service<SynchronizeCustomers>();
            // Taking the lease first refuses a run that would overlap another before any progress is shown.
            var run = await job.StartAsync(request, ctx.Cancellation);
            await ctx.Service<AuditTrail>().RunStartedAsync(run.Header, ctx.Cancellation);
            await ctx.Console.WithProgressAsync(request.DryRun ? "Checking accounts (dry run)" : "Synchronizing customers", 0, async bar =>
            {
                await job.ExecuteAsync(run, new InlineProgress<SyncProgress>(p => bar.Report(p.Processed, p.Total)), ctx.Cancellation);
                return run;
            });

            var header = LogHeaderView.From(run.Header);
            ctx.Console.WriteFields(request.DryRun ? "Dry run: nothing was written" : header.JobDescription,
                ("Read", header.Counts.Read),
                ("Created", header.Counts.Created),
                ("Updated", header.Counts.Updated),
                ("Unchanged", header.Counts.Unchanged),
                ("Failed", header.Counts.Failed),
                ("Zip codes created", header.Counts.ZipCodesCreated),
                ("Duration", TimeSpan.FromMilliseconds(header.DurationMs)),
                ("Status", header.StatusLabel),
                ("Source", ctx.Service<SyncEnds>().Source),
                ("Target", ctx.Service<SyncEnds>().Target),
                ("Log id", request.DryRun ? "none (a dry run writes no log)" : header.Id));
            if (header.Message is { } note) ctx.Console.WriteLine(note);

            var errors = request.DryRun
                ? run.DryRunLines.Where(l => l.Status == IntegrationStatus.Error).Select(LogLineView.From).ToList()
                : (await ctx.Service<IntegrationLogQueries>().LinesAsync(header.Id, LogStatusFilter.Error, new PageRequest(1, ListedErrors), ctx.Cancellation)).Items;
            if (errors.Count == 0) return ExitCodes.Ok;
            ctx.Console.WriteLine(request.DryRun
                ? $"Accounts in error ({errors.Count}): a real run would not synchronize them."
                : $"Accounts in error ({header.Counts.Failed}; every run retries them until they go through):");
            ctx.Console.Write(LogCommands.LinesTable(errors));
            if (!request.DryRun && header.Counts.Failed > errors.Count)
                ctx.Console.WriteLine($"The first {errors.Count} are shown; all: psabridge log show {header.Id} --status Error");
            return ExitCodes.CompletedWithErrors;
        });
    }
}
