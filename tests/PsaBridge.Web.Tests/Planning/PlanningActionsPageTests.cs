using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PsaBridge.Psa.Projects;
using PsaBridge.Psa.Scheduling;
using PsaBridge.Web.Tests.Browser;
using static Microsoft.Playwright.Assertions;

namespace PsaBridge.Web.Tests.Planning;

/// <summary>The planning pages' own actions in Chromium: a resource's page, editing and assigning a task, adding a team member, canceling a requirement.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PlanningActionsPageTests(Chromium chromium)
{
    [Fact]
    public async Task A_resources_page_shows_its_skills_calendar_bookings_and_hours_against_capacity_by_week()
    {
        await using var site = await WebSite.StartAsync();
        var world = await PlanningWorld.ArrangeAsync(site.Services);
        await PlanningWorld.WithAsync(site.Services, async s =>
        {
            await s.GetRequiredService<CalendarService>().SetWorkHoursAsync(world.Chen, new WorkWeek(4m, 4m, 4m, 4m, 4m));
            return await s.GetRequiredService<BookingService>().BookAsync(new BookingInput(world.Chen, world.Project, new(2018, 2, 5), new(2018, 2, 9), 30m,
                Status: BookingStatus.Committed));
        });
        var page = await chromium.OpenAsync(site, width: 360);

        await page.GotoAsync("/planning/board?from=2018-02-05&weeks=1");
        await page.GetByRole(AriaRole.Link, new() { Name = "Chen" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Chen");
        await Expect(page.Locator("[data-roles]")).ToHaveTextAsync("Developer (default)");
        await Expect(page.Locator("[data-skill='C#'] [data-cell=rating]")).ToHaveTextAsync("Advanced");
        await Expect(page.Locator("[data-skill='C#'] [data-cell=value]")).ToHaveTextAsync("4");
        await Expect(page.Locator("[data-calendar-kind]")).ToHaveTextAsync("Its own work pattern.");
        await Expect(page.Locator("[data-work-hours] td")).ToHaveTextAsync(["4", "4", "4", "4", "4", "0", "0"]);

        var week = page.Locator("[data-period='2018-02-05']");
        await Expect(week.Locator("[data-cell=capacity]")).ToHaveTextAsync("20");
        await Expect(week.Locator("[data-cell=hard]")).ToHaveTextAsync("30 (over by 10)");
        await Expect(week.Locator("[data-cell=utilization]")).ToHaveTextAsync("0 %");
        await Expect(page.Locator("[data-booking='Alpine CRM'] [data-cell=hours]")).ToHaveTextAsync("30");
        await Expect(page.Locator("[data-booking='Alpine CRM'] [data-cell=status]")).ToHaveTextAsync("Committed · over-booked by 10 h");
        (await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue();
        await Screenshots.SaveAsync(page, "planning-resource");

        await page.GetByRole(AriaRole.Link, new() { Name = "By month" }).ClickAsync();
        await Expect(page.Locator("[data-period='2018-02-01'] [data-cell=capacity]")).ToHaveTextAsync("80");
        var missing = await page.GotoAsync($"/planning/resources/{Guid.NewGuid()}");
        missing!.Status.ShouldBe(404);
    }

    [Fact]
    public async Task A_task_is_edited_on_its_page_and_assigned_to_a_member_added_on_the_team_page()
    {
        await using var site = await WebSite.StartAsync();
        var world = await PlanningWorld.ArrangeAsync(site.Services);
        var page = await chromium.OpenAsync(site);

        await page.GotoAsync($"/planning/projects/{world.Project}/team");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add member" }).ClickAsync();
        await Expect(page.Locator("#Member_RoleId-error")).Not.ToBeEmptyAsync();
        await page.GetByLabel("Resource").SelectOptionAsync(new SelectOptionValue { Label = "Ashley" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Add member" }).ClickAsync();
        await Expect(page.Locator("[data-notice]")).ToHaveTextAsync("Ashley added to the team as Solution Architect.");
        await Expect(page.Locator("[data-member='Ashley'] [data-cell=role]")).ToHaveTextAsync("Solution Architect");

        await page.GotoAsync($"/planning/projects/{world.Project}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Design", Exact = true }).ClickAsync();
        await page.GetByLabel("End").FillAsync("2018-02-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save task" }).ClickAsync();
        await Expect(page.Locator("#Edit_ScheduledEnd-error")).ToContainTextAsync("before");
        await page.GetByLabel("End").FillAsync("2018-02-09");
        await page.GetByLabel("Effort (hours)").FillAsync("32");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save task" }).ClickAsync();
        await Expect(page.Locator("[data-notice]")).ToHaveTextAsync("Task 1 'Design' saved.");
        await Expect(page.Locator("[data-task='Design'] [data-cell=effort]")).ToHaveTextAsync("32");

        await page.GetByRole(AriaRole.Link, new() { Name = "Design", Exact = true }).ClickAsync();
        await page.GetByLabel("Ashley (Solution Architect)").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save assignees" }).ClickAsync();
        await Expect(page.Locator("[data-notice]")).ToContainTextAsync("Ashley");
        await Expect(page.Locator("[data-assignee='Ashley'] [data-cell=hours]")).ToHaveTextAsync("16");
        await Expect(page.Locator("[data-assignee='Generic Solution Architect'] [data-cell=hours]")).ToHaveTextAsync("16");
        await Expect(page.Locator("[data-assignee='Ashley'] [data-cell=cost]")).ToHaveTextAsync("1,440.00");
    }

    [Fact]
    public async Task Canceling_a_requirement_asks_first_and_leaves_it_canceled_on_the_team_page()
    {
        await using var site = await WebSite.StartAsync();
        var world = await PlanningWorld.ArrangeAsync(site.Services);
        var requirement = await PlanningWorld.WithAsync(site.Services, s =>
            s.GetRequiredService<RequirementService>().CreateAsync(world.Project, new RequirementInput(world.Generic, "Architect for design")));
        var page = await chromium.OpenAsync(site);

        await page.GotoAsync($"/planning/requirements/{requirement.Id}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel requirement" }).ClickAsync();
        await Expect(page.Locator("[data-confirm]")).ToContainTextAsync("Cancel requirement 'Architect for design'?");
        await Expect(page.Locator("[data-requirement-status]")).ToHaveTextAsync("Active");
        await page.Locator("[data-confirm-yes]").ClickAsync();

        await Expect(page.Locator("[data-notice]")).ToHaveTextAsync("Requirement 'Architect for design' canceled.");
        page.Url.ShouldEndWith($"/planning/projects/{world.Project}/team");
        await Expect(page.Locator("[data-requirement='Architect for design'] [data-cell=status]")).ToHaveTextAsync("Canceled");
        await page.GotoAsync($"/planning/requirements/{requirement.Id}");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Cancel requirement" })).ToHaveCountAsync(0);
    }
}
