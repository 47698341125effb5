using Microsoft.Playwright;
using PsaBridge.Web.Security;
using PsaBridge.Web.Tests.Browser;
using static Microsoft.Playwright.Assertions;

namespace PsaBridge.Web.Tests.Security;

/// <summary>Signing in and being refused, in Chromium, as a person meets them (issue 21).</summary>
[Collection(BrowserCollection.Name)]
public sealed class SignInPagesTests(Chromium chromium)
{
    [Fact]
    public async Task A_page_asks_for_sign_in_a_wrong_password_is_told_and_the_right_one_returns_to_that_page_with_an_http_only_lax_cookie()
    {
        await using var site = await WebSite.StartAsync();
        var admin = await site.UserAsync(Roles.Administrator);
        var page = await chromium.OpenAnonymousAsync(site);

        await page.GotoAsync("/integration/sync");
        new Uri(page.Url).AbsolutePath.ShouldBe("/account/sign-in");
        await page.GetByLabel("E-mail").FillAsync(admin.Email);
        await page.GetByLabel("Password").FillAsync("Not-the-password-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("The e-mail or the password is not right.");
        (await page.Context.CookiesAsync()).ShouldNotContain(c => c.Name == "PsaBridge.SignIn");

        await page.GetByLabel("Password").FillAsync(admin.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/integration/sync");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Synchronize master data from PSA" })).ToBeVisibleAsync();
        var cookie = (await page.Context.CookiesAsync()).Single(c => c.Name == "PsaBridge.SignIn");
        (cookie.HttpOnly, cookie.SameSite, cookie.Expires).ShouldBe((true, SameSiteAttribute.Lax, -1f)); // a session cookie
    }

    [Fact]
    public async Task A_viewer_sent_to_a_page_only_administrators_and_finance_may_read_is_told_it_is_not_allowed_and_sees_none_of_it()
    {
        await using var site = await WebSite.StartAsync();
        var viewer = await site.UserAsync(Roles.Viewer);
        var page = await chromium.OpenAsync(site, Roles.Viewer);

        var answer = await page.GotoAsync("/audit");

        new Uri(page.Url).AbsolutePath.ShouldBe("/account/access-denied");
        answer!.Status.ShouldBe(403);
        await Expect(page.Locator("[data-access-denied]")).ToContainTextAsync($"You are signed in as {viewer.Email} (Viewer), which does not allow this page or action.");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not allowed" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Table)).ToHaveCountAsync(0);
    }
}
