using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using PsaBridge.Testing;
using PsaBridge.Web.Security;

namespace PsaBridge.Web.Tests.Security;

/// <summary>With <c>--demo</c> a new installation has one user of each role, printed with how to sign in (issue 21).</summary>
[Trait("Engine", "Both")]
public sealed class FirstRunTests
{
    [Fact]
    public async Task Demo_makes_one_user_of_each_role_once_prints_them_and_each_signs_in_holding_its_role()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var quiet = new StringWriter();
        await FirstRun.PrepareAsync(app.Services, demo: false, quiet);
        quiet.ToString().ShouldBeEmpty(); // an administrator exists already: nothing to say

        var output = new StringWriter();
        await FirstRun.PrepareAsync(app.Services, demo: true, output);
        await FirstRun.PrepareAsync(app.Services, demo: true, TextWriter.Null); // a restart with --demo makes no second set

        output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ShouldBe([
            "Demo users (password Demo-password-1); sign in at /account/sign-in as:",
            "Administrator          administrator@demo.psabridge.example",
            "Integration operator   integrationoperator@demo.psabridge.example",
            "Finance                finance@demo.psabridge.example",
            "Project manager        projectmanager@demo.psabridge.example",
            "Team member            teammember@demo.psabridge.example",
            "Viewer                 viewer@demo.psabridge.example",
        ]);
        await using (var finance = app.Databases.OpenFinance())
            (await finance.Users.CountAsync(u => u.Email!.EndsWith("@demo.psabridge.example"))).ShouldBe(6);

        // Each signs in with the printed password; the audit trail is for Administrators and Finance alone.
        foreach (var role in Roles.All)
        {
            var browser = app.CreateAnonymousClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            (await SignInForm.PostAsync(browser, FirstRun.DemoEmail(role), "Demo-password-1")).StatusCode.ShouldBe(HttpStatusCode.Redirect, role);
            (await browser.GetAsync("/api/finance/number-sequences")).StatusCode.ShouldBe(HttpStatusCode.OK, role);
            (await browser.GetAsync("/api/audit")).StatusCode
                .ShouldBe(role is Roles.Administrator or Roles.Finance ? HttpStatusCode.OK : HttpStatusCode.Forbidden, role);
        }
    }

    [Fact]
    public async Task A_server_started_with_demo_data_has_the_demo_users_ready_to_sign_in()
    {
        await using var app = await PsaBridgeApp.StartAsync(a => a.WithSetting("PsaBridge:DemoData", "true"));
        var browser = app.CreateAnonymousClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var signedIn = await SignInForm.PostAsync(browser, FirstRun.DemoEmail(Roles.IntegrationOperator), FirstRun.DemoPassword);

        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await browser.GetAsync("/api/integration/log?status=All")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await browser.GetAsync("/api/audit")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await using var finance = app.Databases.OpenFinance();
        (await finance.Users.CountAsync(u => u.Email!.EndsWith("@demo.psabridge.example"))).ShouldBe(6);
    }
}
