using System.Globalization;
using System.Text.Json.Nodes;
using CsvHelper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PsaBridge.Finance.IntegrationLog;
using PsaBridge.Psa.Accounts;
using static Microsoft.Playwright.Assertions;

namespace PsaBridge.Web.Tests.Browser;

/// <summary>The integration log form and its Details, and a customer's own log lines, in Chromium, as the seed describes them.</summary>
[Collection(BrowserCollection.Name)]
public sealed class IntegrationLogPagesTests(Chromium chromium)
{
    [Fact]
    public async Task The_log_opens_with_only_Error_headers_and_Completed_and_All_change_the_list()
    {
        await using var site = await WebSite.StartAsync();
        await site.Services.CreateAccountAsync(Arrange.Account("Fourth Coffee"));
        var completed = await site.Services.RunSyncAsync();
        await site.Services.CreateAccountAsync(Arrange.Account("Blue Yonder Airlines", state: "Washingtn"));
        var firstError = await site.Services.RunSyncAsync();
        await site.Services.CreateAccountAsync(Arrange.Account("Lamna Healthcare", state: "Nowhere"));
        var secondError = await site.Services.RunSyncAsync();
        completed.Status.ShouldBe(IntegrationStatus.Completed);
        firstError.Status.ShouldBe(IntegrationStatus.Error);
        secondError.Status.ShouldBe(IntegrationStatus.Error);
        var page = await chromium.OpenAsync(site);

        await page.GotoAsync("/integration/log");

        var rows = page.Locator("[data-log-headers] tbody tr");
        await Expect(rows).ToHaveCountAsync(2);
        (await HeaderIdsAsync(rows)).ShouldBe([secondError.Id.ToString(), firstError.Id.ToString()]);
        (await rows.Locator("[data-cell=status]").AllInnerTextsAsync()).ShouldBe(["Error", "Error"]);
        await Expect(StatusFilter(page, "Error")).ToHaveAttributeAsync("aria-current", "true");
        await Screenshots.SaveAsync(page, "integration-log-error");

        await StatusFilter(page, "Completed").ClickAsync();
        await page.WaitForURLAsync("**/integration/log?status=Completed");
        await Expect(rows).ToHaveCountAsync(1);
        (await HeaderIdsAsync(rows)).ShouldBe([completed.Id.ToString()]);
        (await rows.Locator("[data-cell=status]").AllInnerTextsAsync()).ShouldBe(["Completed"]);
        await Screenshots.SaveAsync(page, "integration-log-completed");

        await StatusFilter(page, "All").ClickAsync();
        await page.WaitForURLAsync("**/integration/log?status=All");
        await Expect(rows).ToHaveCountAsync(3);
        (await HeaderIdsAsync(rows)).ShouldBe([secondError.Id.ToString(), firstError.Id.ToString(), completed.Id.ToString()]);
        await Screenshots.SaveAsync(page, "integration-log-all");

        await page.GetByRole(AriaRole.Link, new() { Name = "Home", Exact = true }).ClickAsync();
        await Expect(page.Locator("[data-runs-in-error]")).ToHaveTextAsync("2");
        // Both failed accounts still fail, though the last run saw only one of them.
        await Expect(page.Locator("[data-accounts-in-error]")).ToHaveTextAsync("2");
        await Screenshots.SaveAsync(page, "home");
    }

    [Fact]
    public async Task Details_shows_the_lines_with_every_message_and_the_status_filter_narrows_them()
    {
        await using var site = await WebSite.StartAsync();
        var fourth = await site.Services.CreateAccountAsync(Arrange.Account("Fourth Coffee"));
        var tailspin = await site.Services.CreateAccountAsync(Arrange.Account("Tailspin Toys", accountNumber: "TAILSPIN"));
        var blue = await site.Services.CreateAccountAsync(Arrange.Account("Blue Yonder Airlines", state: "Washingtn", paymentTerms: "Net99"));
        var run = await site.Services.RunSyncAsync();
        run.Status.ShouldBe(IntegrationStatus.Error);
        var page = await chromium.OpenAsync(site);

        await page.GotoAsync("/integration/log");
        await page.Locator($"tr[data-header-id='{run.Id}']").GetByRole(AriaRole.Link, new() { Name = "Details" }).ClickAsync();
        await page.WaitForURLAsync($"**/integration/log/{run.Id}");

        await Expect(page.Locator("[data-header-status]")).ToHaveTextAsync("Error");
        var lines = page.Locator("[data-log-lines] tbody tr");
        // A run with errors opens on its Error lines.
        await Expect(LineFilter(page, "Error")).ToHaveAttributeAsync("aria-current", "true");
        await Expect(lines).ToHaveCountAsync(1);
        await LineFilter(page, "All").ClickAsync();
        await page.WaitForURLAsync($"**/integration/log/{run.Id}?status=All");
        await Expect(lines).ToHaveCountAsync(3);
        (await LinesAsync(lines)).ShouldBe([
            $"{fourth.Id} Completed",
            $"{tailspin.Id} Completed",
            $"{blue.Id} Error",
        ]);
        var error = page.Locator($"[data-log-lines] tr[data-psa-account-id='{blue.Id}']");
        var messages = await error.Locator("[data-cell=messages] li").AllInnerTextsAsync();
        messages.Count.ShouldBe(2);
        messages.ShouldContain(m => m.StartsWith("Payment term: 'Net99' does not exist in finance (known: ", StringComparison.Ordinal));
        messages.ShouldContain("State: 'Washingtn' does not exist in finance for United States (USA).");
        await Expect(error.Locator("[data-fix-link]")).ToHaveAttributeAsync("href", $"/psa/accounts/{blue.Id}");
        await Expect(error.Locator("[data-cell=account]")).ToHaveAttributeAsync("href", $"/psa/accounts/{blue.Id}");
        await Screenshots.SaveAsync(page, "integration-log-details");

        await LineFilter(page, "Error").ClickAsync();
        await page.WaitForURLAsync($"**/integration/log/{run.Id}?status=Error");
        await Expect(lines).ToHaveCountAsync(1);
        (await LinesAsync(lines)).ShouldBe([$"{blue.Id} Error"]);
        await Screenshots.SaveAsync(page, "integration-log-details-error");

        await LineFilter(page, "Completed").ClickAsync();
        await page.WaitForURLAsync($"**/integration/log/{run.Id}?status=Completed");
        await Expect(lines).ToHaveCountAsync(2);
        (await LinesAsync(lines)).ShouldBe([$"{fourth.Id} Completed", $"{tailspin.Id} Completed"]);

        await LineFilter(page, "All").ClickAsync();
        await page.WaitForURLAsync($"**/integration/log/{run.Id}?status=All");
        await Expect(lines).ToHaveCountAsync(3);

        await error.Locator("[data-fix-link]").ClickAsync();
        await page.WaitForURLAsync($"**/psa/accounts/{blue.Id}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Blue Yonder Airlines");
    }

