using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PsaBridge.Finance.Identity;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Testing;
using PsaBridge.Web.Security;

namespace PsaBridge.Web.Tests.Security;

/// <summary>Local accounts as Identity keeps them in the finance database: lockout, password rules and the sign-in cookie (issue 21).</summary>
[Trait("Engine", "Both")]
public sealed class SignInTests
{
    private static readonly WebApplicationFactoryClientOptions NoRedirects = new() { AllowAutoRedirect = false };

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_for_15_minutes_and_then_the_right_one_is_refused_too()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var viewer = await app.UserAsync(Roles.Viewer);
        var browser = app.CreateAnonymousClient(NoRedirects);

        for (var i = 1; i <= 4; i++)
        {
            var wrong = await SignInForm.PostAsync(browser, viewer.Email, "Wrong-password-" + i);
            wrong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await wrong.Content.ReadAsStringAsync()).ShouldContain("The e-mail or the password is not right.");
        }
        var fifth = await SignInForm.PostAsync(browser, viewer.Email, "Wrong-password-5");
        (await fifth.Content.ReadAsStringAsync()).ShouldContain("This account is locked after repeated failed sign-ins.");
        var right = await SignInForm.PostAsync(browser, viewer.Email, viewer.Password);
        right.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await right.Content.ReadAsStringAsync()).ShouldContain("This account is locked after repeated failed sign-ins.");
        right.Headers.TryGetValues("Set-Cookie", out var cookies).ShouldBeTrue(); // the antiforgery cookie only
        cookies!.ShouldNotContain(c => c.StartsWith("PsaBridge.SignIn=", StringComparison.Ordinal));

        await using var finance = app.Databases.OpenFinance();
        var stored = await finance.Users.AsNoTracking().SingleAsync(u => u.Email == viewer.Email);
        stored.LockoutEnd!.Value.ShouldBeInRange(DateTimeOffset.UtcNow.AddMinutes(14), DateTimeOffset.UtcNow.AddMinutes(15).AddSeconds(5));
        // An account another person holds is not locked by these attempts.
        var admin = await app.UserAsync(Roles.Administrator);
        (await SignInForm.PostAsync(app.CreateAnonymousClient(NoRedirects), admin.Email, admin.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task A_password_shorter_than_12_characters_or_without_a_digit_upper_case_or_symbol_is_refused_and_no_user_is_made()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();

        var shortOne = await Should.ThrowAsync<ValidationFailedException>(() => accounts.AddAsync("short@example.com", "Viewer", "Short-pw-1"));
        shortOne.Errors.ShouldBe([new FieldError("password", "Passwords must be at least 12 characters.")]);
        var plain = await Should.ThrowAsync<ValidationFailedException>(() => accounts.AddAsync("plain@example.com", "Viewer", "only-lower-case-letters"));
        plain.Errors.Select(e => e.Field).Distinct().ShouldBe(["password"]);
        plain.Errors.Select(e => e.Message).ShouldBe([
            "Passwords must have at least one digit ('0'-'9').",
            "Passwords must have at least one uppercase ('A'-'Z').",
        ], ignoreOrder: true);
        (await accounts.AddAsync("good@example.com", "Viewer", "Long-enough-pw-1")).Role.ShouldBe(Roles.Viewer);

        await using var finance = app.Databases.OpenFinance();
        (await finance.Users.Where(u => u.Email!.EndsWith("@example.com")).Select(u => u.Email).ToListAsync()).ShouldBe(["good@example.com"]);
    }

    [Theory]
    [InlineData("http://localhost", false)]
    [InlineData("https://localhost", true)]
    public async Task The_sign_in_cookie_is_http_only_same_site_lax_and_secure_when_the_request_came_over_https(string origin, bool secure)
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var admin = await app.UserAsync(Roles.Administrator);
        var browser = app.CreateAnonymousClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri(origin) });

        var signedIn = await SignInForm.PostAsync(browser, admin.Email, admin.Password);

        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("PsaBridge.SignIn=", StringComparison.Ordinal));
        var attributes = cookie.Split(';').Skip(1).Select(a => a.Trim().ToLowerInvariant()).ToList();
        attributes.ShouldContain("httponly");
        attributes.ShouldContain("samesite=lax");
        attributes.Contains("secure").ShouldBe(secure);
        attributes.ShouldNotContain(a => a.StartsWith("expires=", StringComparison.Ordinal)); // a session cookie: closing the browser signs out
    }

    [Fact]
    public async Task Two_nodes_on_one_database_share_the_data_protection_keys_so_a_cookie_from_one_signs_in_on_the_other()
    {
        await using var first = await PsaBridgeApp.StartAsync();
        var admin = await first.UserAsync(Roles.Administrator);
        var signedIn = await SignInForm.PostAsync(first.CreateAnonymousClient(NoRedirects), admin.Email, admin.Password);
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("PsaBridge.SignIn=", StringComparison.Ordinal)).Split(';')[0];
        await using var finance = first.Databases.OpenFinance();
        var keys = await finance.DataProtectionKeys.AsNoTracking().Select(k => k.Xml).ToListAsync();
        keys.ShouldNotBeEmpty();
        keys.ShouldAllBe(xml => xml!.Contains("<key "));

        await using var second = first.AnotherNode();
        var other = second.CreateAnonymousClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var withCookie = new HttpRequestMessage(HttpMethod.Get, "/api/finance/number-sequences") { Headers = { { "Cookie", cookie } } };
        (await other.SendAsync(withCookie)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await other.GetAsync("/api/finance/number-sequences")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await finance.DataProtectionKeys.CountAsync()).ShouldBe(keys.Count); // the second node made no key of its own
    }
}
