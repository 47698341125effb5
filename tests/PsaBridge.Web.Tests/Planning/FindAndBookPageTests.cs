using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PsaBridge.Psa.OrganizationalUnits;
using PsaBridge.Psa.Projects;
using PsaBridge.Psa.Resources;
using PsaBridge.Psa.Scheduling;
using PsaBridge.Web.Tests.Browser;
using static Microsoft.Playwright.Assertions;

namespace PsaBridge.Web.Tests.Planning;

/// <summary>The issue's worked example on the team and requirement pages, in Chromium: find resources, then book Ashley.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FindAndBookPageTests(Chromium chromium)
{
    [Fact]
    public async Task Find_resources_shows_Ashley_with_her_hours_and_why_Ben_and_Chen_miss_and_booking_her_fulfils_the_requirement()
    {
        await using var site = await WebSite.StartAsync();
        Guid projectId;
        await using (var scope = site.Services.CreateAsyncScope())
        {
            T S<T>() where T : notnull => scope.ServiceProvider.GetRequiredService<T>();
            var unit = await S<OrganizationalUnitService>().CreateAsync(new OrganizationalUnitInput("Contoso US", "USD"));
            var architect = await S<ResourceService>().CreateRoleAsync(new RoleInput("Solution Architect"));
            var developer = await S<ResourceService>().CreateRoleAsync(new RoleInput("Developer"));
            var model = await S<SkillService>().CreateRatingModelAsync(new RatingModelInput("Proficiency",
                [new("Beginner", 1), new("Novice", 2), new("Intermediate", 3), new("Advanced", 4), new("Expert", 5)]));
            var rating = model.Values.ToDictionary(v => v.Value, v => v.Id);
            var csharp = await S<SkillService>().CreateCharacteristicAsync(new CharacteristicInput("C#", CharacteristicType.Skill, model.Id));
            foreach (var (name, role, level) in new[] { ("Ashley", architect.Id, 5), ("Ben", architect.Id, 3), ("Chen", developer.Id, 4) })
            {
                var person = await S<ResourceService>().CreateResourceAsync(new ResourceInput(name, ResourceType.User, unit.Id, role));
                await S<ResourceProfileService>().SetCharacteristicsAsync(person.Id, [new ResourceRatingInput(csharp.Id, rating[level])]);
            }
            var project = await S<ProjectService>().CreateAsync(new ProjectInput("Alpine CRM", unit.Id));
            projectId = project.Id;
            var design = await S<WorkBreakdownService>().AddTaskAsync(project.Id, new TaskInput("Design", null, null, new(2018, 2, 5), new(2018, 2, 9), 40m));
            var generic = await S<TeamService>().AddAsync(project.Id, new TeamMemberInput(null, architect.Id));
            await S<AssignmentService>().SetAsync(design.Id, new AssignmentInput([generic.Id]));
            await S<RequirementService>().CreateAsync(project.Id, new RequirementInput(generic.Id, "Architect for design",
                Characteristics: [new RequirementCharacteristicInput(csharp.Id, rating[4])]));
        }
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
