using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PsaBridge.Psa.Actuals;
using PsaBridge.Testing;
using PsaBridge.Web.OData;

namespace PsaBridge.Reporting.Tests.OData;

/// <summary>
/// The feed's own writer of plain pages (<see cref="PlainPage"/>) answers with the very JSON the OData library writes for the
/// same request, page after page through <c>@odata.nextLink</c>; requests it does not write go to the library.
/// </summary>
[Trait("Engine", "Both")]
public sealed class FeedPlainPageTests
{
    private const string Labels = "odata.include-annotations=\"OData.Community.Display.V1.FormattedValue\"";

    [Fact]
    public async Task Plain_pages_are_the_same_json_as_the_librarys_through_every_next_link()
    {
        var log = new PlainPageLog();
        await using var app = await StartAsync(log);
        var client = app.CreateClient();
        var alpine = await AlpineReporting.InvoicedAsync(client);
        await using (var db = app.Databases.OpenPsa())
        {
            var ids = await ActualRows.InsertAsync(db, 40, alpine.Project);
            await db.Set<Actual>().Where(a => a.Id == ids[0]).ExecuteUpdateAsync(s => s.SetProperty(a => a.Description, "Ski & \"snow\" <é> \u2028 tab\t/ 日本"));
        }

        (string Url, string? Prefer)[] requests =
        [
            ("/odata/msdyn_actuals", null),
            ("/odata/msdyn_actuals", Labels),
            ("/odata/msdyn_actuals?$count=true", "odata.include-annotations=\"*\", odata.maxpagesize=5"),
            ("/odata/msdyn_actuals?$select=msdyn_transactiontypecode,msdyn_amount,msdyn_documentdate,_msdyn_project_value,msdyn_billingstatus,createdon,msdyn_description"
                + "&$filter=msdyn_amount gt 5&$orderby=msdyn_amount desc,msdyn_documentdate&$count=true", Labels),
            ("/odata/msdyn_actuals?$orderby=msdyn_billingstatus,msdyn_documentdate desc&$top=20&$skip=3", "odata.include-annotations=\"OData.Community.Display.V1.*\""),
            ("/odata/msdyn_actuals?$top=4&$skip=2&$count=true&$select=msdyn_actualid,msdyn_quantity", null),
            ($"/odata/msdyn_actuals?$filter=_msdyn_project_value eq {alpine.Project} and msdyn_billingstatus eq null&$count=true", null),
            ("/odata/salesorderdetails", Labels),
            ("/odata/salesorderdetails?$select=salesorderdetailname,msdyn_billingmethod,msdyn_budgetamount,_msdyn_project_value&$count=true", Labels),
            ("/odata/invoices?$count=true", Labels),
            ("/odata/salesorders?$orderby=name&$select=name,msdyn_psastate,createdon", Labels),
            ("/odata/msdyn_timeentries", Labels),
        ];
        var pages = 0;
        foreach (var (url, prefer) in requests)
        {
            for (var next = url; next is not null; pages++)
            {
                var library = await GetAsync(client, next, prefer, library: true);
                var plain = await GetAsync(client, next, prefer, library: false);
                plain.Body.ShouldBe(library.Body, $"{next} ({prefer})");
                plain.Headers.ShouldBe(library.Headers, $"{next} ({prefer})");
                next = JsonDocument.Parse(plain.Body).RootElement.TryGetProperty("@odata.nextLink", out var link) ? link.GetString() : null;
                pages.ShouldBeLessThan(100);
            }
        }

        pages.ShouldBeGreaterThan(25); // 7 rows a page: the actuals take several pages each
        log.Pages.ShouldBe(pages); // every one of them written by the plain page writer, none by the library
    }

    [Fact]
    public async Task Expand_apply_full_metadata_and_other_formats_stay_with_the_library()
    {
        var log = new PlainPageLog();
        await using var app = await StartAsync(log);
        var client = app.CreateClient();
        await AlpineReporting.InvoicedAsync(client);

        (string Url, string? Accept, string? Prefer)[] requests =
        [
            ("/odata/msdyn_actuals?$expand=msdyn_project($select=msdyn_subject)", null, null),
            ("/odata/msdyn_actuals?$apply=groupby((msdyn_transactiontypecode),aggregate(msdyn_amount with sum as total))", null, null),
            ("/odata/msdyn_actuals?$compute=msdyn_amount mul 2 as twice&$select=twice", null, null),
            ("/odata/msdyn_actuals", "application/json;odata.metadata=full", null),
            ("/odata/msdyn_actuals", "application/json;odata.metadata=none", null),
            ("/odata/msdyn_actuals", "application/json;IEEE754Compatible=true", null),
            ("/odata/msdyn_actuals?$format=json", null, null),
            ("/odata/msdyn_actuals?$select=*", null, null),
            ("/odata/msdyn_actuals?$select=msdyn_project", null, null),
            ("/odata/msdyn_actuals", null, "odata.include-annotations=\"-*\""),
        ];
        foreach (var (url, accept, prefer) in requests)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (accept is not null) request.Headers.TryAddWithoutValidation("Accept", accept);
            if (prefer is not null) request.Headers.Add("Prefer", prefer);
            using var response = await client.SendAsync(request);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
        }

        log.Pages.ShouldBe(0);
        (await GetAsync(client, "/odata/msdyn_actuals", null, library: false)).Body.ShouldContain("\"msdyn_amount\":");
        log.Pages.ShouldBe(1);
    }

    private static async Task<PsaBridgeApp> StartAsync(PlainPageLog log) =>
        await PsaBridgeApp.StartAsync(a => a.WithSetting("PsaBridge:OData:PageSize", "7")
            .WithSetting($"Logging:LogLevel:{typeof(PlainPageResult).FullName}", "Debug")
            .WithServices(s => s.AddSingleton<ILoggerProvider>(log)));

    private static async Task<(string Body, string Headers)> GetAsync(HttpClient client, string url, string? prefer, bool library)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (prefer is not null) request.Headers.Add("Prefer", prefer);
        if (library) request.Headers.Add(PlainPage.LibraryHeader, "library");
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        var headers = string.Join("\n", response.Content.Headers.Concat(response.Headers)
            .Where(h => h.Key is "Content-Type" or "OData-Version" or "Preference-Applied")
            .OrderBy(h => h.Key, StringComparer.Ordinal).Select(h => h.Key + ": " + string.Join(", ", h.Value)));
        return (body, headers);
    }

    /// <summary>Counts the plain page writer's log lines: how many pages it wrote.</summary>
    private sealed class PlainPageLog : ILoggerProvider, ILogger
    {
        private int _pages;

        public int Pages => _pages;

        public ILogger CreateLogger(string categoryName) => categoryName == typeof(PlainPageResult).FullName ? this : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (formatter(state, exception).Contains("plain page writer", StringComparison.Ordinal)) Interlocked.Increment(ref _pages);
        }

        public void Dispose() { }
    }
}
