using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PsaBridge.Integration.Hosting;
using PsaBridge.Psa;
using PsaBridge.Reporting;
using PsaBridge.Reporting.Profitability;
using PsaBridge.Reporting.Shared;
using PsaBridge.ReportingBench;

// The speed of the reports, the OData feed and the exports over N actuals (issue 24), run on demand. See BENCHMARKS.md.
//   dotnet bench/PsaBridge.ReportingBench/bin/Release/net10.0/PsaBridge.ReportingBench.dll setup --actuals 1000000 --engine sqlite --dir /tmp/benchrep
//   dotnet bench/PsaBridge.ReportingBench/bin/Release/net10.0/PsaBridge.ReportingBench.dll run --engine sqlite --dir /tmp/benchrep \
//       --web src/PsaBridge.Web/bin/Release/net10.0/PsaBridge.Web.dll
// 'run' times project profitability in this process, then starts the web server as a child process and times, through HTTP,
// the streamed CSV export of every actual (with the server's peak memory), a feed $apply total by project and type, and a full
// read of the feed following @odata.nextLink.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
var command = args.FirstOrDefault();
var engine = Arg("--engine") ?? "sqlite";
var pg = Arg("--pg") ?? "Host=127.0.0.1;Port=55505;Username=postgres";
var dir = Path.GetFullPath(Arg("--dir") ?? "/tmp/psabridge-reporting-bench");
// Which measures 'run' takes (all by default), and how many feed pages the full read stops at (all by default).
var measures = (Arg("--measures") ?? "profitability,csv,apply,read").Split(',');
var maxPages = long.Parse(Arg("--pages") ?? long.MaxValue.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
var settings = engine == "postgres"
    ? new Dictionary<string, string?>
    {
        ["ConnectionStrings:Psa"] = new NpgsqlConnectionStringBuilder(pg) { Database = "benchrep_psa" }.ConnectionString,
        ["ConnectionStrings:Finance"] = new NpgsqlConnectionStringBuilder(pg) { Database = "benchrep_finance" }.ConnectionString,
    }
    : new Dictionary<string, string?> { ["PsaBridge:DataDir"] = dir };
ServiceProvider Services() => new ServiceCollection().AddLogging()
    .AddPsaBridge(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()).AddReporting().BuildServiceProvider();
Console.WriteLine($"load {File.ReadAllText("/proc/loadavg").Trim()}");

switch (command)
{
    case "setup":
    {
        var count = int.Parse(Arg("--actuals") ?? "1000000", CultureInfo.InvariantCulture);
        if (engine == "postgres")
        {
            await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(pg) { Database = "postgres" }.ConnectionString);
            await admin.OpenAsync();
            foreach (var name in new[] { "benchrep_psa", "benchrep_finance" })
            {
                await new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin).ExecuteNonQueryAsync();
                await new NpgsqlCommand($"CREATE DATABASE {name}", admin).ExecuteNonQueryAsync();
            }
        }
        else
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
            Directory.CreateDirectory(dir);
        }
        await using var services = Services();
        await DatabaseSetup.UpgradeAsync(services);
        var clock = Stopwatch.StartNew();
        await using (var scope = services.CreateAsyncScope())
            await ActualsGenerator.GenerateAsync(scope.ServiceProvider.GetRequiredService<PsaDb>(), count);
        Console.WriteLine($"setup: {count:N0} actuals in {clock.Elapsed.TotalSeconds:N1} s");
        break;
    }
    case "run":
    {
        string token;
        await using (var services = Services())
        {
            token = await ViewerToken.CreateAsync(services);
            await using var scope = services.CreateAsyncScope();
            var actuals = await scope.ServiceProvider.GetRequiredService<PsaDb>().Set<PsaBridge.Psa.Actuals.Actual>().CountAsync();
            var report = scope.ServiceProvider.GetRequiredService<ProjectProfitability>();
            for (var run = 1; run <= 2 && measures.Contains("profitability"); run++)
            {
                var clock = Stopwatch.StartNew();
                var result = await report.RunAsync(ReportFilter.None);
                Console.WriteLine($"profitability run {run}: {result.Projects.Count:N0} projects over {actuals:N0} actuals in {clock.Elapsed.TotalSeconds:N2} s");
            }
        }
        var web = Arg("--web") ?? "src/PsaBridge.Web/bin/Release/net10.0/PsaBridge.Web.dll";
        await using var server = await WebServer.StartAsync(web, settings);
        using var http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromMinutes(30) };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);

        var export = Stopwatch.StartNew();
        if (measures.Contains("csv"))
        using (var response = await http.GetAsync("/api/reports/actuals/export?format=csv", HttpCompletionOption.ResponseHeadersRead))
        {
            response.EnsureSuccessStatusCode();
            await using var body = await response.Content.ReadAsStreamAsync();
            var buffer = new byte[1 << 16];
            long bytes = 0;
            int got;
            while ((got = await body.ReadAsync(buffer)) > 0) bytes += got;
            Console.WriteLine($"csv export: {bytes / 1048576.0:N1} MB in {export.Elapsed.TotalSeconds:N2} s, server peak working set {server.PeakMegabytes()} MB");
        }

        const string apply = "/odata/msdyn_actuals?$apply=groupby((_msdyn_project_value,msdyn_transactiontypecode),aggregate(msdyn_amount with sum as total))";
        for (var run = 1; run <= 2 && measures.Contains("apply"); run++)
        {
            var clock = Stopwatch.StartNew();
            using var document = JsonDocument.Parse(await http.GetStringAsync(apply));
            Console.WriteLine($"feed $apply run {run}: {document.RootElement.GetProperty("value").GetArrayLength():N0} totals in {clock.Elapsed.TotalSeconds:N2} s");
        }

        var read = Stopwatch.StartNew();
        long rows = 0, pages = 0;
        string? next = measures.Contains("read") ? "/odata/msdyn_actuals" : null;
        while (next is not null && pages < maxPages)
        {
            await using var stream = await http.GetStreamAsync(next);
            using var page = await JsonDocument.ParseAsync(stream);
            rows += page.RootElement.GetProperty("value").GetArrayLength();
            pages++;
            next = page.RootElement.TryGetProperty("@odata.nextLink", out var link) ? link.GetString() : null;
        }
        Console.WriteLine($"feed full read: {rows:N0} rows in {pages:N0} pages, {read.Elapsed.TotalSeconds:N2} s, {rows / read.Elapsed.TotalSeconds:N0} rows/s, " +
                          $"server peak working set {server.PeakMegabytes()} MB");
        break;
    }
    case "token":
    {
        // A Viewer's token for timing or profiling requests by hand against a server on the bench's databases.
        await using var services = Services();
        Console.WriteLine(await ViewerToken.CreateAsync(services));
        break;
    }
    default:
        Console.Error.WriteLine("usage: setup|run|token --engine sqlite|postgres [--pg CONNECTION] [--dir DIR] [--actuals N] [--web PsaBridge.Web.dll]");
        return 2;
}
return 0;
