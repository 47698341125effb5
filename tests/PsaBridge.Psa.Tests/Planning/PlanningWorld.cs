using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PsaBridge.Psa.Tests.Api;
using PsaBridge.Testing;

namespace PsaBridge.Psa.Tests.Planning;

/// <summary>
/// The issue's worked example, set up through the HTTP API: Contoso US with Ashley (Solution Architect, C# 5), Ben
/// (Solution Architect, C# 3) and Chen (Developer, C# 4, 4 h a day); customer Alpine Ski House with contract Alpine CRM
/// on project "Alpine CRM" (2018-02-05 to 2018-02-16). Solution Architects cost 90.00 and sell at 180.00 an hour.
/// </summary>
internal sealed record PlanningWorld(
    HttpClient Client,
    Guid Unit,
    Guid Architect,
    Guid Developer,
    Guid CSharp,
    IReadOnlyDictionary<int, Guid> Ratings,
    Guid Ashley,
    Guid Ben,
    Guid Chen,
    Guid Customer,
    Guid Project)
{
    public const decimal ArchitectCost = 90.00m, ArchitectSales = 180.00m;

    public static async Task<PlanningWorld> SetUpAsync(HttpClient client)
    {
        var unit = await client.CreateIdAsync("organizational-units", new { name = "Contoso US", currency = "USD" });
        var architect = await client.CreateIdAsync("roles", new { name = "Solution Architect" });
        var developer = await client.CreateIdAsync("roles", new { name = "Developer" });
        var model = await client.CreateAsync("rating-models", new
        {
            name = "Proficiency",
            values = new[]
            {
                new { name = "Beginner", value = 1 }, new { name = "Novice", value = 2 }, new { name = "Intermediate", value = 3 },
                new { name = "Advanced", value = 4 }, new { name = "Expert", value = 5 },
            },
        });
        var ratings = model.GetProperty("values").EnumerateArray().ToDictionary(v => v.GetProperty("value").GetInt32(), v => v.Id());
        var csharp = await client.CreateIdAsync("characteristics", new { name = "C#", characteristicType = "Skill", ratingModelId = model.Id() });

        async Task<Guid> Person(string name, Guid role, int rating)
        {
            var id = await client.CreateIdAsync("resources", new { name, resourceType = "User", organizationalUnitId = unit, defaultRoleId = role });
            (await client.SendOkAsync(HttpMethod.Put, $"resources/{id}/characteristics", new[] { new { characteristicId = csharp, ratingValueId = ratings[rating] } }))
                .GetProperty("characteristics")[0].GetProperty("value").GetInt32().ShouldBe(rating);
            return id;
        }
        var ashley = await Person("Ashley", architect, 5);
        var ben = await Person("Ben", architect, 3);
        var chen = await Person("Chen", developer, 4);
        await client.SendOkAsync(HttpMethod.Put, $"resources/{chen}/work-hours", new { monday = 4, tuesday = 4, wednesday = 4, thursday = 4, friday = 4 });

        var account = await client.PostAsJsonAsync("/api/psa/accounts", new { name = "Alpine Ski House", currency = "USD" });
        account.StatusCode.ShouldBe(HttpStatusCode.Created, await account.Content.ReadAsStringAsync());
        var customer = (await account.JsonAsync()).Id();
        await client.CreateIdAsync("price-lists", new
        {
            name = "Contoso US cost 2018", context = "Cost", currency = "USD", beginDate = "2018-01-01", endDate = "2018-12-31", organizationalUnitId = unit,
            rolePrices = new[] { new { roleId = architect, price = ArchitectCost }, new { roleId = developer, price = 60.00m } },
        });
        await client.CreateIdAsync("price-lists", new
        {
            name = "Alpine Ski House sales 2018", context = "Sales", currency = "USD", beginDate = "2018-01-01", endDate = "2018-12-31", customerId = customer,
            rolePrices = new[] { new { roleId = architect, price = ArchitectSales }, new { roleId = developer, price = 120.00m } },
        });
        var project = await client.CreateIdAsync("projects", new
        {
            name = "Alpine CRM", contractingUnitId = unit, customerId = customer, scheduledStart = "2018-02-05", scheduledEnd = "2018-02-16",
        });
        await client.CreateAsync("contracts", new
        {
            name = "Alpine CRM", customerId = customer, contractingUnitId = unit,
            lines = new[] { new { name = "CRM implementation", billingMethod = "TimeAndMaterial", projectId = project } },
        });
        return new PlanningWorld(client, unit, architect, developer, csharp, ratings, ashley, ben, chen, customer, project);
    }

    public async Task<Guid> TaskAsync(string name, decimal effort, string start, string end, Guid? parent = null) =>
        await Client.CreateIdAsync($"projects/{Project}/tasks", new { name, effort, scheduledStart = start, scheduledEnd = end, parentTaskId = parent });

    public async Task<Guid> GenericMemberAsync(Guid role) => await Client.CreateIdAsync($"projects/{Project}/team", new { roleId = role });

    public async Task<JsonElement> AssignAsync(Guid task, params Guid[] members) =>
        await Client.SendOkAsync(HttpMethod.Put, $"tasks/{task}/assignments", new { teamMemberIds = members });

    /// <summary>Enters, submits and approves time of the resource: <paramref name="minutes"/> on each date.</summary>
    public async Task ApprovedTimeAsync(Guid resource, Guid? task, int minutes, params string[] dates)
    {
        foreach (var date in dates)
        {
            var id = await Client.CreateIdAsync("time-entries", new { date, duration = minutes, resourceId = resource, projectId = Project, taskId = task });
            await Client.PostOkAsync($"time-entries/{id}/submit");
            await Client.PostOkAsync($"time-entries/{id}/approve");
        }
    }
}

internal static class PlanningApiSteps
{
    public static async Task<JsonElement> SendOkAsync(this HttpClient client, HttpMethod method, string path, object body)
    {
        var response = await client.SendAsync(new HttpRequestMessage(method, "/api/psa/" + path) { Content = JsonContent.Create(body, options: PsaBridgeApp.Json) });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    public static async Task<JsonElement> SendProblemAsync(this HttpClient client, HttpMethod method, string path, object? body, HttpStatusCode status)
    {
        var request = new HttpRequestMessage(method, "/api/psa/" + path);
        if (body is string raw) request.Content = new StringContent(raw, System.Text.Encoding.UTF8, "application/json");
        else if (body is not null) request.Content = JsonContent.Create(body, options: PsaBridgeApp.Json);
        var response = await client.SendAsync(request);
        response.StatusCode.ShouldBe(status, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        return await response.JsonAsync();
    }
}
