using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PsaBridge.Finance.IntegrationLog;
using PsaBridge.Integration.CustomerSync;
using PsaBridge.Web.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PsaBridge.Web.Tests.Browser;

/// <summary>The eight points of issue 25's integration screens, walked in Chromium as a new user would.</summary>
[Collection(BrowserCollection.Name)]
public sealed class IntegrationScreensTests(Chromium chromium)
{
    [Fact]
    public async Task Accounts_in_error_count_every_run_and_are_listed_by_error_with_a_link_to_each()
    {
        await using var site = await WebSite.StartAsync();
        var blue = await site.Services.CreateAccountAsync(Arrange.Account("Blue Yonder Airlines", state: "Washingtn"));
        var lamna = await site.Services.CreateAccountAsync(Arrange.Account("Lamna Healthcare", state: "Nowhere"));
        var coho = await site.Services.CreateAccountAsync(Arrange.Account("Coho Winery", paymentTerms: "Net99"));
        (await site.Services.RunSyncAsync()).Counts.Failed.ShouldBe(3);
        var idle = await site.Services.RunSyncAsync();
        (idle.Status, idle.Counts.Read).ShouldBe((IntegrationStatus.Completed, 0));
        var page = await chromium.OpenAsync(site);

        await page.GotoAsync("/");
        await Expect(page.Locator("[data-accounts-in-error]")).ToHaveTextAsync("3");
        await page.Locator("[data-failing-link]").ClickAsync();
        await page.WaitForURLAsync("**/integration/failing");
        var groups = page.Locator("[data-error-groups] tbody tr");
        var counted = await groups.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.error + ' = ' + r.querySelector('[data-cell=count]').textContent)");
        counted.Length.ShouldBe(2);
        counted[0].ShouldBe("State: '…' does not exist in finance for United States (USA). = 2");
        counted[1].ShouldStartWith("Payment term: '…' does not exist in finance (known: ");
        counted[1].ShouldEndWith(" = 1");
        await groups.Filter(new() { HasText = "State:" }).GetByRole(AriaRole.Link).ClickAsync();
        var accounts = page.Locator("[data-failing-accounts] tbody tr");
        await Expect(accounts).ToHaveCountAsync(2);
        (await accounts.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.psaAccountId)")).ShouldBe([blue.Id.ToString(), lamna.Id.ToString()], ignoreOrder: true);
        await Screenshots.SaveAsync(page, "integration-accounts-in-error");
        await accounts.Locator($"a[href='/psa/accounts/{lamna.Id}']").ClickAsync();
        await page.WaitForURLAsync($"**/psa/accounts/{lamna.Id}");
        await Expect(page.Locator("[data-last-sync-error]")).ToContainTextAsync("State: 'Nowhere' does not exist in finance");
        coho.Id.ShouldNotBe(Guid.Empty);
    }

    [Fact]
    public async Task A_large_runs_details_open_on_its_errors_and_are_searched_filtered_by_field_and_paged()
    {
        await using var site = await WebSite.StartAsync();
        for (var i = 1; i <= 120; i++)
            await site.Services.CreateAccountAsync(Arrange.Account($"Customer {i:000}", accountNumber: $"C{i:000}",
                state: i % 10 == 0 ? "Washingtn" : "WA", paymentTerms: i % 15 == 0 ? "Net99" : "Net30"));
        var run = await site.Services.RunSyncAsync();
        run.Counts.Failed.ShouldBe(16); // 12 with the state, 8 with the term, 4 of them with both
        var page = await chromium.OpenAsync(site);

        await page.GotoAsync("/integration/log");
        (await page.Locator("nav[aria-label='Status filter'] a").AllInnerTextsAsync()).ShouldBe(["Error", "Completed", "All"]);
        await page.Locator($"tr[data-header-id='{run.Id}']").GetByRole(AriaRole.Link, new() { Name = "Details" }).ClickAsync();
        (await page.Locator("nav[aria-label='Status filter of the lines'] a").AllInnerTextsAsync()).ShouldBe(["Error", "Completed", "All"]);
        await Expect(page.Locator("nav[aria-label='Status filter of the lines'] a[aria-current=true]")).ToHaveTextAsync("Error");
        var lines = page.Locator("[data-log-lines] tbody tr");
        await Expect(page.Locator("[data-result-count]")).ToHaveTextAsync("1–16 of 16 lines");

        await page.GetByText("Filters", new() { Exact = true }).ClickAsync();
        await page.GetByLabel("Failing field").SelectOptionAsync("Payment term");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await Expect(page.Locator("[data-result-count]")).ToHaveTextAsync("1–8 of 8 lines");
        (await lines.Locator("[data-cell=account]").AllInnerTextsAsync()).ShouldBe(
            ["Customer 015", "Customer 030", "Customer 045", "Customer 060", "Customer 075", "Customer 090", "Customer 105", "Customer 120"]);

        await page.GetByLabel("Failing field").SelectOptionAsync("");
        await page.GetByLabel("Account name or number").FillAsync("c07");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        (await lines.Locator("[data-cell=account]").AllInnerTextsAsync()).ShouldBe(["Customer 070", "Customer 075"]);

        await page.GotoAsync($"/integration/log/{run.Id}?status=All&size=25");
        await Expect(page.Locator("[data-result-count]")).ToHaveTextAsync("1–25 of 120 lines");
        await page.GetByLabel("Go to page").FillAsync("4");
        await page.GetByRole(AriaRole.Button, new() { Name = "Go", Exact = true }).ClickAsync();
        await Expect(page.Locator("[data-result-count]")).ToHaveTextAsync("76–100 of 120 lines");
        await Expect(lines.First.Locator("[data-cell=account]")).ToHaveTextAsync("Customer 076");

        // The grid's CSV link exports every line the filters keep, not the page on screen.
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-export=csv]").ClickAsync());
        var csv = ListExportTests.Csv(await File.ReadAllBytesAsync((await download.PathAsync())!));
        var account = Array.IndexOf(csv[0], "PSA account");
        csv.Skip(1).Select(r => r[account]).ShouldBe(Enumerable.Range(1, 120).Select(i => $"Customer {i:000}"), ignoreOrder: true);
        csv.Skip(1).Count(r => r[Array.IndexOf(csv[0], "Status")] == "Error").ShouldBe(16);
    }

    [Fact]
    public async Task The_messages_column_and_details_button_fit_at_1400_pixels_and_the_details_fit_400()
    {
        await using var site = await WebSite.StartAsync();
        await site.Services.CreateAccountAsync(Arrange.Account("Blue Yonder Airlines", state: "Washingtn", paymentTerms: "Net99"));
        var run = await site.Services.RunSyncAsync();

        var wide = await chromium.OpenAsync(site, 1400, 900);
        await wide.GotoAsync("/integration/log");
        var details = wide.Locator($"tr[data-header-id='{run.Id}']").GetByRole(AriaRole.Link, new() { Name = "Details" });
        (await RightEdgeAsync(details)).ShouldBeLessThanOrEqualTo(1400);
        await details.ClickAsync();
        var messages = wide.Locator("[data-log-lines] [data-cell=messages]").First;
        (await RightEdgeAsync(messages)).ShouldBeLessThanOrEqualTo(1400);
        (await RightEdgeAsync(wide.Locator("[data-log-lines] [data-fix-link]").First)).ShouldBeLessThanOrEqualTo(1400);
        await Screenshots.SaveAsync(wide, "integration-details-1400");

        var narrow = await chromium.OpenAsync(site, 400, 800);
        await narrow.GotoAsync($"/integration/log/{run.Id}");
        (await narrow.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(400);
        await Screenshots.SaveAsync(narrow, "integration-details-400");
    }

    [Fact]
    public async Task Cities_and_zip_codes_are_added_edited_and_deleted_on_screen_and_payment_terms_edited()
    {
        await using var site = await WebSite.StartAsync();
        var page = await chromium.OpenAsync(site);

        await page.GotoAsync("/setup/cities?country=USA&state=WA");
        await page.GetByLabel("City name").FillAsync("Twin Peaks");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add city" }).ClickAsync();
        await Expect(page.Locator("[data-notice]")).ToHaveTextAsync("City 'Twin Peaks' (WA) added.");
        await page.GetByLabel("City name").FillAsync("Twin Peaks");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add city" }).ClickAsync();
        await Expect(page.Locator("#Input_Name-error")).ToHaveTextAsync("City 'Twin Peaks' already exists in Washington, United States.");

        await page.GotoAsync("/setup/zip-codes?country=USA&state=WA");
        await page.GetByLabel("City", new() { Exact = true }).Last.FillAsync("Twin Peaks");
        await page.GetByLabel("Zip code", new() { Exact = true }).Last.FillAsync("98999");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add zip code" }).ClickAsync();
        await Expect(page.Locator("[data-notice]")).ToHaveTextAsync("Zip code '98999' (Twin Peaks, WA) added.");

        await page.GotoAsync("/setup/cities/USA/WA/Twin%20Peaks");
        await page.GetByLabel("City name").FillAsync("Twin Peaks Falls");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.Locator("[data-notice]")).ToHaveTextAsync("City 'Twin Peaks' is now 'Twin Peaks Falls'.");
        await page.GotoAsync("/setup/zip-codes?country=USA&state=WA&code=98999");
        await Expect(page.Locator("[data-zip-codes] tbody tr td").Nth(2)).ToHaveTextAsync("Twin Peaks Falls");

        await page.Locator("[data-zip-codes] tbody tr [data-edit]").ClickAsync();
        await page.GetByLabel("Zip code").FillAsync("98998");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.Locator("[data-notice]")).ToHaveTextAsync("Zip code '98998' (Twin Peaks Falls, WA) saved.");

        await page.GotoAsync("/setup/cities/USA/WA/Twin%20Peaks%20Falls");
        await page.Locator("[data-delete]").ClickAsync();
        await Expect(page.Locator("[data-confirm]")).ToContainTextAsync("Delete the city Twin Peaks Falls (WA)?");
        await page.Locator("[data-confirm-yes]").ClickAsync();
        await Expect(page.Locator(".error-summary")).ToContainTextAsync("City 'Twin Peaks Falls' (WA) has 1 zip code; delete or move them first.");

        await page.GotoAsync("/setup/zip-codes?country=USA&state=WA&code=98998");
        await page.GetByLabel("Select 98998 Twin Peaks Falls").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete selected" }).ClickAsync();
        await Expect(page.Locator("[data-confirm]")).ToContainTextAsync("Delete 1 zip code?");
        await page.Locator("[data-confirm-no]").ClickAsync();
        await Expect(page.Locator("[data-zip-codes] tbody tr")).ToHaveCountAsync(1);
        await page.GetByLabel("Select 98998 Twin Peaks Falls").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete selected" }).ClickAsync();
        await page.Locator("[data-confirm-yes]").ClickAsync();
        await Expect(page.Locator("[data-notice]")).ToHaveTextAsync("1 zip code deleted.");
        await Expect(page.Locator("[data-empty]")).ToBeVisibleAsync();

        await page.GotoAsync("/setup/cities/USA/WA/Twin%20Peaks%20Falls");
        await page.Locator("[data-delete]").ClickAsync();
        await page.Locator("[data-confirm-yes]").ClickAsync();
        await Expect(page.Locator("[data-notice]")).ToHaveTextAsync("City 'Twin Peaks Falls' (WA) deleted.");
        await using (var finance = site.Databases.OpenFinance())
            finance.Cities.Count(c => c.StateId == "WA" && c.Name.StartsWith("Twin Peaks")).ShouldBe(0);

        await page.GotoAsync("/setup/payment-terms");
        await page.Locator("tr[data-code=Net45] [data-edit]").ClickAsync();
        await page.GetByLabel("Net days").FillAsync("40");
        await page.GetByLabel("Description").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.Locator("#Description-error")).ToHaveTextAsync("Description is required.");
        await page.GetByLabel("Description").FillAsync("Net 40 days");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.Locator("[data-notice]")).ToHaveTextAsync("Payment term 'Net45' saved.");
        await Expect(page.Locator("tr[data-code=Net45]")).ToContainTextAsync("Net 40 days");
    }

    [Fact]
    public async Task The_log_says_full_or_incremental_filters_by_date_and_batch_and_cleans_up_by_age_after_asking()
    {
        await using var site = await WebSite.StartAsync(settings: new Dictionary<string, string> { ["PsaBridge:IntegrationLog:RetentionDays"] = "45" });
        await site.Services.CreateAccountAsync(Arrange.Account("Fourth Coffee"));
        var incremental = await site.Services.RunSyncAsync();
        var full = await site.Service<InteractiveRuns>().RunAsync(new SyncRequest(Full: true, BatchJobId: "nightly-42"), CancellationToken.None);
        full.Full.ShouldBeTrue();
        // The incremental run is moved ten days back so a date range can keep one run and leave out the other.
        var now = DateTime.UtcNow;
        await using (var finance = site.Databases.OpenFinance())
            await finance.IntegrationLogHeaders.Where(h => h.Id == incremental.Id).ExecuteUpdateAsync(u => u.SetProperty(h => h.ExecutionDate, now.AddDays(-10)));
        var page = await chromium.OpenAsync(site);
        var rows = page.Locator("[data-log-headers] tbody tr");
        async Task<string[]> RunsAsync(string query)
        {
            await page.GotoAsync("/integration/log?status=All" + query);
            return await rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.headerId)");
        }

        (await RunsAsync("")).ShouldBe([full.Id.ToString(), incremental.Id.ToString()]);
        (await rows.Locator("[data-cell=kind]").AllInnerTextsAsync()).ShouldBe(["Full", "Incremental"]);
        await Expect(rows.First.Locator(".mono")).ToHaveTextAsync("nightly-42");
        (await RunsAsync("&kind=true")).ShouldBe([full.Id.ToString()]);
        (await RunsAsync($"&executed-from={now.AddDays(-11):yyyy-MM-dd}&executed-to={now.AddDays(-9):yyyy-MM-dd}")).ShouldBe([incremental.Id.ToString()]);
        (await RunsAsync($"&executed-from={now.AddDays(-1):yyyy-MM-dd}&executed-to={now.AddDays(1):yyyy-MM-dd}")).ShouldBe([full.Id.ToString()]);
        (await RunsAsync($"&executed-from={now.AddDays(2):yyyy-MM-dd}")).ShouldBeEmpty();
        await Expect(page.Locator("[data-empty]")).ToBeVisibleAsync();
        (await RunsAsync("&batch=nightly")).ShouldBe([full.Id.ToString()]);
        (await RunsAsync("&batch=weekly")).ShouldBeEmpty();
        await page.GotoAsync($"/integration/log/{full.Id}");
        await Expect(page.Locator("[data-run-kind]")).ToHaveTextAsync("Full: every account re-read");

        await page.GotoAsync("/integration/log?status=All");
        await Expect(page.GetByLabel("Older than (days)")).ToHaveValueAsync("45");
        await page.GetByLabel("Older than (days)").FillAsync("30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete old log" }).ClickAsync();
        await Expect(page.Locator("[data-confirm]")).ToContainTextAsync("Delete the integration log older than 30 days?");
        await page.Locator("[data-confirm-yes]").ClickAsync();
        await Expect(page.Locator("[data-notice]")).ToContainTextAsync("Deleted 0 runs and 0 lines from before");
        await Expect(page.Locator("[data-log-headers] tbody tr")).ToHaveCountAsync(2);
    }

    private static async Task<double> RightEdgeAsync(ILocator locator) => (await locator.BoundingBoxAsync())!.X + (await locator.BoundingBoxAsync())!.Width;
}
