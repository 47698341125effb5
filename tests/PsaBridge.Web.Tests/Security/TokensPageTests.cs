using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Playwright;
using PsaBridge.Testing;
using PsaBridge.Web.Security;
using PsaBridge.Web.Tests.Browser;
using static Microsoft.Playwright.Assertions;

namespace PsaBridge.Web.Tests.Security;

/// <summary>A person makes a personal access token on its page, a program uses it, and once revoked it is refused.</summary>
[Collection(BrowserCollection.Name)]
public sealed class TokensPageTests(Chromium chromium)
{
    [Fact]
    public async Task A_token_made_on_the_page_is_shown_once_calls_the_api_as_its_role_and_after_revoking_answers_401()
    {
        await using var site = await WebSite.StartAsync();
        var page = await chromium.OpenAsync(site, Roles.Finance);
        await page.GotoAsync("/account/tokens");
        await Expect(page.Locator("[data-tokens] tbody tr")).ToHaveCountAsync(1); // the one the test harness made for this user
        await Expect(page.GetByLabel("Role").Locator("option")).ToHaveTextAsync(["Finance"]); // only roles the person holds

        await page.GetByLabel("Name").FillAsync("Nightly export");
        await page.GetByLabel("Valid for (days)").FillAsync("400");
        await page.GetByRole(AriaRole.Button, new() { Name = "Make token" }).ClickAsync();
        await Expect(page.Locator("[data-valmsg-for='Form.Days']")).ToHaveTextAsync("A token lasts from 1 to 366 days.");
        await page.GetByLabel("Valid for (days)").FillAsync("30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Make token" }).ClickAsync();
        var secret = await page.Locator("[data-token-secret]").InputValueAsync();
        secret.ShouldStartWith(PersonalAccessTokens.TokenPrefix);

        using var program = new HttpClient { BaseAddress = site.BaseAddress };
        program.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        (await program.GetAsync("/api/finance/payment-terms")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await program.GetAsync("/api/integration/jobs/customers/schedule")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await program.PutAsync("/api/integration/jobs/customers/schedule", JsonContent.Create(new { enabled = false }))).StatusCode
            .ShouldBe(HttpStatusCode.Forbidden); // a Finance token may not do what only an Administrator may

        await page.GotoAsync("/account/tokens");
        (await page.ContentAsync()).ShouldNotContain(secret); // shown once, on the answer that made it
        var row = page.Locator("[data-token-name='Nightly export']");
        await Expect(row.Locator("td").Nth(1)).ToHaveTextAsync(secret[..12] + "…");
        await Expect(row.Locator("td").Nth(2)).ToHaveTextAsync("Finance");
        await Expect(row.Locator("td").Nth(5)).Not.ToHaveTextAsync("never");
        await Expect(row.Locator("[data-cell=status]")).ToHaveTextAsync("Active");

        await row.GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await Expect(page.Locator("[data-confirm] h2")).ToHaveTextAsync("Revoke the token 'Nightly export'?");
        await page.Locator("[data-confirm-yes]").ClickAsync();
        await Expect(page.Locator("[data-notice]")).ToHaveTextAsync("Token 'Nightly export' revoked.");
        await Expect(row.Locator("[data-cell=status]")).ToHaveTextAsync("Revoked");

        var refused = await program.GetAsync("/api/finance/payment-terms");
        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var trail = await (await site.CreateClient().GetAsync("/api/audit?entity=PersonalAccessToken&sort=at&dir=asc")).JsonAsync();
        trail.GetProperty("items").EnumerateArray().Select(e => (e.GetProperty("action").GetString(), e.GetProperty("actor").GetString()))
            .ShouldBe([("CreateToken", (await site.UserAsync(Roles.Finance)).Email), ("RevokeToken", (await site.UserAsync(Roles.Finance)).Email)]);
    }
}
