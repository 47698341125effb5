using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PsaBridge.Psa.OrganizationalUnits;
using PsaBridge.Psa.Pricing;
using PsaBridge.Psa.Projects;
using PsaBridge.Psa.Resources;
using PsaBridge.Web.Tests.Browser;
using static Microsoft.Playwright.Assertions;

namespace PsaBridge.Web.Tests.Planning;

/// <summary>The estimates grid, in Chromium: a generic Solution Architect (cost 90.00 an hour) on Design (40 h) and Build (24 h).</summary>
[Collection(BrowserCollection.Name)]
public sealed class EstimatesPageTests(Chromium chromium)
{
    [Fact]
    public async Task The_estimates_grid_shows_hours_or_cost_by_task_or_role_and_week_with_totals_both_ways()
    {
        await using var site = await WebSite.StartAsync();
        Guid projectId;
        await using (var scope = site.Services.CreateAsyncScope())
        {
            T S<T>() where T : notnull => scope.ServiceProvider.GetRequiredService<T>();
            var unit = await S<OrganizationalUnitService>().CreateAsync(new OrganizationalUnitInput("Contoso US", "USD"));
            var architect = await S<ResourceService>().CreateRoleAsync(new RoleInput("Solution Architect"));
            await S<PriceListService>().CreateAsync(new PriceListInput("Contoso US cost 2018", PriceListContext.Cost, "USD", new(2018, 1, 1), new(2018, 12, 31),
                OrganizationalUnitId: unit.Id, RolePrices: [new(architect.Id, 90.00m)]));
            var project = await S<ProjectService>().CreateAsync(new ProjectInput("Alpine CRM", unit.Id));
            projectId = project.Id;
            var tasks = S<WorkBreakdownService>();
            var design = await tasks.AddTaskAsync(project.Id, new TaskInput("Design", null, null, new(2018, 2, 5), new(2018, 2, 9), 40m));
            var build = await tasks.AddTaskAsync(project.Id, new TaskInput("Build", null, null, new(2018, 2, 12), new(2018, 2, 14), 24m));
            var generic = await S<TeamService>().AddAsync(project.Id, new TeamMemberInput(null, architect.Id));
            await S<AssignmentService>().SetAsync(design.Id, new AssignmentInput([generic.Id]));
            await S<AssignmentService>().SetAsync(build.Id, new AssignmentInput([generic.Id]));
        }
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
