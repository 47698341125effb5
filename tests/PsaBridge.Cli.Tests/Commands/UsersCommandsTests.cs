using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PsaBridge.Cli.Infrastructure;
using PsaBridge.Psa.Resources;
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
        signedIn.Headers.Location!.OriginalString.ShouldBe("/account/change-password?returnUrl=%2F"); // the one-time password is for this sign-in only
        (await browser.GetAsync("/api/finance/number-sequences")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
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

    [Fact]
    public async Task Users_list_shows_each_user_with_role_lockout_and_one_time_password_as_table_json_and_csv()
    {
        var databases = await TestDatabases.CreateAsync();
        (await CliRun.RunAsync(databases, "users", "add", "--role", "Administrator", "ada@example.com")).ExitCode.ShouldBe(ExitCodes.Ok);
        (await CliRun.RunAsync(databases, "users", "add", "--role", "team member", "tom@example.com")).ExitCode.ShouldBe(ExitCodes.Ok);
        await LockOutAsync(databases, "tom@example.com");

        var table = await CliRun.RunInTerminalAsync(databases, "users", "list");
        table.ExitCode.ShouldBe(ExitCodes.Ok, table.ToString());
        table.Row("ada@example.com").ShouldBe(["ada@example.com", "Administrator", "", "yes", ""]);
        table.Row("tom@example.com")[1].ShouldBe("TeamMember");
        table.Row("tom@example.com")[2].ShouldNotBeEmpty();
        table.Output.ShouldContain("1-2 of 2 users (page 1 of 1).");

        // json and csv go to standard output or, as here, to a file.
        var dir = Path.Combine(Path.GetTempPath(), "psabridge-tests", "cli-files", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var json = await CliRun.RunAsync(databases, "users", "list", "--format", "json", "--out", Path.Combine(dir, "users.json"));
        json.ExitCode.ShouldBe(ExitCodes.Ok, json.ToString());
        var rows = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(dir, "users.json"))).RootElement.EnumerateArray().ToList();
        rows.Select(r => (r.GetProperty("E-mail").GetString(), r.GetProperty("Role").GetString())).ShouldBe([("ada@example.com", "Administrator"), ("tom@example.com", "TeamMember")]);
        rows[0].GetProperty("Locked out until").ValueKind.ShouldBe(JsonValueKind.Null);
        DateTime.Parse(rows[1].GetProperty("Locked out until").GetString()!, System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBeGreaterThan(DateTime.UtcNow.AddMinutes(14)); // written as UTC

        var csv = await CliRun.RunAsync(databases, "users", "list", "--format", "csv", "--out", Path.Combine(dir, "users.csv"));
        csv.ExitCode.ShouldBe(ExitCodes.Ok, csv.ToString());
        var lines = (await File.ReadAllLinesAsync(Path.Combine(dir, "users.csv"))).Select(l => l.TrimStart('\uFEFF')).ToList();
        lines[0].ShouldBe("E-mail,Role,Locked out until,Must change password,Resource");
        lines[1].ShouldStartWith("ada@example.com,Administrator,,");
        lines.Count.ShouldBe(3);
    }

    [Fact]
    public async Task Users_set_role_unlock_and_remove_change_the_user_and_are_in_the_trail_as_the_operating_system_user()
    {
        var databases = await TestDatabases.CreateAsync();
        (await CliRun.RunAsync(databases, "users", "add", "--role", "Administrator", "ada@example.com")).ExitCode.ShouldBe(ExitCodes.Ok);
        (await CliRun.RunAsync(databases, "users", "add", "--role", "Viewer", "val@example.com")).ExitCode.ShouldBe(ExitCodes.Ok);
        await LockOutAsync(databases, "val@example.com");

        var promote = await CliRun.RunAsync(databases, "users", "set-role", "val@example.com", "project manager");
        promote.ExitCode.ShouldBe(ExitCodes.Ok, promote.ToString());
        promote.Output.Trim().ShouldBe("User val@example.com is now ProjectManager.");
        var unlock = await CliRun.RunAsync(databases, "users", "unlock", "val@example.com");
        unlock.ExitCode.ShouldBe(ExitCodes.Ok, unlock.ToString());
        await using (var services = CliRun.Services(databases))
        await using (var scope = services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            var val = (await users.FindByEmailAsync("val@example.com"))!;
            (await users.GetRolesAsync(val)).ShouldBe(["ProjectManager"]);
            (await users.IsLockedOutAsync(val)).ShouldBeFalse();
            (await users.GetAccessFailedCountAsync(val)).ShouldBe(0);
        }

        var remove = await CliRun.RunAsync(databases, "users", "remove", "val@example.com");
        remove.ExitCode.ShouldBe(ExitCodes.Ok, remove.ToString());
        (await CliRun.RunAsync(databases, "users", "remove", "val@example.com")).ErrorLines.ShouldBe(["error: User 'val@example.com' was not found."]);

        await using var finance = databases.OpenFinance();
        (await finance.Users.Select(u => u.Email).ToListAsync()).ShouldBe(["ada@example.com"]);
        (await finance.AuditEntries.Where(e => e.Entity == "User" && e.Action != "AddUser").OrderBy(e => e.At).Select(e => new { e.Actor, e.Channel, e.Action, e.Details }).ToListAsync())
            .Select(e => (e.Actor, e.Channel, e.Action, e.Details)).ShouldBe([
                (Environment.UserName, "CLI", "SetUserRole", "val@example.com as ProjectManager"),
                (Environment.UserName, "CLI", "UnlockUser", "val@example.com"),
                (Environment.UserName, "CLI", "RemoveUser", "val@example.com, who was ProjectManager"),
            ]);
    }

    [Fact]
    public async Task The_last_administrator_can_be_neither_demoted_nor_removed_but_one_of_two_can()
    {
        var databases = await TestDatabases.CreateAsync();
        (await CliRun.RunAsync(databases, "users", "add", "--role", "Administrator", "ada@example.com")).ExitCode.ShouldBe(ExitCodes.Ok);
        const string Refusal = "ada@example.com is the last Administrator: PsaBridge cannot {0} them, or no one could manage users. Make another Administrator first.";

        var demote = await CliRun.RunAsync(databases, "users", "set-role", "ada@example.com", "Viewer");
        demote.ExitCode.ShouldBe(ExitCodes.Failed);
        demote.ErrorLines.ShouldBe(["error: " + string.Format(Refusal, "take the Administrator role from")]);
        var remove = await CliRun.RunAsync(databases, "users", "remove", "ada@example.com");
        remove.ErrorLines.ShouldBe(["error: " + string.Format(Refusal, "remove")]);
        var unknownRole = await CliRun.RunAsync(databases, "users", "set-role", "ada@example.com", "Janitor");
        unknownRole.ErrorLines.ShouldHaveSingleItem().ShouldStartWith("error: role: Role 'Janitor' is not one of Administrator, Finance");

        (await CliRun.RunAsync(databases, "users", "add", "--role", "Administrator", "bob@example.com")).ExitCode.ShouldBe(ExitCodes.Ok);
        (await CliRun.RunAsync(databases, "users", "set-role", "ada@example.com", "Viewer")).ExitCode.ShouldBe(ExitCodes.Ok);
        (await CliRun.RunAsync(databases, "users", "remove", "bob@example.com")).ErrorLines.ShouldBe(["error: " + string.Format(Refusal, "remove").Replace("ada@", "bob@")]);
        await using var finance = databases.OpenFinance();
        (await finance.AuditEntries.CountAsync(e => e.Action == "RemoveUser" || e.Action == "SetUserRole")).ShouldBe(1);
    }

    [Fact]
    public async Task Users_link_ties_a_user_to_their_bookable_resource_unlinks_them_and_refuses_an_unknown_resource()
    {
        var databases = await TestDatabases.CreateAsync();
        (await CliRun.RunAsync(databases, "users", "add", "--role", "TeamMember", "ashley@example.com")).ExitCode.ShouldBe(ExitCodes.Ok);
        Guid ashley;
        await using (var world = await PricedWorld.ArrangeAsync(databases, "Contoso US", "Solution Architect", costRate: 90.00m, salesRate: 180.00m))
            ashley = (await world.Get<ResourceService>().CreateResourceAsync(new ResourceInput("Ashley Chinn", ResourceType.User, world.Unit.Id, world.Role.Id))).Id;

        var link = await CliRun.RunAsync(databases, "users", "link", "ashley@example.com", ashley.ToString());
        link.ExitCode.ShouldBe(ExitCodes.Ok, link.ToString());
        link.Output.Trim().ShouldBe("User ashley@example.com is linked to resource Ashley Chinn.");
        (await CliRun.RunInTerminalAsync(databases, "users", "list")).Row("ashley@example.com")[4].ShouldBe(ashley.ToString());
        var unknown = Guid.NewGuid();
        (await CliRun.RunAsync(databases, "users", "link", "ashley@example.com", unknown.ToString())).ErrorLines.ShouldBe([$"error: Resource '{unknown}' was not found."]);

        var unlink = await CliRun.RunAsync(databases, "users", "link", "ashley@example.com");
        unlink.Output.Trim().ShouldBe("User ashley@example.com is linked to no resource.");
        (await CliRun.RunInTerminalAsync(databases, "users", "list")).Row("ashley@example.com")[4].ShouldBe("");
        await using var finance = databases.OpenFinance();
        (await finance.AuditEntries.Where(e => e.Action == "LinkUserResource").OrderBy(e => e.At).Select(e => e.Details).ToListAsync())
            .ShouldBe([$"ashley@example.com is Ashley Chinn ({ashley})", "ashley@example.com unlinked"]);
    }

    /// <summary>Five wrong passwords, as a person who forgot theirs types them.</summary>
    private static async Task LockOutAsync(TestDatabasePair databases, string email)
    {
        await using var services = CliRun.Services(databases);
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        for (var i = 0; i < 5; i++) await users.AccessFailedAsync(user);
        (await users.IsLockedOutAsync(user)).ShouldBeTrue();
    }

    [GeneratedRegex("One-time password: (\\S+)")]
    private static partial Regex OneTimePassword();
}
