using System.Net;
using PsaBridge.Testing;

namespace PsaBridge.Psa.Tests.Api;

/// <summary>Every write endpoint answers bad input with a 400 ProblemDetails naming the field, and changes nothing.</summary>
public sealed class BadInputTests
{
    private static readonly string[] Lists =
        ["organizational-units", "roles", "resources", "transaction-categories", "price-lists", "contracts", "projects", "time-entries", "expense-entries", "actuals", "invoices"];

    [Fact]
    public async Task Bad_input_to_every_write_endpoint_is_a_400_naming_the_field_and_changes_nothing()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();
        var alpine = await Alpine.SetUpAsync(client);
        var entry = await alpine.TimeEntryAsync(client);
        var missing = Guid.NewGuid();
        var before = await CountsAsync(client);

        (string Path, object Body, string Field, string? Message)[] cases =
        [
            ("organizational-units", new { name = "", currency = "USD" }, "name", "'name' is required."),
            ("organizational-units", new { name = "Contoso UK", currency = "POUND" }, "currency", "Currency 'POUND' is not an ISO 4217 code (three letters, such as USD)."),
            ("organizational-units", new { name = "Contoso UK", currency = "GBP", colour = "red" }, "colour", "'colour' is not a known field."),
            ("roles", new { name = new string('x', 101) }, "name", "'name' is 101 characters long; at most 100 are allowed."),
            ("roles", new { name = "Developer", billingType = "Sometimes" }, "billingType", "'billingType' has a value of the wrong type."),
            ("resources", new { name = "Pat", organizationalUnitId = missing }, "organizationalUnitId", $"Organizational unit '{missing}' does not exist."),
            ("resources", new { name = "Pat" }, "organizationalUnitId", "'organizationalUnitId' is required."),
            ("transaction-categories", new { name = " " }, "name", "'name' is required."),
            ("price-lists", new { name = "Cost", context = "Cost", currency = "USD", organizationalUnitId = alpine.Unit, rolePrices = new[] { new { roleId = alpine.ProjectManager, price = -1m } } },
                "rolePrices[0].price", null),
            ("price-lists", new { name = "Cost", context = "Cost", currency = "EUR", organizationalUnitId = alpine.Unit }, "currency", null),
            ("price-lists", new { name = "Sales", context = "Sales", currency = "USD", beginDate = "2018-02-01", endDate = "2018-01-31" }, "endDate",
                "End date 2018-01-31 is before begin date 2018-02-01."),
            ("price-lists", new { name = "Sales", context = "Sales", currency = "USD", categoryPrices = new[] { new { transactionCategoryId = missing, priceCalculation = "MarkupPercentage" } } },
                "categoryPrices[0].percent", "'categoryPrices[0].percent' is required for price calculation MarkupPercentage."),
            ("price-lists", new { name = "Sales", currency = "USD" }, "context", "'context' is required."),
            ("contracts", new { name = "Alpine CRM 2", customerId = missing, contractingUnitId = alpine.Unit }, "customerId", $"Account '{missing}' does not exist."),
            ("contracts", new { name = "Alpine CRM 2", customerId = alpine.Customer, contractingUnitId = alpine.Unit,
                lines = new[] { new { name = "Again", billingMethod = "TimeAndMaterial", projectId = alpine.Project } } }, "lines[0].projectId", null),
            ("contracts", new { name = "Alpine CRM 2", customerId = alpine.Customer, contractingUnitId = alpine.Unit,
                lines = new[] { new { name = "T&M", billingMethod = "TimeAndMaterial", milestones = new[] { new { name = "M1", invoiceDate = "2018-03-01", amount = 10m } } } } },
                "lines[0].milestones", null),
            ("projects", new { name = "Internal" }, "contractingUnitId", "'contractingUnitId' is required."),
            ("projects", new { name = "Internal", contractingUnitId = alpine.Unit, teamMembers = new[] { new { resourceId = alpine.Ashley } } }, "teamMembers[0].roleId", null),
            ("time-entries", new { date = "2018-02-03", duration = 0, resourceId = alpine.Ashley, projectId = alpine.Project }, "duration",
                "Duration 0 is out of range: it is in minutes, more than 0 and at most 1440 (one day)."),
            ("time-entries", new { date = "3 Feb 2018", duration = 480, resourceId = alpine.Ashley, projectId = alpine.Project }, "date", null),
            ("time-entries", new { date = "2018-02-03", duration = 480, resourceId = alpine.Ashley, projectId = missing }, "projectId", $"Project '{missing}' does not exist."),
            ("expense-entries", new { transactionDate = "2018-02-03", transactionCategoryId = missing, projectId = alpine.Project, quantity = 1m, price = 10m },
                "transactionCategoryId", $"Transaction category '{missing}' does not exist."),
            ("expense-entries", new { transactionDate = "2018-02-03", projectId = alpine.Project, quantity = 0m, price = 10m }, "quantity", null),
            ("invoices", new { contractId = missing, invoiceDate = "2018-02-04" }, "contractId", $"Contract '{missing}' does not exist."),
            ("invoices", new { contractId = alpine.Contract }, "invoiceDate", "'invoiceDate' is required."),
            ("time-entries/approve", new { ids = Array.Empty<Guid>() }, "ids", "'ids' is required: give at least one id."),
            ("expense-entries/approve", new { }, "ids", "'ids' is required: give at least one id."),
        ];
        foreach (var (path, body, field, message) in cases)
        {
            var problem = await client.PostProblemAsync(path, body, HttpStatusCode.BadRequest);
            var errors = problem.ErrorsOf(field);
            if (message is not null) errors.ShouldContain(message, $"POST {path}");
            else errors.ShouldNotBeEmpty();
        }

        (await CountsAsync(client)).ShouldBe(before);
        (await client.GetOkAsync($"time-entries/{entry}")).Text("entryStatus").ShouldBe("Draft");
    }

    [Fact]
    public async Task Status_changes_of_unknown_or_unsuitable_records_are_404_or_409()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();
        var alpine = await Alpine.SetUpAsync(client);
        var entry = await alpine.TimeEntryAsync(client);

        foreach (var action in new[] { "submit", "approve", "return", "cancel" })
            await client.PostProblemAsync($"time-entries/{Guid.NewGuid()}/{action}", null, HttpStatusCode.NotFound);
        foreach (var action in new[] { "submit", "approve", "reject", "cancel" })
            await client.PostProblemAsync($"expense-entries/{Guid.NewGuid()}/{action}", null, HttpStatusCode.NotFound);
        await client.PostProblemAsync($"invoices/{Guid.NewGuid()}/confirm", null, HttpStatusCode.NotFound);
        await client.PostProblemAsync($"milestones/{Guid.NewGuid()}/ready", null, HttpStatusCode.NotFound);

        (await client.PostProblemAsync($"time-entries/{entry}/approve", null, HttpStatusCode.Conflict)).Text("detail").ShouldContain("only a submitted entry can be approved");
        (await client.PostProblemAsync($"time-entries/{entry}/return", null, HttpStatusCode.Conflict)).Text("detail").ShouldContain("is Draft and cannot be returned");
        (await client.ActualsAsync()).ShouldBeEmpty();
    }

    private static async Task<Dictionary<string, int>> CountsAsync(HttpClient client)
    {
        var counts = new Dictionary<string, int>();
        foreach (var list in Lists) counts[list] = (await client.GetOkAsync(list)).GetProperty("total").GetInt32();
        return counts;
    }
}
