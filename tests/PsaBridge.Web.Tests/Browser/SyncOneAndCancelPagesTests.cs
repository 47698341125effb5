using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PsaBridge.Finance;
using PsaBridge.Finance.IntegrationLog;
using PsaBridge.Integration.CustomerSync;
using PsaBridge.Testing;
using PsaBridge.Web.Security;
using static Microsoft.Playwright.Assertions;

namespace PsaBridge.Web.Tests.Browser;

/// <summary>
/// What a person does to one run or a few accounts, in Chromium: Cancel on the run's progress page stops the run
/// after its page (that page kept, the log saying who cancelled); "Synchronize this account now" on a fixed
/// account makes its customer without a full run; and the accounts in error selected and synchronized now together.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SyncOneAndCancelPagesTests(Chromium chromium)
{
    [Fact]
    public async Task Cancel_on_the_progress_page_stops_the_run_after_its_page_and_the_log_says_who()
    {
        var gate = new SyncGate();
        await using var site = await WebSite.StartAsync(s => s.AddSingleton<ISyncObserver>(gate),
            new Dictionary<string, string> { ["PsaBridge:CustomerSync:PageSize"] = "2" });
        for (var i = 1; i <= 5; i++) await site.Services.CreateAccountAsync(Arrange.Account($"Customer {i}"));
        var page = await chromium.OpenAsync(site);
        try
        {
            await CancelAndFollowAsync(site, page, gate);
        }
        finally
        {
            // A failed step must not leave the run held, or the site's disposal would wait for it for ever.
            gate.Release.TrySetResult();
        }
    }

    private static async Task CancelAndFollowAsync(WebSite site, IPage page, SyncGate gate)
    {
        await page.GotoAsync("/integration/sync");
        await page.GetByRole(AriaRole.Button, new() { Name = "Run now" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/integration/sync/runs/[0-9a-f-]{36}$"));
        var id = Guid.Parse(page.Url.Split('/')[^1]);
        await gate.Reached.Task.WaitAsync(TimeSpan.FromSeconds(30));
        // Held after its first page of two accounts: the total, the share, the rate and the time left are shown.
        await Expect(page.Locator("[data-progress-text]")).ToHaveTextAsync(
            new Regex(@"^Read 2 of 5 accounts \(40\.0%\) · [0-9,]+ a second · about .+ left: 2 created, 0 updated, 0 unchanged, 0 in error\.$"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel the run" }).ClickAsync();
        await Expect(page.Locator("[data-notice]")).ToHaveTextAsync("Cancel requested: the run stops after the page it is writing; that page is kept.");
        gate.Release.TrySetResult();

        await page.WaitForURLAsync($"**/integration/log/{id}");
        await Expect(page.Locator("[data-header-status]")).ToHaveTextAsync("Error");
        var admin = await site.UserAsync(PsaBridge.Web.Security.Roles.Administrator);
        await Expect(page.Locator("[data-header-message]")).ToHaveTextAsync(
            $"Cancelled by {admin.Email} after 2 accounts: every page before it is committed; the next run goes on from there.");

        await using var finance = site.Databases.OpenFinance();
        (await finance.Customers.CountAsync()).ShouldBe(2);
        (await finance.IntegrationLogLines.CountAsync(l => l.HeaderId == id)).ShouldBe(2);
    }

    [Fact]
    public async Task Synchronize_this_account_now_fails_it_again_before_the_fix_and_creates_its_customer_after()
    {
        await using var site = await WebSite.StartAsync();
        var blue = await site.Services.CreateAccountAsync(Arrange.Account("Blue Yonder Airlines", state: "Washingtn", accountNumber: "BLUE"));
        var other = await site.Services.CreateAccountAsync(Arrange.Account("Contoso"));
        var page = await chromium.OpenAsync(site);

        await page.GotoAsync($"/psa/accounts/{blue.Id}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Synchronize this account now" }).ClickAsync();
        await Expect(page.Locator("[data-notice]")).ToHaveTextAsync(
            "Account 'Blue Yonder Airlines' was synchronized now and failed again: see the latest line below.");
        await Expect(page.Locator("[data-last-sync-error]")).ToContainTextAsync("State: 'Washingtn' does not exist in finance");

        await page.GetByLabel("State/Province").FillAsync("WA");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        // Fixed since that attempt: its error is shown as history, not as the red error, beside the offer to synchronize now.
        await Expect(page.Locator("[data-notice]")).ToHaveTextAsync("Account 'Blue Yonder Airlines' saved. The next run of the sync reads it again.");
        var history = page.Locator("[data-last-sync-error][data-history]");
        await Expect(history).ToContainTextAsync("The last attempt failed before the account was last changed");
        await Expect(history).ToContainTextAsync("State: 'Washingtn' does not exist in finance");
        await Expect(page.Locator(".notice-error[data-last-sync-error]")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Synchronize this account now" }).ClickAsync();
        await Expect(page.Locator("[data-notice]")).ToHaveTextAsync(
            "Account 'Blue Yonder Airlines' was synchronized now: its finance customer was created.");
        await Expect(page.Locator("[data-last-sync-error]")).ToHaveCountAsync(0);

        await using var finance = site.Databases.OpenFinance();
        var customers = await finance.Customers.AsNoTracking().ToListAsync();
        customers.Select(c => (c.PsaAccountId, c.CustomerAccount)).ShouldBe([(blue.Id, "BLUE")]);
        (await finance.IntegrationLogLines.AnyAsync(l => l.PsaAccountId == other.Id)).ShouldBeFalse();
    }

    [Fact]
    public async Task Synchronize_selected_now_takes_a_fixed_account_off_the_failing_list_and_keeps_a_broken_one_with_its_error()
    {
        await using var site = await WebSite.StartAsync();
        var blue = await site.Services.CreateAccountAsync(Arrange.Account("Blue Yonder Airlines", state: "Washingtn", accountNumber: "BLUE"));
        var lamna = await site.Services.CreateAccountAsync(Arrange.Account("Lamna Healthcare", state: "Nowhere", accountNumber: "LAMNA"));
        (await site.Services.RunSyncAsync()).Counts.Failed.ShouldBe(2);
        var page = await chromium.OpenAsync(site, Roles.IntegrationOperator);

        // The operator fixes one account's state; the other stays broken.
        await page.GotoAsync($"/psa/accounts/{blue.Id}");
        await page.GetByLabel("State/Province").FillAsync("WA");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(page.Locator("[data-notice]")).ToHaveTextAsync("Account 'Blue Yonder Airlines' saved. The next run of the sync reads it again.");

        await page.GotoAsync("/integration/failing");
        var accounts = page.Locator("[data-failing-accounts] tbody tr");
        await Expect(accounts).ToHaveCountAsync(2);
        await page.GetByLabel("Select Blue Yonder Airlines").CheckAsync();
        await page.GetByLabel("Select Lamna Healthcare").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Synchronize selected now" }).ClickAsync();
        await Expect(page.Locator("[data-notice]")).ToHaveTextAsync(
            "1 of 2 synchronized now. Blue Yonder Airlines: done, its finance customer was created. "
            + "Lamna Healthcare: still failing: State: 'Nowhere' does not exist in finance for United States (USA).");
        await Expect(accounts).ToHaveCountAsync(1);
        await Expect(accounts.Locator("[data-cell=account]")).ToHaveTextAsync("Lamna Healthcare");
        await Expect(accounts.Locator("[data-cell=messages]")).ToContainTextAsync("State: 'Nowhere' does not exist in finance");
        (await accounts.Locator("td.num").InnerTextAsync()).ShouldBe("2");

        await using var finance = site.Databases.OpenFinance();
        (await finance.Customers.AsNoTracking().Select(c => c.CustomerAccount).ToListAsync()).ShouldBe(["BLUE"]);
        // The trail names each account synchronized, with what came of it.
        (await finance.AuditEntries.AsNoTracking().Where(a => a.Action == "/Integration/Failing/Index:Synchronize")
                .Select(a => new { a.Channel, a.Entity, a.RecordId, a.Details }).ToListAsync())
            .ShouldBe([
                new { Channel = "Page", Entity = "Account", RecordId = blue.Id.ToString(), Details = (string?)"done, its finance customer was created." },
                new { Channel = "Page", Entity = "Account", RecordId = lamna.Id.ToString(),
                    Details = (string?)"still failing: State: 'Nowhere' does not exist in finance for United States (USA)." },
            ], ignoreOrder: true);
    }
}
