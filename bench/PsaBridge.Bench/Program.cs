using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using PsaBridge.Bench;

// Macro benchmarks of the bulk paths, run on demand (never in the test suite). See BENCHMARKS.md.
//   dotnet run -c Release --project bench/PsaBridge.Bench -- sync --accounts 100000 --engine sqlite
//   dotnet run -c Release --project bench/PsaBridge.Bench -- sync --accounts 1000000 --engine postgres --pg "Host=127.0.0.1;Port=55433;Username=postgres"
// Each phase runs in a child process of its own, so its peak memory is its own.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var options = BenchOptions.Parse(args);
switch (options.Command)
{
    case "sync":
        await Orchestrator.RunSyncAsync(options);
        break;
    case "posting":
        await PostingRunner.RunAsync(args);
        break;
    case "phase":
        var result = await Phases.RunAsync(options);
        result["peakWorkingSetMB"] = Math.Round(Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0, 1);
        result["allocatedMB"] = Math.Round(GC.GetTotalAllocatedBytes() / 1024.0 / 1024.0);
        result["gcPauseMs"] = Math.Round(GC.GetTotalPauseDuration().TotalMilliseconds);
        result["gcCount"] = GC.CollectionCount(0);
        Console.WriteLine("RESULT " + JsonSerializer.Serialize(result));
        break;
    default:
        Console.Error.WriteLine("usage: sync --accounts N --engine sqlite|postgres [--pg CONNECTION] [--dir DIR]");
        Environment.Exit(2);
        break;
}
