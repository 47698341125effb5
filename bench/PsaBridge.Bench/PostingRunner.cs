using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace PsaBridge.Bench;

/// <summary>Options of the posting benchmark: <c>posting --entries N --engine sqlite|postgres [--pg CONNECTION] [--dir DIR]</c>.</summary>
public sealed record PostingOptions(string? Phase, int Entries, string Engine, string Pg, string Dir)
{
    public static PostingOptions Parse(string[] args)
    {
        string Get(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }
        var phase = Get("--phase", "");
        return new PostingOptions(phase.Length == 0 ? null : phase, int.Parse(Get("--entries", "100000"), CultureInfo.InvariantCulture),
            Get("--engine", "sqlite"), Get("--pg", "Host=127.0.0.1;Port=55433;Username=postgres"),
            Get("--dir", Path.Combine(Path.GetTempPath(), "psabridge-bench-posting")));
    }

    public string[] ChildArgs(string phase) =>
        ["posting", "--phase", phase, "--entries", Entries.ToString(CultureInfo.InvariantCulture), "--engine", Engine, "--pg", Pg, "--dir", Dir];
}

/// <summary>
/// The posting benchmark (issue 6): approving N submitted time entries through the service's bulk method,
/// beside a raw-insert baseline of the same rows, then drafting and confirming one invoice over all the
/// unbilled sales. Each phase runs in a child process, so its peak memory is its own.
/// </summary>
public static class PostingRunner
{
    public static async Task RunAsync(string[] args)
    {
        var options = PostingOptions.Parse(args);
        if (options.Phase is not null)
        {
            await Orchestrator.RunPhaseAsync(() => PostingPhases.RunAsync(options));
            return;
        }

        Console.WriteLine($"# Posting benchmark: {options.Entries:N0} time entries on {options.Engine}, {Environment.ProcessorCount} cores, " +
                          $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, load average {PostingPhases.LoadAverage()}");
        var setup = await ChildAsync(options, "setup");
        var approve = await ChildAsync(options, "approve");
        var baseline = await ChildAsync(options, "baseline");
        var draft = await ChildAsync(options, "draft");
        await PostingPhases.CopyDraftedAsync(options);
        var confirm = await ChildAsync(options, "confirm");
        var confirmWrite = await ChildAsync(options, "confirm-write");
        await PostingPhases.DropDraftedAsync(options);

        var approveSeconds = approve.GetProperty("seconds").GetDouble();
        var baselineSeconds = baseline.GetProperty("seconds").GetDouble();
        var actuals = approve.GetProperty("actuals").GetInt32();
        var rows = approve.GetProperty("rows").GetInt32();
        Console.WriteLine();
        Console.WriteLine("| engine | entries | setup (s) | approve (s) | entries/s | actuals/s | rows written | peak MB | baseline (s) | baseline rows/s | approve/baseline | load (approve) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        Console.WriteLine($"| {options.Engine} | {options.Entries:N0} | {setup.GetProperty("seconds").GetDouble():F1} | {approveSeconds:F2} | " +
                          $"{options.Entries / approveSeconds:N0} | {actuals / approveSeconds:N0} | {rows:N0} | {approve.GetProperty("peakWorkingSetMB").GetDouble():F0} | " +
                          $"{baselineSeconds:F2} | {baseline.GetProperty("rows").GetInt32() / baselineSeconds:N0} | {approveSeconds / baselineSeconds:F2} | " +
                          $"{approve.GetProperty("load").GetString()} |");
        Console.WriteLine();
        var confirmSeconds = confirm.GetProperty("seconds").GetDouble();
        var writeSeconds = confirmWrite.GetProperty("seconds").GetDouble();
        Console.WriteLine("| engine | unbilled actuals | draft (s) | draft peak MB | confirm (s) | confirm peak MB | actuals after | its rows written alone (s) | rows | confirm/write | load (confirm) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        Console.WriteLine($"| {options.Engine} | {draft.GetProperty("details").GetInt32():N0} | {draft.GetProperty("seconds").GetDouble():F2} | " +
                          $"{draft.GetProperty("peakWorkingSetMB").GetDouble():F0} | {confirmSeconds:F2} | " +
                          $"{confirm.GetProperty("peakWorkingSetMB").GetDouble():F0} | {confirm.GetProperty("actuals").GetInt32():N0} | {writeSeconds:F2} | " +
                          $"{confirmWrite.GetProperty("rows").GetInt32():N0} | {confirmSeconds / writeSeconds:F2} | {confirm.GetProperty("load").GetString()} |");
    }

    private static Task<JsonElement> ChildAsync(PostingOptions options, string phase) =>
        Orchestrator.ChildAsync(phase, options.ChildArgs(phase));
}
