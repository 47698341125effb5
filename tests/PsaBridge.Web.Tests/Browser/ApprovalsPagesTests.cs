using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PsaBridge.Psa.Invoicing;
using PsaBridge.Psa.Projects;
using PsaBridge.Psa.Time;
using PsaBridge.Testing;
using PsaBridge.Web.Security;
using static Microsoft.Playwright.Assertions;

namespace PsaBridge.Web.Tests.Browser;

/// <summary>
/// The approver's queue in Chromium: filtered by project, resource and stage, time returned with a comment, a recall granted
/// with its reversals; and an approval cancelled from the approved entries after a confirmation, refused once invoiced.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ApprovalsPagesTests(Chromium chromium)
{
    [Fact]
    public async Task The_queue_filters_by_project_and_resource_returns_time_with_a_comment_and_grants_a_recall()
    {
        await using var site = await WebSite.StartAsync();
        var world = await AccountingWorld.ArrangeAsync(site.Services);
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var entries = scope.ServiceProvider.GetRequiredService<TimeEntryService>();
            var training = await scope.ServiceProvider.GetRequiredService<ProjectService>().CreateAsync(new ProjectInput("Contoso internal training", world.Unit, world.Customer));
            async Task<Guid> Submitted(int day, Guid project)
            {
                var entry = await entries.CreateAsync(new TimeEntryInput(new DateOnly(2018, 2, day), 480, world.Ashley, project));
                await entries.SubmitAsync(entry.Id);
                return entry.Id;
            }
            await Submitted(5, world.Project);
            await Submitted(7, training.Id);
            var recalled = await Submitted(6, world.Project);
            await entries.ApproveAsync(recalled);
            await entries.RecallAsync(recalled);
        }
        var page = await chromium.OpenAsync(site);
        var rows = page.Locator("[data-approvals] tbody tr");
        await page.GotoAsync("/psa/approvals");
        await Expect(rows).ToHaveCountAsync(3);

        await page.GetByText("Filters", new() { Exact = true }).ClickAsync();
        await page.GetByLabel("Project", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Alpine CRM implementation" });
        await page.GetByLabel("Resource", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Ashley Chinn" });
        await page.GetByLabel("Stage", new() { Exact = true }).SelectOptionAsync("RecallRequested");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.Locator("[data-cell=stage]")).ToHaveTextAsync("Recall requested");
        await page.GetByLabel("Select Ashley Chinn, 6 February, Alpine CRM implementation").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Grant recall" }).ClickAsync();
        await Expect(page.Locator("[data-notice]")).ToHaveTextAsync("1 of 1 entry recalled.");
        await Expect(page.Locator("[data-empty]")).ToHaveTextAsync("Nothing waits for approval.");

        await page.GetByLabel("Stage", new() { Exact = true }).SelectOptionAsync("Submitted");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(1);
        await page.GetByLabel("Select Ashley Chinn, 5 February, Alpine CRM implementation").CheckAsync();
        await page.GetByLabel("Comment to the resources").FillAsync("Split the day by task, please");
        await page.GetByRole(AriaRole.Button, new() { Name = "Return / reject" }).ClickAsync();
        await Expect(page.Locator("[data-notice]")).ToHaveTextAsync("1 of 1 entry returned or rejected.");

        await page.GotoAsync("/psa/approvals");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows).ToContainTextAsync("Contoso internal training");

        // On the resource's week: Monday returned with the comment; Tuesday's recall granted, its approval reversed.
        await page.GotoAsync($"/psa/time?resource={world.Ashley}&week=2018-02-05");
        var monday = page.Locator("[data-entries] tbody tr").Filter(new() { HasText = "Mon 5 Feb" });
        await Expect(monday.Locator("[data-cell=status]")).ToHaveTextAsync("Returned");
        await Expect(monday).ToContainTextAsync("Split the day by task, please");
        await Expect(page.Locator("[data-entries] tbody tr").Filter(new() { HasText = "Tue 6 Feb" }).Locator("[data-cell=status]")).ToHaveTextAsync("Returned");
        await page.GotoAsync("/psa/actuals?type=UnbilledSales");
        (await page.Locator("[data-actuals] [data-cell=amount]").AllInnerTextsAsync()).ShouldBe(["800.00", "-800.00"], ignoreOrder: true);
    }

    [Fact]
    public async Task A_project_manager_cancels_an_approval_after_confirming_and_the_reversals_post_but_an_invoiced_entry_keeps_its_approval()
    {
        await using var site = await WebSite.StartAsync();
        var world = await AccountingWorld.ArrangeAsync(site.Services);
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var entries = scope.ServiceProvider.GetRequiredService<TimeEntryService>();
            foreach (var day in new[] { 5, 12 })
            {
                var entry = await entries.CreateAsync(new TimeEntryInput(new DateOnly(2018, 2, day), 480, world.Ashley, world.Project, Description: $"Workshop {day}"));
                await entries.SubmitAsync(entry.Id);
                await entries.ApproveAsync(entry.Id);
            }
            // The draft takes the unbilled sales up to its date: the 5th is on an invoice, the 12th is not.
            await scope.ServiceProvider.GetRequiredService<InvoiceService>().CreateDraftAsync(new InvoiceInput(world.Contract, new DateOnly(2018, 2, 9)));
        }
        // Ashley manages the project and the project manager's user is linked to her: approvals are scoped to one's projects.
        await using (var psa = site.Databases.OpenPsa())
            await psa.Set<Project>().Where(p => p.Id == world.Project).ExecuteUpdateAsync(s => s.SetProperty(p => p.ProjectManagerId, world.Ashley));
        await TestUsers.LinkResourceAsync(site.Databases, (await site.UserAsync(Roles.ProjectManager)).Email, world.Ashley);
        var page = await chromium.OpenAsync(site, Roles.ProjectManager);
        var rows = page.Locator("[data-approvals] tbody tr");
        await page.GotoAsync("/psa/approvals");
        await Expect(page.Locator("[data-empty]")).ToHaveTextAsync("Nothing waits for approval.");
        await page.Locator("[data-view=approved]").ClickAsync();
        await Expect(rows).ToHaveCountAsync(2);
        (await rows.Locator("[data-cell=stage]").AllInnerTextsAsync()).ShouldBe(["Approved", "Approved"]);

        await page.GetByLabel("Select Ashley Chinn, 12 February, Alpine CRM implementation").CheckAsync();
        await page.GetByLabel("Comment to the resources").FillAsync("Booked on the wrong week");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel approval" }).ClickAsync();
        var confirm = page.Locator("[data-confirm]");
        await Expect(confirm.Locator("h2")).ToHaveTextAsync("Cancel the approval of 1 entry?");
        await Expect(confirm).ToContainTextAsync("Ashley Chinn, 12 February, Alpine CRM implementation.");
        await confirm.Locator("[data-confirm-yes]").ClickAsync();
        await Expect(page.Locator("[data-notice]")).ToHaveTextAsync("1 of 1 entry back in the queue, approval cancelled.");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows).ToContainTextAsync("Workshop 5");

        // The invoiced entry: asked, then refused on screen with the entry named and why.
        await page.GetByLabel("Select Ashley Chinn, 5 February, Alpine CRM implementation").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel approval" }).ClickAsync();
        await page.Locator("[data-confirm] [data-confirm-yes]").ClickAsync();
        var notice = page.Locator("[data-notice]");
        await Expect(notice).ToContainTextAsync("0 of 1 entry back in the queue, approval cancelled. Not done: Ashley Chinn, 5 February, Alpine CRM implementation: ");
        await Expect(notice).ToContainTextAsync("cannot be cancelled or recalled: its unbilled sales are on invoice");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.Locator("[data-cell=stage]")).ToHaveTextAsync("Approved");

        // The cancelled entry waits for approval again, with the approver's comment on the resource's week.
        await page.Locator("[data-view=queue]").ClickAsync();
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.Locator("[data-cell=stage]")).ToHaveTextAsync("Submitted");
        await Expect(rows).ToContainTextAsync("Workshop 12");
        await page.GotoAsync($"/psa/time?resource={world.Ashley}&week=2018-02-12");
        var monday = page.Locator("[data-entries] tbody tr").Filter(new() { HasText = "Mon 12 Feb" });
        await Expect(monday.Locator("[data-cell=status]")).ToHaveTextAsync("Submitted");
        await Expect(monday).ToContainTextAsync("Booked on the wrong week");

        // The 12th's cost and unbilled sales each reversed (the reversals dated the day of the cancellation); the invoiced 5th untouched.
        await page.GotoAsync("/psa/actuals?sort=date");
        var actuals = page.Locator("[data-actuals] tbody tr");
        await Expect(actuals).ToHaveCountAsync(6);
        async Task<List<string>> LinesAsync()
        {
            var lines = new List<string>();
            foreach (var row in await actuals.AllAsync())
                lines.Add($"{await row.Locator("[data-cell=type]").InnerTextAsync()} {await row.Locator("[data-cell=quantity]").InnerTextAsync()} "
                          + $"{await row.Locator("[data-cell=amount]").InnerTextAsync()} {await row.Locator("[data-cell=billing-status]").InnerTextAsync()}".TrimEnd());
            return lines;
        }
        (await LinesAsync()).ShouldBe([
            "Cost 8 400.00", "UnbilledSales 8 800.00 CustomerInvoiceCreated", "Cost 8 400.00", "UnbilledSales 8 800.00 Canceled",
            "Cost -8 -400.00", "UnbilledSales -8 -800.00 Canceled",
        ], ignoreOrder: true);
        await page.GotoAsync("/psa/actuals?adjustment=Unadjustable");
        (await LinesAsync()).ShouldBe(["Cost -8 -400.00", "UnbilledSales -8 -800.00 Canceled"], ignoreOrder: true);
    }
}
