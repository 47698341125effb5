using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using PsaBridge.Testing;
using PsaBridge.Web.Security;
using PsaBridge.Web.Tests.Browser;

namespace PsaBridge.Web.Tests.Security;

/// <summary>Every answer carries the security headers and no Server header; signing in and starting jobs are rate limited.</summary>
public sealed class WebHardeningTests
{
    [Theory]
    [InlineData("/health")]
    [InlineData("/account/sign-in")]
    [InlineData("/api/finance/customers")]
    [InlineData("/no/such/page")]
    public async Task Every_answer_carries_the_content_security_policy_nosniff_and_no_referrer(string path)
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var response = await app.CreateClient().GetAsync(path);
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldBe(
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'");
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("no-referrer");
    }

    [Fact]
    public async Task The_real_server_sends_no_Server_header()
    {
        await using var site = await WebSite.StartAsync();
        var response = await site.CreateClient().GetAsync("/health");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.Contains("Server").ShouldBeFalse();
        response.Headers.Contains("X-Content-Type-Options").ShouldBeTrue();
    }

    [Fact]
    public async Task Sign_in_attempts_past_the_limit_get_429_problem_details_with_retry_after()
    {
        await using var app = await PsaBridgeApp.StartAsync(a => a
            .WithSetting("PsaBridge:Security:SignIn:PermitLimit", "3")
            .WithSetting("PsaBridge:Security:SignIn:WindowSeconds", "300"));
        var client = app.CreateAnonymousClient();
        var admin = await app.UserAsync(PsaBridge.Web.Security.Roles.Administrator);
        for (var i = 0; i < 3; i++)
            (await SignInForm.PostAsync(client, admin.Email, "wrong-password")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var refused = await SignInForm.PostAsync(client, admin.Email, admin.Password);
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single());
        retryAfter.ShouldBeInRange(1, 300);
        (await refused.JsonAsync()).GetProperty("status").GetInt32().ShouldBe(429);
        (await client.GetAsync("/account/sign-in")).StatusCode.ShouldBe(HttpStatusCode.OK); // reading the page is not limited
    }

    [Fact]
    public async Task Job_starts_past_the_limit_get_429()
    {
        await using var app = await PsaBridgeApp.StartAsync(a => a.WithSetting("PsaBridge:Security:JobStart:PermitLimit", "1"));
        var client = app.CreateClient();
        (await client.PostAsync("/api/integration/jobs/customers/run", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var refused = await client.PostAsync("/api/integration/jobs/customers/run", null);
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.Contains("Retry-After").ShouldBeTrue();
        (await client.GetAsync("/api/integration/log")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_host_outside_AllowedHosts_is_refused()
    {
        await using var app = await PsaBridgeApp.StartAsync(a => a.WithSetting("AllowedHosts", "psabridge.example"));
        var client = app.CreateClient();
        (await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/health") { Headers = { Host = "evil.example" } }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/health") { Headers = { Host = "psabridge.example" } }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("*", true)]
    [InlineData("psabridge.contoso.com; *", true)]
    [InlineData("psabridge.contoso.com", false)]
    [InlineData("psabridge.contoso.com;*.contoso.com", false)]
    public void AllowedHosts_unset_or_holding_a_star_accepts_any_host_and_is_warned_about_outside_development(string? setting, bool any) =>
        WebHardening.AcceptsAnyHost(setting).ShouldBe(any);

    [Fact]
    public async Task Listening_on_https_redirects_http_to_https_and_sends_hsts_over_https_and_otherwise_neither()
    {
        await using var app = await PsaBridgeApp.StartAsync(a => a.WithSetting("urls", "https://psabridge.example:8443").WithSetting("https_port", "8443"));
        var plain = app.CreateAnonymousClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://psabridge.example") });
        var redirected = await plain.GetAsync("/health");
        redirected.StatusCode.ShouldBe(HttpStatusCode.TemporaryRedirect);
        redirected.Headers.Location!.ToString().ShouldBe("https://psabridge.example:8443/health");
        redirected.Headers.Contains("Strict-Transport-Security").ShouldBeFalse(); // HSTS is only believed over https
        var secure = app.CreateAnonymousClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://psabridge.example:8443") });
        var answer = await secure.GetAsync("/health");
        answer.StatusCode.ShouldBe(HttpStatusCode.OK);
        answer.Headers.GetValues("Strict-Transport-Security").Single().ShouldBe("max-age=2592000");

        await using var httpOnly = await PsaBridgeApp.StartAsync();
        var notRedirected = await httpOnly.CreateAnonymousClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://psabridge.example") }).GetAsync("/health");
        notRedirected.StatusCode.ShouldBe(HttpStatusCode.OK);
        notRedirected.Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
        (await httpOnly.CreateAnonymousClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
