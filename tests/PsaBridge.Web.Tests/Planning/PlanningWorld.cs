using Microsoft.Extensions.DependencyInjection;
using PsaBridge.Psa.OrganizationalUnits;
using PsaBridge.Psa.Pricing;
using PsaBridge.Psa.Projects;
using PsaBridge.Psa.Resources;
using PsaBridge.Psa.Scheduling;

namespace PsaBridge.Web.Tests.Planning;

/// <summary>
/// Issue 23's world for the planning pages, arranged through the services: Contoso US (USD) with its cost list (Solution
/// Architect 90.00 an hour); Ashley (Solution Architect, C# 5), Ben (Solution Architect, C# 3) and Chen (Developer, C# 4)
/// on the default calendar; project Alpine CRM with task Design (40 h, 2018-02-05 to 2018-02-09) assigned to a generic
/// Solution Architect.
/// </summary>
internal sealed record PlanningWorld(
    Guid Unit, Guid Architect, Guid Developer, Guid CSharp, IReadOnlyDictionary<int, Guid> Ratings,
    Guid Ashley, Guid Ben, Guid Chen, Guid Project, Guid Design, Guid Generic)
{
    public static async Task<PlanningWorld> ArrangeAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        T S<T>() where T : notnull => scope.ServiceProvider.GetRequiredService<T>();
        var unit = await S<OrganizationalUnitService>().CreateAsync(new OrganizationalUnitInput("Contoso US", "USD"));
        var architect = await S<ResourceService>().CreateRoleAsync(new RoleInput("Solution Architect"));
        var developer = await S<ResourceService>().CreateRoleAsync(new RoleInput("Developer"));
        await S<PriceListService>().CreateAsync(new PriceListInput("Contoso US cost 2018", PriceListContext.Cost, "USD", new(2018, 1, 1), new(2018, 12, 31),
            OrganizationalUnitId: unit.Id, RolePrices: [new(architect.Id, 90.00m)]));
        var model = await S<SkillService>().CreateRatingModelAsync(new RatingModelInput("Proficiency",
            [new("Beginner", 1), new("Novice", 2), new("Intermediate", 3), new("Advanced", 4), new("Expert", 5)]));
        var ratings = model.Values.ToDictionary(v => v.Value, v => v.Id);
        var csharp = await S<SkillService>().CreateCharacteristicAsync(new CharacteristicInput("C#", CharacteristicType.Skill, model.Id));
        var people = new Dictionary<string, Guid>();
        foreach (var (name, role, level) in new[] { ("Ashley", architect.Id, 5), ("Ben", architect.Id, 3), ("Chen", developer.Id, 4) })
        {
            var person = await S<ResourceService>().CreateResourceAsync(new ResourceInput(name, ResourceType.User, unit.Id, role));
            await S<ResourceProfileService>().SetCharacteristicsAsync(person.Id, [new ResourceRatingInput(csharp.Id, ratings[level])]);
            people[name] = person.Id;
        }
        var project = await S<ProjectService>().CreateAsync(new ProjectInput("Alpine CRM", unit.Id));
        var design = await S<WorkBreakdownService>().AddTaskAsync(project.Id, new TaskInput("Design", null, null, new(2018, 2, 5), new(2018, 2, 9), 40m));
        var generic = await S<TeamService>().AddAsync(project.Id, new TeamMemberInput(null, architect.Id));
        await S<AssignmentService>().SetAsync(design.Id, new AssignmentInput([generic.Id]));
        return new PlanningWorld(unit.Id, architect.Id, developer.Id, csharp.Id, ratings, people["Ashley"], people["Ben"], people["Chen"], project.Id, design.Id, generic.Id);
    }

    /// <summary>Runs one arrangement step with the site's services.</summary>
    public static async Task<T> WithAsync<T>(IServiceProvider services, Func<IServiceProvider, Task<T>> step)
    {
        await using var scope = services.CreateAsyncScope();
        return await step(scope.ServiceProvider);
    }
}
