using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using PsaBridge.Cli.Infrastructure;
using PsaBridge.Testing;

namespace PsaBridge.Cli.Tests.Commands;

[Trait("Engine", "Both")]
public sealed partial class UsersCommandsTests
{
    [Fact]
    public async Task Users_add_makes_an_administrator_who_signs_in_with_the_printed_one_time_password()
    {
        await using var app = await PsaBridgeApp.StartAsync();

        var add = await CliRun.RunAsync(app.Databases, "users", "add", "--role", "Administrator", "first.admin@example.com");
        add.ExitCode.ShouldBe(ExitCodes.Ok, add.ToString());
        add.Output.ShouldContain("User first.admin@example.com added as Administrator.");
        var password = OneTimePassword().Match(add.Output).Groups[1].Value;
        password.Length.ShouldBe(20);

        var browser = app.CreateAnonymousClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var wrong = await SignInForm.PostAsync(browser, "first.admin@example.com", password + "x");
        wrong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var signedIn = await SignInForm.PostAsync(browser, "first.admin@example.com", password);
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signedIn.Headers.Location!.OriginalString.ShouldBe("/");
        (await browser.GetAsync("/api/finance/number-sequences")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Users_add_refuses_an_unknown_role_a_malformed_email_and_a_second_user_with_the_same_email()
    {
        var databases = await TestDatabases.CreateAsync();

        var bad = await CliRun.RunAsync(databases, "users", "add", "--role", "Janitor", "not-an-email");
        bad.ExitCode.ShouldBe(ExitCodes.Failed);
        bad.ErrorLines.ShouldContain("error: email: 'not-an-email' is not an e-mail address.");
        bad.ErrorLines.ShouldContain(l => l.StartsWith("error: role: Role 'Janitor' is not one of Administrator, Finance, IntegrationOperator", StringComparison.Ordinal));

        (await CliRun.RunAsync(databases, "users", "add", "--role", "viewer", "v@example.com")).ExitCode.ShouldBe(ExitCodes.Ok);
        var again = await CliRun.RunAsync(databases, "users", "add", "--role", "Viewer", "v@example.com");
        again.ExitCode.ShouldBe(ExitCodes.Failed);
        again.ErrorLines.ShouldBe(["error: A user with e-mail 'v@example.com' already exists."]);
    }

    [GeneratedRegex("One-time password: (\\S+)")]
    private static partial Regex OneTimePassword();
}
