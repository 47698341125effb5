using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PsaBridge.Testing;

namespace PsaBridge.Psa.Tests.Api;

/// <summary>Small steps of the project-accounting tests, all through the HTTP API.</summary>
internal static class PsaApi
{
    public static async Task<JsonElement> CreateAsync(this HttpClient client, string path, object body)
    {
        var response = await client.PostAsJsonAsync("/api/psa/" + path, body, PsaBridgeApp.Json);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    public static async Task<Guid> CreateIdAsync(this HttpClient client, string path, object body) =>
        (await client.CreateAsync(path, body)).GetProperty("id").GetGuid();

    public static async Task<JsonElement> PostOkAsync(this HttpClient client, string path, object? body = null)
    {
        var response = body is null ? await client.PostAsync("/api/psa/" + path, null) : await client.PostAsJsonAsync("/api/psa/" + path, body, PsaBridgeApp.Json);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    /// <summary>Posts and expects a ProblemDetails with <paramref name="status"/>; returns it.</summary>
    public static async Task<JsonElement> PostProblemAsync(this HttpClient client, string path, object? body, HttpStatusCode status)
    {
        var response = body is null ? await client.PostAsync("/api/psa/" + path, null) : await client.PostAsJsonAsync("/api/psa/" + path, body, PsaBridgeApp.Json);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, text);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        return await response.JsonAsync();
    }

    /// <summary>The messages of one field of a 400 ProblemDetails.</summary>
    public static string[] ErrorsOf(this JsonElement problem, string field)
    {
        problem.GetProperty("status").GetInt32().ShouldBe(400);
        var errors = problem.GetProperty("errors");
        errors.TryGetProperty(field, out var messages).ShouldBeTrue($"No error for '{field}' in {problem}");
        return messages.EnumerateArray().Select(m => m.GetString()!).ToArray();
    }

    public static async Task<JsonElement> GetOkAsync(this HttpClient client, string path)
    {
        var response = await client.GetAsync("/api/psa/" + path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    public static async Task<List<JsonElement>> ListAsync(this HttpClient client, string path)
    {
        var body = await client.GetOkAsync(path + (path.Contains('?') ? "&" : "?") + "pageSize=500");
        return body.GetProperty("items").EnumerateArray().ToList();
    }

    public static Task<List<JsonElement>> ActualsAsync(this HttpClient client, string query = "") => client.ListAsync("actuals" + query);

    public static string Text(this JsonElement e, string property) => e.GetProperty(property).GetString()!;
    public static decimal Number(this JsonElement e, string property) => e.GetProperty(property).GetDecimal();
    public static Guid Id(this JsonElement e, string property = "id") => e.GetProperty(property).GetGuid();
}

/// <summary>
/// The seed's world (seeds/003): Ashley Chinn, Project Manager at 50.00 cost and 100.00 sales per hour,
/// customer Alpine Ski House, contract Alpine CRM. Options vary it for the other scenarios.
/// </summary>
internal sealed record Alpine(Guid Unit, Guid ProjectManager, Guid Ashley, Guid Customer, Guid Project, Guid? Contract, Guid? ContractLine)
{
    public static async Task<Alpine> SetUpAsync(HttpClient client, bool withCustomer = true, bool withContract = true, string billingMethod = "TimeAndMaterial",
        bool withSalesList = true, object[]? milestones = null)
    {
        var unit = await client.CreateIdAsync("organizational-units", new { name = "Contoso Consulting US", currency = "USD" });
        var role = await client.CreateIdAsync("roles", new { name = "Project Manager" });
        var ashley = await client.CreateIdAsync("resources", new { name = "Ashley Chinn", resourceType = "User", organizationalUnitId = unit, defaultRoleId = role });
        var account = await client.PostAsJsonAsync("/api/psa/accounts", new { name = "Alpine Ski House", currency = "USD" });
        account.StatusCode.ShouldBe(HttpStatusCode.Created, await account.Content.ReadAsStringAsync());
        var customer = (await account.JsonAsync()).Id();
        await client.CreateIdAsync("price-lists", new
        {
            name = "Contoso US cost 2018", context = "Cost", currency = "USD", beginDate = "2018-01-01", endDate = "2018-12-31",
            organizationalUnitId = unit, rolePrices = new[] { new { roleId = role, price = 50.00m } },
        });
        if (withSalesList)
            await client.CreateIdAsync("price-lists", new
            {
                name = "Alpine Ski House sales 2018", context = "Sales", currency = "USD", beginDate = "2018-01-01", endDate = "2018-12-31",
                customerId = customer, rolePrices = new[] { new { roleId = role, price = 100.00m } },
            });
        var project = await client.CreateIdAsync("projects", new
        {
            name = "Alpine CRM implementation", contractingUnitId = unit, customerId = withCustomer ? customer : (Guid?)null, projectManagerId = ashley,
            tasks = new[] { new { name = "Requirements" } },
            teamMembers = new[] { new { resourceId = ashley, roleId = role } },
        });
        if (!withContract) return new Alpine(unit, role, ashley, customer, project, null, null);
        var contract = await client.CreateAsync("contracts", new
        {
            name = "Alpine CRM", customerId = customer, contractingUnitId = unit,
            lines = new[] { new { name = "CRM implementation", billingMethod, projectId = project, budgetAmount = 10_000m, milestones } },
        });
        return new Alpine(unit, role, ashley, customer, project, contract.Id(), contract.GetProperty("lines")[0].Id());
    }

    public async Task<Guid> TimeEntryAsync(HttpClient client, string date = "2018-02-03", int minutes = 480) =>
        await client.CreateIdAsync("time-entries", new { date, duration = minutes, resourceId = Ashley, projectId = Project, description = "Project management" });

    public async Task<Guid> ApprovedTimeEntryAsync(HttpClient client, string date = "2018-02-03", int minutes = 480)
    {
        var id = await TimeEntryAsync(client, date, minutes);
        await client.PostOkAsync($"time-entries/{id}/submit");
        await client.PostOkAsync($"time-entries/{id}/approve");
        return id;
    }
}
