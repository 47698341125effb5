using System.Net;
using Microsoft.Playwright;
using PsaBridge.Testing;
using PsaBridge.Web.Tests.Browser;

namespace PsaBridge.Web.Tests.Security;

/// <summary>A signed-in person's browser, led to another site's form, starts nothing here; nor does a cookie POST without the antiforgery token.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CrossSiteRequestTests(Chromium chromium)
{
    [Fact]
    public async Task A_form_posted_from_another_origin_to_Run_now_is_refused_and_starts_no_run()
    {
        await using var site = await WebSite.StartAsync();
        await site.Services.CreateAccountAsync(Arrange.Account("Cross Site"));
        var page = await chromium.OpenAsync(site); // signed in as an Administrator, who may start runs
        var target = new Uri(site.BaseAddress, "/integration/sync?handler=Run");
        var html = $"<form method=\"post\" action=\"{target}\"><input type=\"hidden\" name=\"Full\" value=\"true\"><button>Win a prize</button></form>";

        await page.GotoAsync("data:text/html," + Uri.EscapeDataString(html));
        var answer = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Win a prize" }).ClickAsync(), r => r.Request.Method == "POST");

        // Refused either way: the Lax cookie is not sent (so the browser is sent to sign in) or antiforgery answers 400.
        var location = answer.Headers.TryGetValue("location", out var l) ? l : "";
        (answer.Status == 400 || (answer.Status == 302 && location.Contains("/account/sign-in", StringComparison.Ordinal)))
            .ShouldBeTrue($"{answer.Status} {location}");
        await RunsShouldBeNoneAsync(site.CreateClient());
    }

    [Fact]
    public async Task A_signed_in_cookie_post_without_the_antiforgery_token_is_refused()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateAnonymousClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var admin = await app.UserAsync(PsaBridge.Web.Security.Roles.Administrator);
        (await SignInForm.PostAsync(client, admin.Email, admin.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetAsync("/integration/sync")).StatusCode.ShouldBe(HttpStatusCode.OK); // the cookie signs this client in

        var forged = await client.PostAsync("/integration/sync?handler=Run", new FormUrlEncodedContent(new Dictionary<string, string> { ["Full"] = "true" }));
        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await RunsShouldBeNoneAsync(app.CreateClient());
    }

    private static async Task RunsShouldBeNoneAsync(HttpClient admin) =>
        (await (await admin.GetAsync("/api/integration/log?status=All")).JsonAsync()).GetProperty("total").GetInt32().ShouldBe(0);
}
