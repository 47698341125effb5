using System.Diagnostics;
using System.Text.Json;
using PsaBridge.Infrastructure.Storage;

namespace PsaBridge.Bench;

/// <summary>Runs each phase in a child process and prints one report.</summary>
public static class Orchestrator
{
    public static async Task RunSyncAsync(BenchOptions options)
    {
        Console.WriteLine($"# Customer sync benchmark: {options.Accounts:N0} accounts on {options.Engine}, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        var setup = await ChildAsync(options, "setup");
        var full = await ChildAsync(options, "sync-full");
        var baseline = await ChildAsync(options, "baseline");
        var incremental = await ChildAsync(options, "incremental");

        var syncSeconds = full.GetProperty("seconds").GetDouble();
        var baseSeconds = baseline.GetProperty("seconds").GetDouble();
        Console.WriteLine();
        Console.WriteLine($"| engine | accounts | generate (s) | full sync (s) | accounts/s | peak MB | baseline (s) | sync/baseline | failed | incremental {options.Changed:N0}, cold process (s) | incremental {options.Changed:N0}, warm (s) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        Console.WriteLine($"| {options.Engine} | {options.Accounts:N0} | {setup.GetProperty("seconds").GetDouble():F1} | {syncSeconds:F2} | {options.Accounts / syncSeconds:N0} | " +
                          $"{full.GetProperty("peakWorkingSetMB").GetDouble():F0} | {baseSeconds:F2} | {syncSeconds / baseSeconds:F2} | {full.GetProperty("failed").GetInt32():N0} | " +
                          $"{incremental.GetProperty("coldSeconds").GetDouble():F3} | {incremental.GetProperty("seconds").GetDouble():F3} |");
    }

    private static Task<JsonElement> ChildAsync(BenchOptions options, string phase) => ChildAsync(phase, options.ChildArgs(phase));

    /// <summary>
    /// Runs one phase in this process and prints its RESULT line (see <see cref="ReportAsync"/>), with its allocations
    /// by type when PSABRIDGE_BENCH_ALLOCATIONS=1 (<see cref="AllocationSampler"/>).
    /// </summary>
    internal static async Task RunPhaseAsync(Func<Task<Dictionary<string, object>>> phase)
    {
        using var allocations = AllocationSampler.StartIfAsked();
        var result = await phase();
        if (allocations is not null) result["allocationsByType"] = allocations.Top(25);
        await ReportAsync(result);
    }

    /// <summary>
    /// Prints a child phase's RESULT line: its figures, peak memory and GC, and how long the SQLite checkpoints it
    /// left running in the background took to finish after the phase stopped its clock (they run on the other core
    /// while the phase works; the last one finishes after it).
    /// </summary>
    private static async Task ReportAsync(Dictionary<string, object> result)
    {
        var watch = Stopwatch.StartNew();
        await SqliteCheckpointer.WhenIdleAsync();
        result["checkpointAfterSeconds"] = Math.Round(watch.Elapsed.TotalSeconds, 2);
        result["peakWorkingSetMB"] = Math.Round(Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0, 1);
        result["allocatedMB"] = Math.Round(GC.GetTotalAllocatedBytes() / 1024.0 / 1024.0);
        result["gcPauseMs"] = Math.Round(GC.GetTotalPauseDuration().TotalMilliseconds);
        result["gcCount"] = GC.CollectionCount(0);
        Console.WriteLine("RESULT " + JsonSerializer.Serialize(result));
    }

    /// <summary>Runs this program again with <paramref name="args"/> and returns the RESULT line it prints; its output is echoed.</summary>
    internal static async Task<JsonElement> ChildAsync(string phase, string[] args)
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") start.ArgumentList.Add(typeof(Orchestrator).Assembly.Location);
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        JsonElement? result = null;
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("RESULT ", StringComparison.Ordinal)) result = JsonDocument.Parse(line[7..]).RootElement.Clone();
            else Console.WriteLine($"  [{phase}] {line}");
        }
        await process.WaitForExitAsync();
        if (process.ExitCode != 0 || result is null) throw new InvalidOperationException($"Phase {phase} failed (exit {process.ExitCode}).");
        Console.WriteLine($"  [{phase}] {result}");
        return result.Value;
    }
}
