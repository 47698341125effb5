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

    [Fact]
    public async Task An_api_run_signed_in_by_the_cookie_needs_the_antiforgery_header_and_a_bearer_token_does_not()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        await app.Services.CreateAccountAsync(Arrange.Account("Cookie Api"));
        var client = app.CreateAnonymousClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var admin = await app.UserAsync(PsaBridge.Web.Security.Roles.Administrator);
        (await SignInForm.PostAsync(client, admin.Email, admin.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var forged = await client.PostAsync("/api/integration/jobs/customers/run", null);

        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        forged.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await forged.JsonAsync()).GetProperty("detail").GetString()!.ShouldContain("RequestVerificationToken header");
        await RunsShouldBeNoneAsync(app.CreateClient());

        // A page's own script would send the token its page carries, as a form does.
        using var withToken = new HttpRequestMessage(HttpMethod.Post, "/api/integration/jobs/customers/run");
        withToken.Headers.Add("RequestVerificationToken", await SignInForm.AntiforgeryTokenAsync(client, "/integration/sync"));
        var fromPage = await client.SendAsync(withToken);
        fromPage.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await fromPage.JsonAsync()).GetProperty("counts").GetProperty("created").GetInt32().ShouldBe(1);

        var program = await app.CreateClient().PostAsync("/api/integration/jobs/customers/run?full=true", null);
        program.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await app.CreateClient().GetAsync("/api/integration/log?status=All")).JsonAsync()).GetProperty("total").GetInt32().ShouldBe(2);
    }

    private static async Task RunsShouldBeNoneAsync(HttpClient admin) =>
        (await (await admin.GetAsync("/api/integration/log?status=All")).JsonAsync()).GetProperty("total").GetInt32().ShouldBe(0);
}
