using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PsaBridge.Psa.Scheduling;
using PsaBridge.Web.Tests.Browser;
using static Microsoft.Playwright.Assertions;

namespace PsaBridge.Web.Tests.Planning;

/// <summary>The worked example on the team and requirement pages, in Chromium: find resources, then book Ashley.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FindAndBookPageTests(Chromium chromium)
{
    [Fact]
    public async Task Find_resources_shows_Ashley_with_her_hours_and_why_Ben_and_Chen_miss_and_booking_her_fulfils_the_requirement()
    {
        await using var site = await WebSite.StartAsync();
        var world = await PlanningWorld.ArrangeAsync(site.Services);
        var projectId = world.Project;
        await PlanningWorld.WithAsync(site.Services, s => s.GetRequiredService<RequirementService>().CreateAsync(world.Project,
            new RequirementInput(world.Generic, "Architect for design", Characteristics: [new RequirementCharacteristicInput(world.CSharp, world.Ratings[4])])));
        var page = await chromium.OpenAsync(site);
        await page.GotoAsync($"/planning/projects/{projectId}/team");
        await Expect(page.Locator("[data-member='Generic Solution Architect'] [data-cell=assigned]")).ToHaveTextAsync("40");
        await Expect(page.Locator("[data-requirement='Architect for design'] [data-cell=status]")).ToHaveTextAsync("Active");

        await page.GetByRole(AriaRole.Link, new() { Name = "Architect for design" }).ClickAsync();
        await Expect(page.Locator("[data-match]")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-match='Ashley'] [data-cell=available]")).ToHaveTextAsync("40");
        await Expect(page.Locator("[data-miss='Ben'] [data-cell=reasons]")).ToHaveTextAsync("C#: Ben is rated 3 (Intermediate), below the minimum 4 (Advanced).");
        await Expect(page.Locator("[data-miss='Chen'] [data-cell=reasons]")).ToHaveTextAsync("Role: Chen is not a Solution Architect.");
        await Screenshots.SaveAsync(page, "planning-find-resources");

        await page.GetByRole(AriaRole.Button, new() { Name = "Book Ashley (hard)" }).ClickAsync();
        await Expect(page.Locator("[data-notice]")).ToHaveTextAsync("Ashley booked for 40 h (Committed).");
        page.Url.ShouldEndWith($"/planning/projects/{projectId}/team");
        await Expect(page.Locator("[data-member]")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-member='Ashley'] [data-cell=role]")).ToHaveTextAsync("Solution Architect");
        await Expect(page.Locator("[data-member='Ashley'] [data-cell=hard]")).ToHaveTextAsync("40");
        await Expect(page.Locator("[data-member='Ashley'] [data-cell=assigned]")).ToHaveTextAsync("40");
        await Expect(page.Locator("[data-requirement='Architect for design'] [data-cell=status]")).ToHaveTextAsync("Fulfilled");

        var board = await page.GotoAsync("/planning/board?from=2018-02-05&weeks=1&search=Ashley");
        await Expect(page.Locator("[data-resource='Ashley'] [data-week='2018-02-05']")).ToHaveAttributeAsync("data-state", "Hard");
        board!.Status.ShouldBe(200);
    }
}
