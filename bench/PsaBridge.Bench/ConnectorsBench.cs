using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using PsaBridge.Integration.CustomerSync;
using PsaBridge.Integration.Dynamics;
using PsaBridge.Integration.Hosting;
using PsaBridge.Testing;

namespace PsaBridge.Bench;

/// <summary>
/// The customer sync through the Dynamics connectors: N accounts served by a Dataverse-compatible host (its service
/// protection set to Dataverse's documented 6,000 requests per 5 minutes) written into an F&amp;O-compatible host by a third
/// host, the three in this process over in-memory HTTP, each on its own SQLite files. Prints pages/s, requests/s, the
/// share of the run spent waiting on 429s, and records/min against dual-write's initial sync (about 100 a minute).
/// </summary>
public static class ConnectorsBench
{
    // Microsoft's dual-write documentation puts initial synchronization at about 100 records a minute.
    private const double DualWritePerMinute = 100;

    public static async Task RunAsync(BenchOptions options, int pageSize, int requestsPerWindow)
    {
        Console.WriteLine($"load {File.ReadAllText("/proc/loadavg").Trim()}");
        var psaLog = new RequestLog();
        var fnoLog = new RequestLog();
        var fnoTimes = new RequestTimes();
        // Warnings only: a line for every request would be the run's largest cost.
        const string Logging = "Logging:LogLevel:Default";
        await using var psa = await PsaBridgeApp.StartAsync(a => a.WithRequestLog(psaLog).WithSetting(Logging, "Warning")
            .WithSetting("PsaBridge:Dataverse:Serve:Limits:RequestsPerWindow", requestsPerWindow.ToString())
            .WithSetting("PsaBridge:Dataverse:Serve:Limits:WindowSeconds", "300"));
        await using var fno = await PsaBridgeApp.StartAsync(a => a.WithRequestLog(fnoLog).WithSetting(Logging, "Warning")
            .WithServices(s => s.AddSingleton<IStartupFilter>(fnoTimes)));
        await using var sync = await PsaBridgeApp.StartAsync(a => a.ConnectedTo(psa, fno, new EntraStandIn()).WithSetting(Logging, "Warning")
            .WithSetting(ConnectorServices.SourceSetting, "Dataverse").WithSetting(ConnectorServices.TargetSetting, "FinanceAndOperations")
            .WithSetting("PsaBridge:Dataverse:MaxPageSize", pageSize.ToString()).WithSetting("PsaBridge:CustomerSync:PageSize", pageSize.ToString()));
        await using (var finance = psa.Databases.OpenFinance())
        await using (var accounts = psa.Databases.OpenPsa())
            await AccountGenerator.GenerateAsync(finance, accounts, options.Accounts);
        Console.WriteLine($"{options.Accounts} accounts generated; page size {pageSize}; source limit {requestsPerWindow} requests / 300 s");

        var watch = Stopwatch.StartNew();
        await using var scope = sync.Services.CreateAsyncScope();
        var run = await scope.ServiceProvider.GetRequiredService<SynchronizeCustomers>().RunAsync(new SyncRequest());
        var seconds = watch.Elapsed.TotalSeconds;

        var h = run.Header;
        var source = psaLog.Entries.ToList();
        var target = fnoLog.Entries.ToList();
        var pages = source.Count(e => e.Status == 200 && e.Url.StartsWith("/api/data/v9.2/accounts", StringComparison.Ordinal) && !e.Url.Contains("$count=true"));
        var waited = sync.Services.GetRequiredKeyedService<ThrottleMeter>(ConnectorServices.Dataverse).Waited
                     + sync.Services.GetRequiredKeyedService<ThrottleMeter>(ConnectorServices.FinanceAndOperations).Waited;
        var perMinute = h.ReadCount / seconds * 60;
        Console.WriteLine($"status {h.Status}: read {h.ReadCount}, created {h.CreatedCount}, failed {h.FailedCount}, zip codes {h.ZipCodesCreatedCount}");
        if (h.Message is { Length: > 0 } message) Console.WriteLine($"message: {message}");
        Console.WriteLine($"wall {seconds:F1} s; {perMinute:F0} records/min = {perMinute / DualWritePerMinute:F0}x dual-write's ~100/min");
        Console.WriteLine($"source pages {pages} ({pages / seconds:F3}/s); source requests {source.Count} ({source.Count / seconds:F3}/s), 429s {source.Count(e => e.Status == 429)}");
        Console.WriteLine($"target requests {target.Count} ({target.Count / seconds:F2}/s), 429s {target.Count(e => e.Status == 429)}");
        Console.WriteLine("target time by request kind:");
        foreach (var line in fnoTimes.Lines()) Console.WriteLine(line);
        Console.WriteLine($"waiting on 429s {waited.TotalSeconds:F1} s = {waited.TotalSeconds / seconds:P1} of the run");
    }
}