    private static ILocator StatusFilter(IPage page, string status) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "Status filter", Exact = true }).GetByRole(AriaRole.Link, new() { Name = status, Exact = true });

    private static ILocator LineFilter(IPage page, string status) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "Status filter of the lines", Exact = true }).GetByRole(AriaRole.Link, new() { Name = status, Exact = true });

    private static Task<string[]> HeaderIdsAsync(ILocator rows) => rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.headerId)");

    private static Task<string[]> LinesAsync(ILocator rows) =>
        rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.psaAccountId + ' ' + r.dataset.status)");

    [Fact]
    public async Task A_customers_log_lines_sort_filter_and_export_its_own_lines_only()
    {
        await using var site = await WebSite.StartAsync();
        // Fourth Coffee fails once (a misspelt state), then is made; Tailspin Toys is made in the first run beside it.
        var fourth = await site.Services.CreateAccountAsync(Arrange.Account("Fourth Coffee", state: "Washingtn", accountNumber: "FOURTH"));
        await site.Services.CreateAccountAsync(Arrange.Account("Tailspin Toys", accountNumber: "TAILSPIN"));
        (await site.Services.RunSyncAsync()).Counts.Failed.ShouldBe(1);
        await using (var scope = site.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<AccountService>().PatchAsync(fourth.Id, new JsonObject { ["address1"] = new JsonObject { ["stateOrProvince"] = "WA" } });
        (await site.Services.RunSyncAsync()).Counts.Created.ShouldBe(1);
        var page = await chromium.OpenAsync(site);

        await page.GotoAsync("/finance/customers/FOURTH");
        var rows = page.Locator("[data-customer-lines] tbody tr");
        await Expect(page.Locator("[data-result-count]")).ToHaveTextAsync("1–2 of 2 log lines");
        (await rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.status)")).ShouldBe(["Completed", "Error"]);
        await page.Locator("th[data-column=executed] a").ClickAsync();
        await Expect(page.Locator("th[data-column=executed]")).ToHaveAttributeAsync("aria-sort", "ascending");
        (await rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.status)")).ShouldBe(["Error", "Completed"]);
        await Expect(page.GetByLabel("Rows per page")).ToBeVisibleAsync();

        var all = await DownloadCsvAsync(page);
        all[0][..6].ShouldBe(["Execution date", "Job description", "Line", "Status", "Action", "Messages"]);
        all.Skip(1).Select(r => (r[Array.IndexOf(all[0], "PSA account")], r[Array.IndexOf(all[0], "Status")])).ShouldBe([("Fourth Coffee", "Error"), ("Fourth Coffee", "Completed")]);

        await page.GetByText("Filters", new() { Exact = true }).ClickAsync();
        await page.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync("Error");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await Expect(page.Locator("[data-result-count]")).ToHaveTextAsync("1–1 of 1 log lines");
        var errors = await DownloadCsvAsync(page);
        errors.Skip(1).Select(r => r[Array.IndexOf(errors[0], "Messages")]).ShouldBe(["State: 'Washingtn' does not exist in finance for United States (USA)."]);
    }

    private static async Task<List<string[]>> DownloadCsvAsync(IPage page)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-export=csv]").ClickAsync());
        using var reader = new CsvReader(new StreamReader((await download.PathAsync())!), CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        while (await reader.ReadAsync()) rows.Add(reader.Parser.Record!);
        return rows;
    }
}
