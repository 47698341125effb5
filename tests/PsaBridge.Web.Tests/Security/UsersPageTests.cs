using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PsaBridge.Finance.Identity;
using PsaBridge.Testing;
using PsaBridge.Web.Security;
using PsaBridge.Web.Tests.Browser;
using static Microsoft.Playwright.Assertions;

namespace PsaBridge.Web.Tests.Security;

/// <summary>An Administrator manages the users on their page; a one-time password is changed at first sign-in (issue 21).</summary>
[Collection(BrowserCollection.Name)]
public sealed class UsersPageTests(Chromium chromium)
{
    [Fact]
    public async Task An_administrator_lists_the_users_changes_a_role_unlocks_one_and_removes_one_after_confirming_all_in_the_trail()
    {
        await using var site = await WebSite.StartAsync();
        var admin = await site.UserAsync(Roles.Administrator);
        var viewer = await site.UserAsync(Roles.Viewer);
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            var person = (await users.FindByEmailAsync(viewer.Email))!;
            for (var i = 0; i < 5; i++) await users.AccessFailedAsync(person);
        }
        var resource = Guid.NewGuid();
        await TestUsers.LinkResourceAsync(site.Databases, viewer.Email, resource);
        var page = await chromium.OpenAsync(site);

        await page.GotoAsync("/admin/users");
        await Expect(page.Locator("[data-users] tbody tr")).ToHaveCountAsync(2);
        var row = page.Locator($"[data-user='{viewer.Email}']");
        await Expect(row.Locator("[data-cell=role]")).ToHaveTextAsync("Viewer");
        await Expect(row.Locator("[data-cell=locked]")).Not.ToHaveTextAsync("not locked");
        await Expect(row.Locator("[data-cell=onetime]")).ToHaveTextAsync("No");
        await Expect(row.Locator("[data-cell=resource]")).ToHaveTextAsync(resource.ToString()); // a resource PSA does not have shows its id
        await Expect(page.Locator($"[data-user='{admin.Email}'] [data-cell=resource]")).ToHaveTextAsync("not linked");

        await row.GetByLabel($"Role of {viewer.Email}").SelectOptionAsync("ProjectManager");
        await row.Locator("[data-set-role]").ClickAsync();
        await Expect(page.Locator("[data-notice]")).ToHaveTextAsync($"{viewer.Email} is now Project manager.");
        await Expect(row.Locator("[data-cell=role]")).ToHaveTextAsync("Project manager");

        await row.Locator("[data-unlock]").ClickAsync();
        await Expect(page.Locator("[data-notice]")).ToHaveTextAsync($"{viewer.Email} can sign in again.");
        await Expect(row.Locator("[data-cell=locked]")).ToHaveTextAsync("not locked");
        await Expect(row.Locator("[data-unlock]")).ToHaveCountAsync(0);

        // The only Administrator cannot demote themselves: the reason is told and nothing changes.
        var self = page.Locator($"[data-user='{admin.Email}']");
        await self.GetByLabel($"Role of {admin.Email}").SelectOptionAsync("Viewer");
        await self.Locator("[data-set-role]").ClickAsync();
        await Expect(page.Locator("[data-error-summary] li")).ToHaveTextAsync(
            $"{admin.Email} is the last Administrator: PsaBridge cannot take the Administrator role from them, or no one could manage users. Make another Administrator first.");
        await Expect(self.Locator("[data-cell=role]")).ToHaveTextAsync("Administrator");

        await row.Locator("[data-remove]").ClickAsync();
        await Expect(page.Locator("[data-confirm] h2")).ToHaveTextAsync($"Remove the user {viewer.Email}?");
        await page.Locator("[data-confirm-yes]").ClickAsync();
        await Expect(page.Locator("[data-notice]")).ToHaveTextAsync($"{viewer.Email} removed.");
        await Expect(page.Locator("[data-users] tbody tr")).ToHaveCountAsync(1);

