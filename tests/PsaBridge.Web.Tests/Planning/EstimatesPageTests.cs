using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PsaBridge.Psa.Projects;
using PsaBridge.Web.Tests.Browser;
using static Microsoft.Playwright.Assertions;

namespace PsaBridge.Web.Tests.Planning;

/// <summary>The estimates grid, in Chromium: <see cref="PlanningWorld"/>'s generic Solution Architect (cost 90.00 an hour) on Design (40 h) and Build (24 h).</summary>
[Collection(BrowserCollection.Name)]
public sealed class EstimatesPageTests(Chromium chromium)
{
    [Fact]
    public async Task The_estimates_grid_shows_hours_or_cost_by_task_or_role_and_week_with_totals_both_ways()
    {
        await using var site = await WebSite.StartAsync();
        var world = await PlanningWorld.ArrangeAsync(site.Services);
        var projectId = world.Project;
        await PlanningWorld.WithAsync(site.Services, async s =>
        {
            var build = await s.GetRequiredService<WorkBreakdownService>().AddTaskAsync(world.Project, new TaskInput("Build", null, null, new(2018, 2, 12), new(2018, 2, 14), 24m));
            return await s.GetRequiredService<AssignmentService>().SetAsync(build.Id, new AssignmentInput([world.Generic]));
        });
        var page = await chromium.OpenAsync(site);
        await page.GotoAsync($"/planning/projects/{projectId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Estimates" }).ClickAsync();

        await Expect(page.Locator("[data-estimates] thead th")).ToHaveTextAsync(["Task", "2018-02-05", "2018-02-12", "Total"]);
        await ExpectRowAsync(page, "[data-row='1 Design']", "40", "0", "40");
        await ExpectRowAsync(page, "[data-row='2 Build']", "0", "24", "24");
        await ExpectRowAsync(page, "[data-row-total]", "40", "24", "64");

        await page.GetByLabel("Show").SelectOptionAsync("Cost");
        await page.GetByLabel("Rows").SelectOptionAsync("Role");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Expect(page.Locator("[data-estimates]")).ToHaveAttributeAsync("data-unit", "USD");
        await ExpectRowAsync(page, "[data-row='Solution Architect']", "3,600.00", "2,160.00", "5,760.00");
        await ExpectRowAsync(page, "[data-row-total]", "3,600.00", "2,160.00", "5,760.00");
        await Screenshots.SaveAsync(page, "planning-estimates");
    }

    private static async Task ExpectRowAsync(IPage page, string row, params string[] cells) =>
        await Expect(page.Locator($"{row} td")).ToHaveTextAsync(cells);
}
