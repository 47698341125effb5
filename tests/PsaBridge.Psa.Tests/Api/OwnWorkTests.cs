using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PsaBridge.Testing;
using PsaBridge.Web.Security;

namespace PsaBridge.Psa.Tests.Api;

/// <summary>
/// Issue 21's "own time and expenses" and "approvals on their projects": a Team member acts only on their own resource's
/// entries, a Project manager decides only on projects they manage, an Administrator on all; a refusal is a 403 saying why.
/// </summary>
[Trait("Engine", "Both")]
public sealed class OwnWorkTests
{
    private static readonly DateTime Now = new(2018, 2, 5, 9, 0, 0, DateTimeKind.Utc);

    private sealed record World(PsaBridgeApp App, HttpClient Admin, Alpine Alpine, Guid Bob, Guid Beta) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => App.DisposeAsync();
    }

    /// <summary>Alpine (managed by Ashley) and Beta (managed by Bob), both with Ashley on the team.</summary>
    private static async Task<World> StartAsync()
    {
        var app = await PsaBridgeApp.StartAsync(a => a.WithServices(s => s.AddSingleton<TimeProvider>(new FixedClock(Now))));
        var admin = app.CreateClient();
        var alpine = await Alpine.SetUpAsync(admin);
        var bob = await admin.CreateIdAsync("resources", new { name = "Bob Kelly", resourceType = "User", organizationalUnitId = alpine.Unit, defaultRoleId = alpine.ProjectManager });
        var beta = await admin.CreateIdAsync("projects", new
        {
            name = "Beta rollout", contractingUnitId = alpine.Unit, customerId = alpine.Customer, projectManagerId = bob,
            tasks = new[] { new { name = "Rollout" } },
            teamMembers = new[] { new { resourceId = alpine.Ashley, roleId = alpine.ProjectManager }, new { resourceId = bob, roleId = alpine.ProjectManager } },
        });
        return new World(app, admin, alpine, bob, beta);
    }

    private static async Task<HttpClient> LinkedClientAsync(World world, string role, Guid resource)
    {
        var user = await world.App.UserAsync(role);
        await TestUsers.LinkResourceAsync(world.App.Databases, user.Email, resource);
        return await world.App.CreateClientAsync(role);
    }

    private static async Task<Guid> EntryAsync(HttpClient client, Guid resource, Guid project, bool submit)
    {
        var id = await client.CreateIdAsync("time-entries", new { date = "2018-02-03", duration = 60, resourceId = resource, projectId = project });
        if (submit) await client.PostOkAsync($"time-entries/{id}/submit");
        return id;
    }

    private static async Task<string> ForbiddenAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, text);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var problem = JsonDocument.Parse(text).RootElement;
        problem.GetProperty("title").GetString().ShouldBe("Not allowed");
        return problem.GetProperty("detail").GetString()!;
    }

    [Fact]
    public async Task A_team_member_enters_submits_and_recalls_only_their_own_resources_time_and_expenses()
    {
        await using var world = await StartAsync();
        var member = await LinkedClientAsync(world, Roles.TeamMember, world.Alpine.Ashley);
        var bobsDraft = await EntryAsync(world.Admin, world.Bob, world.Beta, submit: false);
        var bobsSubmitted = await EntryAsync(world.Admin, world.Bob, world.Beta, submit: true);
        var emptyWeek = new { rows = Array.Empty<object>() };

        (await ForbiddenAsync(await member.PutAsJsonAsync($"/api/psa/resources/{world.Bob}/timesheets/2018-02-05", emptyWeek)))
            .ShouldBe(OwnWorkRules.NotYourResource);
        await ForbiddenAsync(await member.PostAsync($"/api/psa/resources/{world.Bob}/timesheets/2018-02-05/submit", null));
        await ForbiddenAsync(await member.PostAsync($"/api/psa/resources/{world.Bob}/timesheets/2018-02-05/copy-last-week", null));
        await ForbiddenAsync(await member.PostAsJsonAsync("/api/psa/time-entries", new { date = "2018-02-03", duration = 60, resourceId = world.Bob, projectId = world.Beta }));
        await ForbiddenAsync(await member.PostAsync($"/api/psa/time-entries/{bobsDraft}/submit", null));
        await ForbiddenAsync(await member.PostAsync($"/api/psa/time-entries/{bobsDraft}/cancel", null));
        await ForbiddenAsync(await member.PostAsync($"/api/psa/time-entries/{bobsSubmitted}/recall", null));
        await ForbiddenAsync(await member.PostAsJsonAsync("/api/psa/expense-entries", new { transactionDate = "2018-02-03", projectId = world.Beta, resourceId = world.Bob }));
        (await world.Admin.GetOkAsync($"time-entries/{bobsDraft}")).Text("entryStatus").ShouldBe("Draft");
        (await world.Admin.GetOkAsync($"time-entries/{bobsSubmitted}")).Text("entryStatus").ShouldBe("Submitted");

        // Their own: entered, submitted and recalled as before.
        (await member.PutAsJsonAsync($"/api/psa/resources/{world.Alpine.Ashley}/timesheets/2018-02-05", emptyWeek)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var own = await EntryAsync(member, world.Alpine.Ashley, world.Alpine.Project, submit: true);
        (await member.PostOkAsync($"time-entries/{own}/recall")).Text("entryStatus").ShouldBe("Draft");
        var taxi = await world.Admin.CreateIdAsync("transaction-categories", new { name = "Taxi" });
        var expense = await member.CreateIdAsync("expense-entries", new
        {
            transactionDate = "2018-02-03", transactionCategoryId = taxi, projectId = world.Alpine.Project, quantity = 1m, price = 35m, resourceId = world.Alpine.Ashley,
        });
        (await member.PostOkAsync($"expense-entries/{expense}/submit")).Text("expenseStatus").ShouldBe("Submitted");
        var bobsExpense = await world.Admin.CreateIdAsync("expense-entries", new
        {
            transactionDate = "2018-02-03", transactionCategoryId = taxi, projectId = world.Beta, quantity = 1m, price = 35m, resourceId = world.Bob,
        });
        await ForbiddenAsync(await member.PostAsync($"/api/psa/expense-entries/{bobsExpense}/submit", null));
        await ForbiddenAsync(await member.PostAsync($"/api/psa/expense-entries/{bobsExpense}/cancel", null));
    }

    [Fact]
    public async Task A_team_member_whose_user_is_linked_to_no_resource_is_told_so_and_an_administrator_may_act_for_anyone()
    {
        await using var world = await StartAsync();
        var unlinked = await world.App.CreateClientAsync(Roles.TeamMember);

        (await ForbiddenAsync(await unlinked.PutAsJsonAsync($"/api/psa/resources/{world.Alpine.Ashley}/timesheets/2018-02-05", new { rows = Array.Empty<object>() })))
            .ShouldBe(OwnWorkRules.NoResource);

        var bobs = await EntryAsync(world.Admin, world.Bob, world.Beta, submit: true);
        (await world.Admin.PostOkAsync($"time-entries/{bobs}/recall")).Text("entryStatus").ShouldBe("Draft");
    }

    [Fact]
    public async Task A_project_manager_decides_only_on_entries_of_projects_they_manage_and_a_refused_batch_decides_nothing()
    {
        await using var world = await StartAsync();
        var manager = await LinkedClientAsync(world, Roles.ProjectManager, world.Alpine.Ashley);
        var onAlpine = await EntryAsync(world.Admin, world.Alpine.Ashley, world.Alpine.Project, submit: true);
        var onBeta = await EntryAsync(world.Admin, world.Alpine.Ashley, world.Beta, submit: true);
        const string NotBeta = "You may approve only entries of projects you manage; you are not the project manager of 'Beta rollout'.";

        var batch = new { entries = new[] { new { entryType = "Time", id = onAlpine }, new { entryType = "Time", id = onBeta } } };
        (await ForbiddenAsync(await manager.PostAsJsonAsync("/api/psa/approvals/approve", batch))).ShouldBe(NotBeta);
        (await ForbiddenAsync(await manager.PostAsJsonAsync("/api/psa/approvals/reject", new { entries = new[] { new { entryType = "Time", id = onBeta } }, comment = "No" })))
            .ShouldBe(NotBeta);
        (await ForbiddenAsync(await manager.PostAsync($"/api/psa/time-entries/{onBeta}/approve", null))).ShouldBe(NotBeta);
        (await ForbiddenAsync(await manager.PostAsync($"/api/psa/time-entries/{onBeta}/return", null))).ShouldBe(NotBeta);
        (await ForbiddenAsync(await manager.PostAsJsonAsync("/api/psa/time-entries/approve", new { ids = new[] { onAlpine, onBeta } }))).ShouldBe(NotBeta);
        (await world.Admin.GetOkAsync($"time-entries/{onAlpine}")).Text("entryStatus").ShouldBe("Submitted");

        var report = await manager.PostOkAsync("approvals/approve", new { entries = new[] { new { entryType = "Time", id = onAlpine } } });
        (report.Number("done"), report.Number("failed")).ShouldBe((1m, 0m));
        (await world.Admin.PostOkAsync($"time-entries/{onBeta}/approve")).Text("entryStatus").ShouldBe("Approved"); // the Administrator decides on any project
    }

    [Fact]
    public async Task The_time_entry_page_shows_a_team_member_only_their_own_week_and_the_approvals_page_a_project_manager_only_their_projects()
    {
        await using var world = await StartAsync();
        var member = await world.App.UserAsync(Roles.TeamMember);
        await TestUsers.LinkResourceAsync(world.App.Databases, member.Email, world.Alpine.Ashley);
        var manager = await world.App.UserAsync(Roles.ProjectManager);
        await TestUsers.LinkResourceAsync(world.App.Databases, manager.Email, world.Alpine.Ashley);
        var onAlpine = await EntryAsync(world.Admin, world.Alpine.Ashley, world.Alpine.Project, submit: true);
        var onBeta = await EntryAsync(world.Admin, world.Alpine.Ashley, world.Beta, submit: true);

        var memberBrowser = world.App.CreateAnonymousClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        (await SignInForm.PostAsync(memberBrowser, member.Email, member.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var week = await memberBrowser.GetStringAsync($"/psa/time?resource={world.Bob}&week=2018-02-05");
        week.ShouldContain($"<option value=\"{world.Alpine.Ashley}\" selected=\"selected\">Ashley Chinn</option>");
        week.ShouldNotContain("Bob Kelly");

        var managerBrowser = world.App.CreateAnonymousClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        (await SignInForm.PostAsync(managerBrowser, manager.Email, manager.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var queue = await managerBrowser.GetStringAsync("/psa/approvals");
        queue.ShouldContain($"data-entry-id=\"{onAlpine}\"");
        queue.ShouldNotContain($"data-entry-id=\"{onBeta}\"");

        var adminBrowser = world.App.CreateAnonymousClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var admin = await world.App.UserAsync(Roles.Administrator);
        (await SignInForm.PostAsync(adminBrowser, admin.Email, admin.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var all = await adminBrowser.GetStringAsync("/psa/approvals");
        all.ShouldContain($"data-entry-id=\"{onAlpine}\"");
        all.ShouldContain($"data-entry-id=\"{onBeta}\"");
    }
}