        var trail = await (await site.CreateClient().GetAsync("/api/audit?entity=User&sort=at&dir=asc")).JsonAsync();
        trail.GetProperty("items").EnumerateArray()
            .Select(e => (e.GetProperty("action").GetString(), e.GetProperty("actor").GetString(), e.GetProperty("channel").GetString(), e.GetProperty("details").GetString()))
            .ShouldBe([
                ("SetUserRole", admin.Email, "Page", $"{viewer.Email} as ProjectManager"),
                ("UnlockUser", admin.Email, "Page", viewer.Email),
                ("RemoveUser", admin.Email, "Page", $"{viewer.Email}, who was ProjectManager"),
            ]);
    }

    [Fact]
    public async Task Only_an_administrator_may_open_the_users_page()
    {
        await using var site = await WebSite.StartAsync();
        var page = await chromium.OpenAsync(site, Roles.Finance);

        var response = await page.GotoAsync("/admin/users");

        response!.Status.ShouldBe((int)HttpStatusCode.Forbidden);
        await Expect(page.Locator("[data-users]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_person_given_a_one_time_password_must_choose_their_own_before_anything_else()
    {
        await using var site = await WebSite.StartAsync();
        NewUser added;
        await using (var scope = site.Services.CreateAsyncScope())
            added = await scope.ServiceProvider.GetRequiredService<UserAccounts>().AddAsync("new.member@example.com", Roles.TeamMember);
        var page = await chromium.OpenAnonymousAsync(site);

        await page.GotoAsync("/psa/time");
        await page.GetByLabel("E-mail").FillAsync("new.member@example.com");
        await page.GetByLabel("Password").FillAsync(added.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/change-password\\?returnUrl=%2Fpsa%2Ftime$"));
        await Expect(page.Locator("[data-password-change-required]")).ToBeVisibleAsync();

        // Nothing else opens until it is changed: pages come back here, the API refuses.
        await page.GotoAsync("/psa/expenses");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/change-password\\?returnUrl=%2Fpsa%2Fexpenses$"));
        var api = await page.APIRequest.GetAsync("/api/finance/payment-terms");
        api.Status.ShouldBe((int)HttpStatusCode.Forbidden);
        (await api.TextAsync()).ShouldContain("You signed in with a one-time password: choose your own at /account/change-password first.");

        await page.GetByLabel("Current password").FillAsync("not-the-password");
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync("My-own-password-2");
        await page.GetByLabel("New password again").FillAsync("My-own-password-2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Expect(page.Locator("[data-valmsg-for='Form.CurrentPassword']")).ToHaveTextAsync("The current password is not right.");

        await page.GetByLabel("Current password").FillAsync(added.Password);
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync("My-own-password-2");
        await page.GetByLabel("New password again").FillAsync("My-own-password-3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Expect(page.Locator("[data-valmsg-for='Form.ConfirmPassword']")).ToHaveTextAsync("The two new passwords differ.");

        await page.GetByLabel("Current password").FillAsync(added.Password);
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync("My-own-password-2");
        await page.GetByLabel("New password again").FillAsync("My-own-password-2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/expenses$"));
        await Expect(page.Locator("[data-notice]")).ToHaveTextAsync("Your password is changed.");
        (await page.APIRequest.GetAsync("/api/finance/payment-terms")).Status.ShouldBe((int)HttpStatusCode.OK);

        // The one-time password is spent; the new one signs in straight to the page asked for.
        var again = await chromium.OpenAnonymousAsync(site);
        await Chromium.SignInAsync(again, new TestUser("new.member@example.com", "My-own-password-2", Roles.TeamMember, ""));
        var trail = await (await site.CreateClient().GetAsync("/api/audit?entity=User")).JsonAsync();
        trail.GetProperty("items").EnumerateArray().Select(e => (e.GetProperty("action").GetString(), e.GetProperty("actor").GetString()))
            .ShouldBe([("ChangePassword", "new.member@example.com")]);
    }
}
