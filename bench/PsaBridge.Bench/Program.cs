using System.Globalization;
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
    case "export":
        await ExportBench.RunAsync(args);
        break;
    case "planning":
        await PlanningBench.RunAsync(args);
        break;
    case "quote":
        await QuoteBench.RunAsync(args);
        break;
    case "phase":
        await Orchestrator.RunPhaseAsync(() => Phases.RunAsync(options));
        break;
    default:
        Console.Error.WriteLine("usage: sync --accounts N --engine sqlite|postgres [--pg CONNECTION] [--dir DIR]");
        Environment.Exit(2);
        break;
}
