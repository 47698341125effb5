using System.Globalization;
using PsaBridge.Bench;

// Macro benchmarks of the bulk paths, run on demand (never in the test suite). See BENCHMARKS.md.
//   dotnet run -c Release --project bench/PsaBridge.Bench -- sync --accounts 100000 --engine sqlite
//   dotnet run -c Release --project bench/PsaBridge.Bench -- sync --accounts 1000000 --engine postgres --pg "Host=127.0.0.1;Port=55433;Username=postgres"
// Each phase runs in a child process of its own, so its peak memory is its own.
// The connectors bench runs three in-process hosts (see ConnectorsBench); WebApplicationFactory needs the web project's folder:
//   ASPNETCORE_TEST_CONTENTROOT_PSABRIDGE_WEB=$PWD/src/PsaBridge.Web \
//     dotnet bench/PsaBridge.Bench/bin/Release/net10.0/PsaBridge.Bench.dll connectors --accounts 100000 [--page-size 5000] [--limit 6000]
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var options = BenchOptions.Parse(args);
string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
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
    case "invoices":
        await InvoiceBench.RunAsync(args);
        break;
    case "connectors":
        await ConnectorsBench.RunAsync(options, int.Parse(Arg("--page-size") ?? "5000", CultureInfo.InvariantCulture),
            int.Parse(Arg("--limit") ?? "6000", CultureInfo.InvariantCulture));
        break;
    case "phase":
        await Orchestrator.RunPhaseAsync(() => Phases.RunAsync(options));
        break;
    default:
        Console.Error.WriteLine("usage: sync --accounts N --engine sqlite|postgres [--pg CONNECTION] [--dir DIR]");
        Environment.Exit(2);
        break;
}
