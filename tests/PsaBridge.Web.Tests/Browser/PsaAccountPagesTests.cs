using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PsaBridge.Infrastructure.Paging;
using PsaBridge.Psa.Accounts;
using static Microsoft.Playwright.Assertions;

namespace PsaBridge.Web.Tests.Browser;

/// <summary>The PSA account forms, in Chromium: the server's rules, their messages beside the fields.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PsaAccountPagesTests(Chromium chromium)
{
    [Fact]
    public async Task A_new_account_shows_the_servers_messages_beside_the_fields_and_saves_once_they_are_fixed()
    {
        await using var site = await WebSite.StartAsync();
        var page = await chromium.OpenAsync(site);
        await page.GotoAsync("/psa/accounts");
        await page.GetByRole(AriaRole.Link, new() { Name = "New account" }).ClickAsync();
        await page.WaitForURLAsync("**/psa/accounts/new");

        await page.GetByLabel("Currency").FillAsync("DOLLARS");
        await page.GetByLabel("State/Province").FillAsync(new string('W', 60));
        await page.GetByLabel("Credit limit").FillAsync("-5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();

        await Expect(page.Locator("#Input_Name-error")).ToHaveTextAsync("Account name is required.");
        await Expect(page.Locator("#Input_Currency-error")).ToHaveTextAsync("Currency 'DOLLARS' is not an ISO 4217 code (three letters, such as USD).");
        await Expect(page.Locator("#Input_Address1_StateOrProvince-error")).ToHaveTextAsync("State/Province is 60 characters long; at most 50 are allowed.");
        await Expect(page.Locator("#Input_CreditLimit-error")).ToContainTextAsync("Credit limit is -5; it must be between 0 and");
        await Expect(page.GetByLabel("State/Province")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.GetByLabel("State/Province")).ToHaveAttributeAsync("aria-describedby", "state-hint Input_Address1_StateOrProvince-error");
        await Expect(page.GetByLabel("Currency")).ToHaveValueAsync("DOLLARS");
        await Expect(page.Locator("[data-error-summary] li")).ToHaveCountAsync(4);
        await Screenshots.SaveAsync(page, "psa-account-new-with-errors");

        await page.GetByLabel("Account name", new() { Exact = true }).FillAsync("Fourth Coffee");
        await page.GetByLabel("Currency").FillAsync("usd");
        await page.GetByLabel("State/Province").FillAsync("WA");
        await page.GetByLabel("Credit limit").FillAsync("50000");
        await page.GetByLabel("City").FillAsync("Seattle");
        await page.GetByLabel("Country/Region").FillAsync("US");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();

        await Expect(page.Locator("[data-notice]")).ToHaveTextAsync("Account 'Fourth Coffee' created. The next run of the sync brings it into finance.");
        await using var scope = site.Services.CreateAsyncScope();
        var accounts = (await scope.ServiceProvider.GetRequiredService<AccountService>().ListAsync(new AccountFilter(), PageRequest.Of(1, 10))).Items;
        accounts.Select(a => (a.Name, a.Currency, a.Address1.City, a.Address1.StateOrProvince, a.Address1.Country, a.CreditLimit))
            .ShouldBe([("Fourth Coffee", (string?)"USD", (string?)"Seattle", (string?)"WA", (string?)"US", (decimal?)50_000m)]);
        page.Url.ShouldEndWith($"/psa/accounts/{accounts[0].Id}");
    }
}
