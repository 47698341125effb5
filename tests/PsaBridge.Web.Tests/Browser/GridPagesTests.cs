using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PsaBridge.Psa.Accounts;
using static Microsoft.Playwright.Assertions;

namespace PsaBridge.Web.Tests.Browser;

/// <summary>The shared list grid in Chromium, on the PSA accounts: sticky headers, sort, page size, pages, selection and its actions, times, menu, focus, not-found.</summary>
[Collection(BrowserCollection.Name)]
public sealed class GridPagesTests(Chromium chromium)
{
    [Fact]
    public async Task The_grid_sorts_pages_goes_to_a_page_and_acts_on_the_selected_rows()
    {
        await using var site = await WebSite.StartAsync();
        for (var i = 1; i <= 30; i++) await site.Services.CreateAccountAsync(Arrange.Account($"Account {i:00}"));
        var page = await chromium.OpenAsync(site);
        await page.GotoAsync("/psa/accounts");
        var rows = page.Locator("[data-accounts] tbody tr");
        await Expect(page.Locator("[data-result-count]")).ToHaveTextAsync("1–30 of 30 accounts");
        // The table scrolls inside its own box and its header row stays at the box's top.
        var scrolled = await page.Locator("[data-accounts]").EvaluateAsync<double[]>(
            "t => { const box = t.closest('.table-wrap'); box.scrollTop = 400; const top = box.getBoundingClientRect().top; " +
            "return [box.scrollTop, t.querySelector('thead th').getBoundingClientRect().top - top, t.querySelector('tbody tr').getBoundingClientRect().top - top]; }");
        scrolled[0].ShouldBeGreaterThan(0);
        scrolled[1].ShouldBeInRange(-1, 2);
        scrolled[2].ShouldBeLessThan(0);
        await page.Locator("[data-accounts]").EvaluateAsync("t => t.closest('.table-wrap').scrollTop = 0");

        await page.Locator("th[data-column=name] a").ClickAsync();
        await page.WaitForURLAsync("**/psa/accounts?sort=name&dir=desc");
        await Expect(page.Locator("th[data-column=name]")).ToHaveAttributeAsync("aria-sort", "descending");
        await Expect(rows.First.Locator("td").Nth(1)).ToHaveTextAsync("Account 30");

        await page.GetByLabel("Rows per page").SelectOptionAsync("25");
        await page.WaitForURLAsync("**size=25*");
        await Expect(page.Locator("[data-result-count]")).ToHaveTextAsync("1–25 of 30 accounts");
        await Expect(rows).ToHaveCountAsync(25);
        await page.GetByLabel("Go to page").FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Go", Exact = true }).ClickAsync();
        await Expect(page.Locator("[data-result-count]")).ToHaveTextAsync("26–30 of 30 accounts");
        await Expect(rows).ToHaveCountAsync(5);
        await Expect(rows.Last.Locator("td").Nth(1)).ToHaveTextAsync("Account 01");
        await page.Locator("[data-page-link=first]").ClickAsync();
        await Expect(page.Locator("[data-page-number]")).ToHaveAttributeAsync("data-page-number", "1");
        await page.Locator("[data-page-link=last]").ClickAsync();
        await Expect(page.Locator("[data-page-number]")).ToHaveAttributeAsync("data-page-number", "2");

        await page.GetByLabel("Select all accounts on this page").CheckAsync();
        await Expect(page.Locator("[data-selected-count]")).ToHaveTextAsync("5 selected:");
        await page.GetByRole(AriaRole.Button, new() { Name = "Deactivate" }).ClickAsync();
        await Expect(page.Locator("[data-notice]")).ToHaveTextAsync("5 accounts deactivated.");
        await Expect(page.Locator("[data-page-number]")).ToHaveAttributeAsync("data-page-number", "2");
        (await rows.Locator("[data-cell=state]").AllInnerTextsAsync()).ShouldAllBe(s => s == "Inactive");
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var inactive = scope.ServiceProvider.GetRequiredService<AccountService>().Query(new AccountFilter(State: AccountState.Inactive)).Select(a => a.Name).OrderBy(n => n).ToList();
            inactive.ShouldBe(["Account 01", "Account 02", "Account 03", "Account 04", "Account 05"]);
        }

        await page.GetByText("Filters", new() { Exact = true }).ClickAsync();
        await page.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync("Inactive");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await Expect(page.Locator("[data-result-count]")).ToHaveTextAsync("1–5 of 5 accounts");
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-export=csv]").ClickAsync());
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')[0])
            .ShouldBe(["Account 05", "Account 04", "Account 03", "Account 02", "Account 01"]);
        download.SuggestedFilename.ShouldBe("psa-accounts.csv");
        await Screenshots.SaveAsync(page, "grid-accounts-filtered");
    }

    [Fact]
    public async Task Times_show_in_the_browsers_time_zone_with_utc_on_hover()
    {
        await using var site = await WebSite.StartAsync();
        var account = await site.Services.CreateAccountAsync(Arrange.Account("Fourth Coffee"));
        var page = await chromium.OpenAsync(site, timeZone: "Asia/Tokyo");
        await page.GotoAsync("/psa/accounts");

        var time = page.Locator("[data-accounts] tbody tr time");
        var utc = DateTime.SpecifyKind(account.ModifiedOn, DateTimeKind.Utc);
        await Expect(time).ToHaveTextAsync(utc.AddHours(9).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + " GMT+9");
        await Expect(time).ToHaveAttributeAsync("title", utc.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + " UTC");
    }

    [Fact]
    public async Task On_a_small_screen_the_menu_opens_from_its_button_and_every_control_shows_its_focus()
    {
        await using var site = await WebSite.StartAsync();
        var page = await chromium.OpenAsync(site, 360, 740);
        await page.GotoAsync("/psa/accounts");
        var menu = page.GetByRole(AriaRole.Button, new() { Name = "Menu" });
        await Expect(page.Locator("#sidenav")).ToBeHiddenAsync();
        await menu.ClickAsync();
        await Expect(menu).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(page.Locator("#sidenav")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Cities" }).ClickAsync();
        await page.WaitForURLAsync("**/setup/cities");

        await page.Keyboard.PressAsync("Tab");
        for (var i = 0; i < 12; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focus = await page.EvaluateAsync<string>("() => { const e = document.activeElement; const s = getComputedStyle(e); return e.tagName + ' ' + s.boxShadow + ' ' + s.outlineStyle; }");
            (focus.Contains("rgb(255, 191, 71)", StringComparison.Ordinal) || !focus.EndsWith(" none", StringComparison.Ordinal)).ShouldBeTrue(focus);
        }
    }

    [Fact]
    public async Task An_unknown_address_or_record_answers_a_styled_page_in_the_layout()
    {
        await using var site = await WebSite.StartAsync();
        var page = await chromium.OpenAsync(site);

        var unknown = await page.GotoAsync("/no/such/page");
        unknown!.Status.ShouldBe(404);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Page not found");
        await Expect(page.Locator("nav.sidenav")).ToHaveCountAsync(1);

        var id = Guid.NewGuid();
        var missing = await page.GotoAsync($"/setup/zip-codes/{id}");
        missing!.Status.ShouldBe(404);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Zip code not found");
        await Expect(page.Locator("main")).ToContainTextAsync($"Zip code '{id}' was not found.");
    }
}
