using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PsaBridge.Psa.Projects;
using PsaBridge.Psa.Time;
using static Microsoft.Playwright.Assertions;

namespace PsaBridge.Web.Tests.Browser;

/// <summary>The approver's queue in Chromium: filtered by project, resource and stage, time returned with a comment, a recall granted with its reversals.</summary>
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
}
