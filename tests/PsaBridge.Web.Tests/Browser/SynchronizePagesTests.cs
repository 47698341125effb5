using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PsaBridge.Finance.IntegrationLog;
using PsaBridge.Infrastructure.Paging;
using PsaBridge.Integration.CustomerSync;
using PsaBridge.Integration.Log;
using PsaBridge.Integration.Scheduling;
using static Microsoft.Playwright.Assertions;

namespace PsaBridge.Web.Tests.Browser;

/// <summary>Periodic › Synchronize master data from PSA, in Chromium: Run now, its progress, the recurrence, and fixing an account between runs.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class SynchronizePagesTests(Chromium chromium)
{
    [Fact]
    public async Task Run_now_adds_a_header_and_lands_on_the_new_runs_details()
    {
        await using var site = await WebSite.StartAsync();
        var account = await site.Services.CreateAccountAsync(Arrange.Account("Fourth Coffee", accountNumber: "FOURTH"));
        var page = await chromium.OpenAsync(site);
        await page.GotoAsync("/integration/log?status=All");
        await Expect(page.Locator("[data-empty]")).ToBeVisibleAsync();

        await page.GotoAsync("/integration/sync");
        await Screenshots.SaveAsync(page, "synchronize-master-data-from-psa");
        await page.GetByRole(AriaRole.Button, new() { Name = "Run now" }).ClickAsync();

        await page.WaitForURLAsync(DetailsUrl());
        var id = Guid.Parse(page.Url.Split('/')[^1]);
        await Expect(page.Locator("[data-header-status]")).ToHaveTextAsync("Completed");
        var line = page.Locator("[data-log-lines] tbody tr");
        await Expect(line).ToHaveCountAsync(1);
        await Expect(line).ToHaveAttributeAsync("data-psa-account-id", account.Id.ToString());
        await Expect(line.Locator("[data-cell=action]")).ToHaveTextAsync("Created");
        await Expect(line.Locator("[data-cell=messages]")).ToContainTextAsync("Customer FOURTH created.");

        await page.GotoAsync("/integration/log?status=All");
        await Expect(page.Locator("[data-log-headers] tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-log-headers] tbody tr")).ToHaveAttributeAsync("data-header-id", id.ToString());
        (await AllHeadersAsync(site)).Select(h => (h.Id, h.BatchJobId, h.Status)).ShouldBe([(id, (string?)null, IntegrationStatus.Completed)]);
    }

    [Fact]
    public async Task Fixing_an_accounts_state_on_the_accounts_page_and_running_again_turns_its_line_Completed()
    {
        await using var site = await WebSite.StartAsync();
        var blue = await site.Services.CreateAccountAsync(Arrange.Account("Blue Yonder Airlines", state: "Washingtn"));
        var page = await chromium.OpenAsync(site);

        await page.GotoAsync("/integration/sync");
        await page.GetByRole(AriaRole.Button, new() { Name = "Run now" }).ClickAsync();
        await page.WaitForURLAsync(DetailsUrl());
        var firstRun = page.Url.Split('/')[^1];
        var line = page.Locator($"[data-log-lines] tr[data-psa-account-id='{blue.Id}']");
        await Expect(line).ToHaveAttributeAsync("data-status", "Error");
        await Expect(line.Locator("[data-cell=messages]")).ToContainTextAsync("State: 'Washingtn' does not exist in finance");

        await page.GetByRole(AriaRole.Link, new() { Name = "Accounts", Exact = true }).ClickAsync();
        await page.GetByText("Filters", new() { Exact = true }).ClickAsync();
        await page.GetByLabel("Account name", new() { Exact = true }).FillAsync("Blue");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await page.WaitForURLAsync("**/psa/accounts?*name=Blue*");
        await Expect(page.Locator("[data-accounts] tbody tr")).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Link, new() { Name = "Blue Yonder Airlines" }).ClickAsync();
        await page.WaitForURLAsync($"**/psa/accounts/{blue.Id}");
        await Expect(page.Locator("[data-last-sync-error]")).ToContainTextAsync("State: 'Washingtn' does not exist in finance");
        await Expect(page.GetByLabel("State/Province")).ToHaveValueAsync("Washingtn");
        await Screenshots.SaveAsync(page, "psa-account-edit-with-sync-error");

        await page.GetByLabel("State/Province").FillAsync("WA");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(page.Locator("[data-notice]")).ToHaveTextAsync("Account 'Blue Yonder Airlines' saved. The next run of the sync reads it again.");
        await Expect(page.GetByLabel("State/Province")).ToHaveValueAsync("WA");

        await page.GetByRole(AriaRole.Link, new() { Name = "Synchronize master data from PSA" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Run now" }).ClickAsync();
        await page.WaitForURLAsync(url => DetailsUrl().IsMatch(url) && !url.EndsWith(firstRun, StringComparison.Ordinal));

        await Expect(page.Locator("[data-header-status]")).ToHaveTextAsync("Completed");
        var fixedLine = page.Locator($"[data-log-lines] tr[data-psa-account-id='{blue.Id}']");
        await Expect(fixedLine).ToHaveAttributeAsync("data-status", "Completed");
        await Expect(fixedLine.Locator("[data-cell=action]")).ToHaveTextAsync("Created");
        await Screenshots.SaveAsync(page, "integration-log-details-after-fix");
    }

    [Fact]
    public async Task The_progress_page_follows_a_running_run_and_opens_its_details_when_it_ends()
    {
        await using var site = await WebSite.StartAsync();
        await site.Services.CreateAccountAsync(Arrange.Account("Fourth Coffee"));
        await using var scope = site.Services.CreateAsyncScope();
        var job = scope.ServiceProvider.GetRequiredService<SynchronizeCustomers>();
        var run = await job.StartAsync(new SyncRequest());
        var page = await chromium.OpenAsync(site);

        await page.GotoAsync($"/integration/sync/runs/{run.Header.Id}");
        await Expect(page.Locator("[data-progress-text]")).ToContainTextAsync("Read 0 of 1 accounts (0.0%)");
        page.Url.ShouldEndWith($"/integration/sync/runs/{run.Header.Id}");

        await job.ExecuteAsync(run);

        await page.WaitForURLAsync($"**/integration/log/{run.Header.Id}");
        await Expect(page.Locator("[data-header-status]")).ToHaveTextAsync("Completed");
    }

    [Fact]
    public async Task Run_now_while_a_run_is_going_is_refused_with_the_reason()
    {
        await using var site = await WebSite.StartAsync();
        await using var scope = site.Services.CreateAsyncScope();
        var job = scope.ServiceProvider.GetRequiredService<SynchronizeCustomers>();
        var running = await job.StartAsync(new SyncRequest());
        var page = await chromium.OpenAsync(site);

        await page.GotoAsync("/integration/sync");
        await Expect(page.Locator("[data-running]")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Run now" }).ClickAsync();

        await Expect(page.Locator("[data-run-refused]")).ToContainTextAsync($"'{SynchronizeCustomers.Description}' is already running");
        await Expect(page.Locator("[data-run-refused]")).ToContainTextAsync("wait for it to finish, then run again");
        page.Url.ShouldEndWith("/integration/sync?handler=Run");
        (await AllHeadersAsync(site)).Select(h => h.Id).ShouldBe([running.Header.Id]);

        await job.ExecuteAsync(running);
        await page.GotoAsync("/integration/sync");
        await Expect(page.Locator("[data-running]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_recurrence_is_changed_with_the_form_and_a_bad_interval_is_refused_beside_its_field()
    {
        await using var site = await WebSite.StartAsync();
        var page = await chromium.OpenAsync(site);
        await page.GotoAsync("/integration/sync");
        await Expect(page.Locator("[data-next-run]")).ToHaveTextAsync("Not scheduled");

        await page.GetByLabel("Run in batch on the schedule").CheckAsync();
        await page.GetByLabel("Every (minutes)").FillAsync("15");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save recurrence" }).ClickAsync();

        await Expect(page.Locator("[data-notice]")).ToHaveTextAsync("Schedule saved: the job runs in batch every 15 minutes.");
        var schedule = await site.Service<CustomerSyncSchedule>().GetAsync();
        (schedule.Enabled, schedule.IntervalMinutes).ShouldBe((true, 15));
        schedule.NextRun!.Value.ShouldBeInRange(DateTime.UtcNow.AddMinutes(13), DateTime.UtcNow.AddMinutes(16));
        // The stored next run itself, not today's date: fifteen minutes before midnight it is tomorrow's.
        await Expect(page.Locator("[data-next-run]")).ToContainTextAsync(schedule.NextRun.Value.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC");

        await page.GetByLabel("Every (minutes)").FillAsync("0");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save recurrence" }).ClickAsync();
        await Expect(page.Locator("#IntervalMinutes-error")).ToHaveTextAsync("Every (minutes) is 0; it must be between 1 and 10080 (one week).");
        await Expect(page.GetByLabel("Every (minutes)")).ToHaveAttributeAsync("aria-invalid", "true");
        (await site.Service<CustomerSyncSchedule>().GetAsync()).IntervalMinutes.ShouldBe(15);

        await page.GetByLabel("Run in batch on the schedule").UncheckAsync();
        await page.GetByLabel("Every (minutes)").FillAsync("15");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save recurrence" }).ClickAsync();
        await Expect(page.Locator("[data-notice]")).ToHaveTextAsync("Schedule saved: the job does not run in batch; use Run now.");
        await Expect(page.Locator("[data-next-run]")).ToHaveTextAsync("Not scheduled");
    }

    private static async Task<IReadOnlyList<LogHeaderView>> AllHeadersAsync(WebSite site)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IntegrationLogQueries>().HeadersAsync(LogStatusFilter.All, PageRequest.Of(1, 100))).Items;
    }

    [GeneratedRegex(@"/integration/log/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    private static partial Regex DetailsUrl();
}
