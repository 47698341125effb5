using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PsaBridge.Testing;
using PsaBridge.Web.Security;

namespace PsaBridge.Psa.Tests.Api;

/// <summary>The audit trail names who approved, confirmed and ran what, and when, as the API lists it (issue 21).</summary>
[Trait("Engine", "Both")]
public sealed class AuditTrailTests
{
    private static readonly DateTime Now = new(2018, 2, 5, 9, 0, 0, DateTimeKind.Utc);

    private static async Task<PsaBridgeApp> StartAsync() =>
        await PsaBridgeApp.StartAsync(a => a.WithServices(s => s.AddSingleton<TimeProvider>(new FixedClock(Now))));

    private static async Task<List<JsonElement>> AuditAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/api/audit?" + query);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("items").EnumerateArray().ToList();
    }

    private static (string User, string Channel, string Action, string Entity, string RecordId, DateTime At) Line(JsonElement e) =>
        (e.Text("actor"), e.Text("channel"), e.Text("action"), e.Text("entity"), e.Text("recordId"), e.GetProperty("at").GetDateTimeOffset().UtcDateTime);

    [Fact]
    public async Task Approving_from_the_queue_records_the_project_manager_the_time_entry_and_the_time()
    {
        await using var app = await StartAsync();
        var admin = app.CreateClient();
        var alpine = await Alpine.SetUpAsync(admin);
        var entry = await alpine.TimeEntryAsync(admin);
        await admin.PostOkAsync($"time-entries/{entry}/submit");
        var manager = await app.UserAsync(Roles.ProjectManager);
        await TestUsers.LinkResourceAsync(app.Databases, manager.Email, alpine.Ashley); // she manages the project
        var pm = await app.CreateClientAsync(Roles.ProjectManager);

        var report = await pm.PostOkAsync("approvals/approve", new { entries = new[] { new { entryType = "Time", id = entry }, new { entryType = "Time", id = Guid.NewGuid() } } });

        (report.Number("done"), report.Number("failed")).ShouldBe((1m, 1m));
        (await AuditAsync(admin, $"entity=TimeEntry&recordId={entry}&user={manager.Email}")).Select(Line)
            .ShouldBe([(manager.Email, "API", "ApproveEntries", "TimeEntry", entry.ToString(), Now)]);
        // The entry that failed changed nothing, so nothing is recorded against it.
        (await AuditAsync(admin, "pageSize=500")).Count(e => e.Text("action") == "ApproveEntries").ShouldBe(1);
    }

    [Fact]
    public async Task Confirming_an_invoice_records_the_finance_user_and_the_invoice_and_a_failed_confirmation_records_nothing()
    {
        await using var app = await StartAsync();
        var admin = app.CreateClient();
        var alpine = await Alpine.SetUpAsync(admin);
        await alpine.ApprovedTimeEntryAsync(admin);
        var invoice = await admin.CreateAsync("invoices", new { contractId = alpine.Contract, invoiceDate = "2018-02-04", contractLineIds = new[] { alpine.ContractLine } });
        var finance = await app.UserAsync(Roles.Finance);
        var client = await app.CreateClientAsync(Roles.Finance);

        (await client.PostOkAsync($"invoices/{invoice.Id()}/confirm")).Text("status").ShouldBe("Confirmed");
        await client.PostProblemAsync($"invoices/{invoice.Id()}/confirm", null, HttpStatusCode.Conflict);

        var administrator = await app.UserAsync(Roles.Administrator);
        var lines = await AuditAsync(client, $"entity=Invoice&recordId={invoice.Id()}");
        lines.Select(Line).ShouldBe([
            (finance.Email, "API", "ConfirmInvoice", "Invoice", invoice.Id().ToString(), Now),
            (administrator.Email, "API", "CreateInvoice", "Invoice", invoice.Id().ToString(), Now),
        ]);
        (await AuditAsync(admin, $"entity=Invoice&user={finance.Email}")).Count.ShouldBe(1);
        (await AuditAsync(admin, "entity=Invoice&sort=at&dir=asc")).Select(e => e.Text("action")).ShouldBe(["CreateInvoice", "ConfirmInvoice"]);
        (await AuditAsync(admin, $"entity=Invoice&from={Now.AddSeconds(1):O}")).ShouldBeEmpty();
        (await AuditAsync(admin, $"entity=Invoice&from={Now:O}&to={Now.AddSeconds(1):O}")).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Starting_a_run_names_the_operator_on_the_log_header_and_in_the_trail()
    {
        await using var app = await StartAsync();
        var operatorUser = await app.UserAsync(Roles.IntegrationOperator);
        var client = await app.CreateClientAsync(Roles.IntegrationOperator);

        var response = await client.PostAsync("/api/integration/jobs/customers/run?wait=true", null);
        var header = await response.JsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, header.ToString());

        header.Text("startedBy").ShouldBe(operatorUser.Email);
        (await (await client.GetAsync($"/api/integration/log/{header.Id()}")).JsonAsync()).Text("startedBy").ShouldBe(operatorUser.Email);
        (await AuditAsync(app.CreateClient(), $"entity=IntegrationLog&recordId={header.Id()}")).Select(Line)
            .ShouldBe([(operatorUser.Email, "API", "StartRun", "IntegrationLog", header.Id().ToString(), Now)]);
    }

    [Fact]
    public async Task Only_administrators_and_finance_read_the_trail_and_a_bad_filter_is_a_400_naming_the_field()
    {
        await using var app = await StartAsync();

        (await (await app.CreateClientAsync(Roles.ProjectManager)).GetAsync("/api/audit")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await app.CreateClientAsync(Roles.Viewer)).GetAsync("/api/audit")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var admin = app.CreateClient();
        var bad = await admin.GetAsync("/api/audit?sort=colour");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.JsonAsync()).ErrorsOf("sort").ShouldBe(["Sort by 'colour' is not possible; choose one of: at, user, action, entity, record."]);
        var backwards = await admin.GetAsync($"/api/audit?from={Now:O}&to={Now.AddDays(-1):O}");
        (await backwards.JsonAsync()).ErrorsOf("to").ShouldBe(["'to' is before 'from'."]);
    }
}
