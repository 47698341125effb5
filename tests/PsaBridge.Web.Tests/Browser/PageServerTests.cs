using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PsaBridge.Finance.Customers;
using PsaBridge.Finance.IntegrationLog;
using PsaBridge.Integration.CustomerSync;
using PsaBridge.Integration.Log;
using PsaBridge.Psa.Accounts;
using PsaBridge.Testing;

namespace PsaBridge.Web.Tests.Browser;

/// <summary>What the pages answer without a browser (in-memory host): status codes, filters, and that reading needs no script.</summary>
public sealed partial class PageServerTests
{
    [Fact]
    public async Task The_log_without_a_status_lists_only_Error_headers_newest_first()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        await app.Services.CreateAccountAsync(Arrange.Account("Fourth Coffee"));
        var completed = await app.Services.RunSyncAsync();
        await app.Services.CreateAccountAsync(Arrange.Account("Blue Yonder Airlines", state: "Washingtn"));
        var error = await app.Services.RunSyncAsync();
        var client = app.CreateClient();

        var response = await client.GetAsync("/integration/log");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        HeaderRows(await response.Content.ReadAsStringAsync()).ShouldBe([(error.Id, "Error")]);
        HeaderRows(await client.GetStringAsync("/integration/log?status=Completed")).ShouldBe([(completed.Id, "Completed")]);
        HeaderRows(await client.GetStringAsync("/integration/log?status=all")).ShouldBe([(error.Id, "Error"), (completed.Id, "Completed")]);
    }

    [Fact]
    public async Task A_run_no_longer_alive_reads_Interrupted_in_the_default_Error_view_and_on_its_page()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        await app.Services.CreateAccountAsync(Arrange.Account("Blue Yonder Airlines", state: "Washingtn"));
        var error = await app.Services.RunSyncAsync();
        // A header left Running by a run whose process died: no lease names it.
        var dead = new IntegrationLogHeader { JobDescription = SynchronizeCustomers.Description, ExecutionDate = DateTime.UtcNow, Status = IntegrationStatus.Running };
        await using (var finance = app.Databases.OpenFinance())
        {
            finance.IntegrationLogHeaders.Add(dead);
            await finance.SaveChangesAsync();
        }
        var client = app.CreateClient();

        var list = await client.GetStringAsync("/integration/log");
        HeaderRows(list).ShouldBe([(dead.Id, "Error"), (error.Id, "Error")]);
        StatusCell(list, dead.Id).ShouldBe("Interrupted");
        StatusCell(list, error.Id).ShouldBe("Error");
        var details = await client.GetStringAsync($"/integration/log/{dead.Id}");
        details.ShouldContain("data-header-status>Interrupted</span>");
        details.ShouldContain(RunLog.InterruptedMessage);
        (await client.GetStringAsync($"/integration/log/{error.Id}")).ShouldContain("data-header-status>Error</span>");
    }

    [Fact]
    public async Task The_log_refuses_an_unknown_status_with_the_reason()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var response = await app.CreateClient().GetAsync("/integration/log?status=Failed");
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Status &#x27;Failed&#x27; is not one of Error, Completed, Running, All.");
    }

    [Fact]
    public async Task Details_lists_the_lines_of_the_status_asked_for()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var good = await app.Services.CreateAccountAsync(Arrange.Account("Fourth Coffee"));
        var bad = await app.Services.CreateAccountAsync(Arrange.Account("Blue Yonder Airlines", state: "Washingtn"));
        var run = await app.Services.RunSyncAsync();
        var client = app.CreateClient();

        // A run with errors opens on its Error lines.
        LineRows(await client.GetStringAsync($"/integration/log/{run.Id}")).ShouldBe([(bad.Id, "Error")]);
        LineRows(await client.GetStringAsync($"/integration/log/{run.Id}?status=All")).ShouldBe([(good.Id, "Completed"), (bad.Id, "Error")]);
        LineRows(await client.GetStringAsync($"/integration/log/{run.Id}?status=Error")).ShouldBe([(bad.Id, "Error")]);
        LineRows(await client.GetStringAsync($"/integration/log/{run.Id}?status=Completed")).ShouldBe([(good.Id, "Completed")]);
    }

    [Fact]
    public async Task Details_of_a_run_that_does_not_exist_is_a_404_page()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var id = Guid.NewGuid();
        var response = await app.CreateClient().GetAsync($"/integration/log/{id}");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("<h1>Integration log not found</h1>");
        html.ShouldContain($"Integration log &#x27;{id}&#x27; was not found.");
    }

    [Fact]
    public async Task The_progress_page_refreshes_itself_without_script_while_the_run_goes_then_sends_to_the_details()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var job = scope.ServiceProvider.GetRequiredService<SynchronizeCustomers>();
        var run = await job.StartAsync(new SyncRequest());
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var going = await client.GetAsync($"/integration/sync/runs/{run.Header.Id}");
        going.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await going.Content.ReadAsStringAsync();
        html.ShouldContain("<noscript><meta http-equiv=\"refresh\" content=\"2\"></noscript>");
        html.ShouldContain($"data-status-url=\"/api/integration/log/{run.Header.Id}\"");

        await job.ExecuteAsync(run);
        var done = await client.GetAsync($"/integration/sync/runs/{run.Header.Id}");
        done.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        done.Headers.Location!.OriginalString.ShouldBe($"/integration/log/{run.Header.Id}");
    }

    [Fact]
    public async Task Run_now_without_the_antiforgery_token_is_refused_and_starts_nothing()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();
        var response = await client.PostAsync("/integration/sync?handler=Run", new FormUrlEncodedContent([]));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        HeaderRows(await client.GetStringAsync("/integration/log?status=All")).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_customers_page_shows_its_address_its_psa_guid_and_the_log_lines_that_touched_it()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        // Its first attempt fails (a misspelt state) before the customer exists; the account, corrected, makes it.
        var account = await app.Services.CreateAccountAsync(Arrange.Account("Fourth Coffee", state: "Washingtn", accountNumber: "FOURTH"));
        var failed = await app.Services.RunSyncAsync();
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<AccountService>().PatchAsync(account.Id, new JsonObject { ["address1"] = new JsonObject { ["stateOrProvince"] = "WA" } });
        var run = await app.Services.RunSyncAsync();
        var client = app.CreateClient();

        (await client.GetStringAsync("/finance/customers?search=fourth")).ShouldContain("data-customer-account=\"FOURTH\"");
        var html = await client.GetStringAsync("/finance/customers/FOURTH");

        html.ShouldContain($"<a class=\"mono\" href=\"/psa/accounts/{account.Id}\">{account.Id}</a>");
        html.ShouldContain("<dt>City</dt><dd>Seattle</dd>");
        html.ShouldContain("<dt>ZIP/postal code</dt><dd>98101</dd>");
        html.ShouldContain($"href=\"/integration/log/{run.Id}\"");
        html.ShouldContain("<li>Customer FOURTH created.</li>");
        // Its history is its PSA account's: the failed attempt too, though no customer existed then.
        html.ShouldContain($"href=\"/integration/log/{failed.Id}\"");
        html.ShouldContain("Washingtn");

        // A customer made in finance has none, though a failed attempt of a PSA account had meant to take its number.
        await app.Services.CreateAccountAsync(Arrange.Account("Hand Made Ltd", state: "Washingtn", accountNumber: "HAND1"));
        var other = await app.Services.RunSyncAsync();
        (await client.GetStringAsync($"/integration/log/{other.Id}")).ShouldContain("HAND1");
        await using (var finance = app.Databases.OpenFinance())
        {
            finance.Customers.Add(new Customer { CustomerAccount = "HAND1", Name = "Hand Made Ltd", CustomerGroupId = "10" });
            await finance.SaveChangesAsync();
        }
        var handMade = await client.GetStringAsync("/finance/customers/HAND1");
        handMade.ShouldContain("This customer was not created from PSA, so it has no synchronization history.");
        handMade.ShouldNotContain($"href=\"/integration/log/{other.Id}\"");
    }

    public static readonly (string Url, string Heading)[] Pages =
    [
        ("/", "projects360 Integration"),
        ("/integration/log", "Integration log"),
        ("/integration/sync", "Synchronize master data from PSA"),
        ("/psa/accounts", "Accounts"),
        ("/psa/accounts/new", "New account"),
        ("/finance/customers", "Customers"),
        ("/setup/payment-terms", "Payment terms"),
        ("/setup/cities", "Cities"),
        ("/setup/zip-codes", "Zip codes"),
    ];

    [Fact]
    public async Task Every_page_answers_in_the_one_layout_with_its_heading_and_its_navigation_entry_current()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();
        foreach (var (url, heading) in Pages)
        {
            var html = await client.GetStringAsync(url);
            html.ShouldContain("<nav class=\"sidenav\" id=\"sidenav\" aria-label=\"Main\">", customMessage: url);
            html.ShouldContain("<main id=\"main\"", customMessage: url);
            Regex.Matches(html, "<h1>(.*?)</h1>").Select(m => m.Groups[1].Value).ShouldBe([heading], customMessage: url);
            Regex.Matches(html, "<a href=\"([^\"]*)\"[^>]*aria-current=\"page\"").Select(m => m.Groups[1].Value)
                .ShouldBe([url == "/psa/accounts/new" ? "/psa/accounts" : url], customMessage: url);
        }
    }

    [Fact]
    public async Task The_address_setup_pages_search_cities_and_zip_codes_of_a_country()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();

        (await client.GetStringAsync("/setup/cities?country=US&state=WA&name=Seattl")).ShouldContain("<td>Seattle</td><td>WA</td><td>USA</td>");
        (await client.GetStringAsync("/setup/zip-codes?country=US&code=98101")).ShouldContain("<td class=\"mono\">98101</td><td>Seattle</td><td>WA</td>");
        (await client.GetStringAsync("/setup/payment-terms")).ShouldContain("data-code=\"Net30\"");
        var unknown = await client.GetAsync("/setup/cities?country=Atlantis");
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await unknown.Content.ReadAsStringAsync()).ShouldContain("Country/region &#x27;Atlantis&#x27; was not found.");
    }

    private static List<(Guid, string)> HeaderRows(string html) =>
        HeaderRow().Matches(html).Select(m => (Guid.Parse(m.Groups["id"].Value), m.Groups["status"].Value)).ToList();

    /// <summary>The status a header's row shows.</summary>
    private static string StatusCell(string html, Guid id) =>
        Regex.Match(html, $"<tr data-header-id=\"{id}\"[^>]*>.*?data-cell=\"status\">(?<label>[^<]*)<", RegexOptions.Singleline).Groups["label"].Value;

    private static List<(Guid, string)> LineRows(string html) =>
        LineRow().Matches(html).Select(m => (Guid.Parse(m.Groups["id"].Value), m.Groups["status"].Value)).ToList();

    [GeneratedRegex("<tr data-header-id=\"(?<id>[^\"]+)\" data-status=\"(?<status>\\w+)\">")]
    private static partial Regex HeaderRow();

    [GeneratedRegex("<tr data-line=\"\\d+\" data-status=\"(?<status>\\w+)\" data-psa-account-id=\"(?<id>[^\"]+)\">")]
    private static partial Regex LineRow();
}
