using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PsaBridge.Psa.OrganizationalUnits;
using PsaBridge.Psa.Projects;
using PsaBridge.Psa.Resources;
using PsaBridge.Psa.Scheduling;
using PsaBridge.Web.Tests.Browser;
using static Microsoft.Playwright.Assertions;

namespace PsaBridge.Web.Tests.Planning;

/// <summary>The project plan and the schedule board, in Chromium.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PlanningPagesTests(Chromium chromium)
{
    [Fact]
    public async Task The_plan_adds_indents_moves_and_deletes_tasks_keeping_the_outline_numbered_and_the_summary_rolled_up()
    {
        await using var site = await WebSite.StartAsync();
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var unit = await scope.ServiceProvider.GetRequiredService<OrganizationalUnitService>().CreateAsync(new OrganizationalUnitInput("Contoso US", "USD"));
            await scope.ServiceProvider.GetRequiredService<ProjectService>().CreateAsync(new ProjectInput("Alpine CRM", unit.Id));
        }
        var page = await chromium.OpenAsync(site);
        await page.GotoAsync("/planning/projects");
        await page.GetByRole(AriaRole.Link, new() { Name = "Alpine CRM" }).ClickAsync();
        await Expect(page.Locator("[data-empty]")).ToHaveTextAsync("No tasks yet: add the first one below.");

        await AddAsync(page, "Design", "2018-02-05", "2018-02-09", "40");
        await Expect(page.Locator("[data-notice]")).ToHaveTextAsync("Task 1 'Design' added.");
        await AddAsync(page, "Build", "2018-02-12", "2018-02-14", "24");
        await AddAsync(page, "Test", "2018-02-15", "2018-02-16", "16");
        await Expect(page.Locator("[data-task]")).ToHaveCountAsync(3);

        // A task ending before it starts is refused beside the field, in the label's words, and nothing is added.
        await AddAsync(page, "Deploy", "2018-02-20", "2018-02-19", "8");
        await Expect(page.Locator("#Task_ScheduledEnd-error")).ToContainTextAsync("before");
        await Expect(page.Locator("[data-error-summary]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-task]")).ToHaveCountAsync(3);

        // Indent Build under Design: 1.1, and Design becomes a summary task: no effort or dates of its own, its subtask's instead.
        await page.GetByRole(AriaRole.Button, new() { Name = "Indent 2 Build" }).ClickAsync();
        await Expect(page.Locator("[data-notice]")).ToHaveTextAsync("Task 'Build' is now 1.1.");
        await ExpectRowsAsync(page, ("1", "Design"), ("1.1", "Build"), ("2", "Test"));
        var design = page.Locator("[data-task='Design']");
        await Expect(design.Locator("[data-cell=effort]")).ToHaveTextAsync("24");
        await Expect(design.Locator("[data-cell=start]")).ToHaveTextAsync("2018-02-12");
        await Expect(design.Locator("[data-cell=end]")).ToHaveTextAsync("2018-02-14");
        await Expect(page.Locator("[data-total-effort]")).ToHaveTextAsync("40 h");

        // Move Test up above Design (which takes its subtask along), then outdent Build out of Design.
        await page.GetByRole(AriaRole.Button, new() { Name = "Up 2 Test" }).ClickAsync();
        await ExpectRowsAsync(page, ("1", "Test"), ("2", "Design"), ("2.1", "Build"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Outdent 2.1 Build" }).ClickAsync();
        await ExpectRowsAsync(page, ("1", "Test"), ("2", "Design"), ("3", "Build"));
        await Expect(page.Locator("[data-task='Build'] [data-cell=effort]")).ToHaveTextAsync("24");
        await Screenshots.SaveAsync(page, "planning-plan");

        // Delete asks first; Cancel keeps the task, Delete task removes it and closes up the numbers.
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete 1 Test" }).ClickAsync();
        await Expect(page.Locator("[data-confirm] h2")).ToHaveTextAsync("Delete task 1 'Test'?");
        await page.Locator("[data-confirm-no]").ClickAsync();
        await Expect(page.Locator("[data-task]")).ToHaveCountAsync(3);
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete 1 Test" }).ClickAsync();
        await page.Locator("[data-confirm-yes]").ClickAsync();
        await Expect(page.Locator("[data-notice]")).ToHaveTextAsync("Task 'Test' deleted.");
        await ExpectRowsAsync(page, ("1", "Design"), ("2", "Build"));

        var missing = await page.GotoAsync($"/planning/projects/{Guid.NewGuid()}");
        missing!.Status.ShouldBe(404);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Project not found");
    }

    [Fact]
    public async Task The_board_colours_each_week_hard_soft_over_or_free_and_filters_by_role()
    {
        await using var site = await WebSite.StartAsync();
        await using (var scope = site.Services.CreateAsyncScope())
        {
            T S<T>() where T : notnull => scope.ServiceProvider.GetRequiredService<T>();
            var unit = await S<OrganizationalUnitService>().CreateAsync(new OrganizationalUnitInput("Contoso US", "USD"));
            var architect = await S<ResourceService>().CreateRoleAsync(new RoleInput("Solution Architect"));
            var developer = await S<ResourceService>().CreateRoleAsync(new RoleInput("Developer"));
            var ashley = await S<ResourceService>().CreateResourceAsync(new ResourceInput("Ashley", ResourceType.User, unit.Id, architect.Id));
            var ben = await S<ResourceService>().CreateResourceAsync(new ResourceInput("Ben", ResourceType.User, unit.Id, architect.Id));
            var chen = await S<ResourceService>().CreateResourceAsync(new ResourceInput("Chen", ResourceType.User, unit.Id, developer.Id));
            await S<CalendarService>().SetWorkHoursAsync(chen.Id, new WorkWeek(4m, 4m, 4m, 4m, 4m));
            var project = await S<ProjectService>().CreateAsync(new ProjectInput("Alpine CRM", unit.Id));
            var bookings = S<BookingService>();
            await bookings.BookAsync(new BookingInput(ashley.Id, project.Id, new(2018, 2, 5), new(2018, 2, 9), 40m, RoleId: architect.Id,
                AllocationMethod: AllocationMethod.DistributeEvenly, Status: BookingStatus.Committed));
            await bookings.BookAsync(new BookingInput(ben.Id, project.Id, new(2018, 2, 5), new(2018, 2, 6), 16m, RoleId: architect.Id,
                AllocationMethod: AllocationMethod.DistributeEvenly, Status: BookingStatus.Proposed));
            await bookings.BookAsync(new BookingInput(chen.Id, project.Id, new(2018, 2, 5), new(2018, 2, 9), 30m, RoleId: developer.Id,
                AllocationMethod: AllocationMethod.DistributeEvenly, Status: BookingStatus.Committed));
        }
        var page = await chromium.OpenAsync(site);
        await page.GotoAsync("/planning/board?from=2018-02-05&weeks=2");

        await Expect(page.Locator("[data-resource]")).ToHaveCountAsync(3);
        await ExpectCellAsync(page, "Ashley", "2018-02-05", "Hard", "40/40");
        await ExpectCellAsync(page, "Ben", "2018-02-05", "Soft", "0/40 +16");
        await ExpectCellAsync(page, "Chen", "2018-02-05", "Over", "30/20");
        await ExpectCellAsync(page, "Chen", "2018-02-12", "Free", "0/20");
        await Expect(Cell(page, "Chen", "2018-02-05")).ToHaveAttributeAsync("title", "30 h hard-booked of 20 h capacity, over-booked by 10 h");
        await Screenshots.SaveAsync(page, "planning-board");

        await page.GetByLabel("Role").SelectOptionAsync(new SelectOptionValue { Label = "Developer" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Expect(page.Locator("[data-resource]")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-resource] th")).ToHaveTextAsync("Chen");

        var tooLong = await page.GotoAsync("/planning/board?weeks=200");
        tooLong!.Status.ShouldBe(400);
        await Expect(page.Locator("[data-error-for=weeks]")).ToContainTextAsync("between 1 and 104");
        await Expect(page.Locator("[data-board]")).ToHaveCountAsync(0);
    }

    private static async Task AddAsync(IPage page, string name, string start, string end, string effort)
    {
        await page.GetByLabel("Task name").FillAsync(name);
        await page.GetByLabel("Start").FillAsync(start);
        await page.GetByLabel("End", new() { Exact = true }).FillAsync(end);
        await page.GetByLabel("Effort (hours)").FillAsync(effort);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add task" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    private static async Task ExpectRowsAsync(IPage page, params (string Wbs, string Name)[] rows)
    {
        await Expect(page.Locator("[data-task] [data-cell=wbs]")).ToHaveTextAsync(rows.Select(r => r.Wbs).ToArray());
        await Expect(page.Locator("[data-task] [data-cell=name]")).ToHaveTextAsync(rows.Select(r => r.Name).ToArray());
    }

    private static ILocator Cell(IPage page, string resource, string week) => page.Locator($"[data-resource='{resource}'] [data-week='{week}']");

    private static async Task ExpectCellAsync(IPage page, string resource, string week, string state, string shown)
    {
        await Expect(Cell(page, resource, week)).ToHaveAttributeAsync("data-state", state);
        await Expect(Cell(page, resource, week).Locator("[aria-hidden=true]")).ToHaveTextAsync(shown);
    }
}
