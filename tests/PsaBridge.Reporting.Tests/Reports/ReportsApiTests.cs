using System.Net;
using System.Text;
using System.Text.Json;
using MiniExcelLibs;
using PsaBridge.Psa.Tests.Api;
using PsaBridge.Psa.Tests.Sales;
using PsaBridge.Testing;

namespace PsaBridge.Reporting.Tests.Reports;

/// <summary>The reports over the seed's Alpine Ski House actuals, through the HTTP API.</summary>
[Trait("Engine", "Both")]
public sealed class ReportsApiTests
{
    [Fact]
    public async Task After_invoicing_the_project_made_cost_400_revenue_800_and_a_margin_of_50_percent_and_nothing_is_unbilled()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();
        var alpine = await AlpineReporting.InvoicedAsync(client);

        var report = await GetAsync(client, $"/api/reports/profitability?projectId={alpine.Project}");
        var project = report.GetProperty("projects").EnumerateArray().Single();
        project.Text("name").ShouldBe("Alpine CRM implementation");
        project.Text("customer").ShouldBe("Alpine Ski House");
        project.Text("contractingUnit").ShouldBe("Contoso Consulting US");
        project.Text("currency").ShouldBe("USD");
        (project.Number("cost"), project.Number("unbilledSales"), project.Number("billedSales"), project.Number("revenue"), project.Number("grossMargin"),
            project.Number("marginPercent"), project.Number("budget")).ShouldBe((400m, 0m, 800m, 800m, 400m, 50m, 10_000m));
        var customer = report.GetProperty("customers").EnumerateArray().Single();
        (customer.Text("name"), customer.Number("revenue"), customer.Number("grossMargin")).ShouldBe(("Alpine Ski House", 800m, 400m));
        var unit = report.GetProperty("contractingUnits").EnumerateArray().Single();
        (unit.Text("name"), unit.Number("cost"), unit.Number("marginPercent")).ShouldBe(("Contoso Consulting US", 400m, 50m));

        (await GetAsync(client, "/api/reports/backlog?asOf=2018-02-10")).GetProperty("contracts").GetArrayLength().ShouldBe(0);

        var months = (await GetAsync(client, "/api/reports/actuals-by-period")).EnumerateArray().ToList();
        var february = months.Single();
        (february.Text("period"), february.Text("transactionClass"), february.Number("cost"), february.Number("unbilledSales"), february.Number("billedSales"))
            .ShouldBe(("2018-02-01", "Time", 400m, 0m, 800m));

        var hours = (await GetAsync(client, $"/api/reports/hours?roleId={alpine.ProjectManager}")).EnumerateArray().Single();
        (hours.Text("resource"), hours.Text("role"), hours.Text("period"), hours.Number("chargeable"), hours.Number("nonChargeable"), hours.Number("total"))
            .ShouldBe(("Ashley Chinn", "Project Manager", "2018-02-01", 8m, 0m, 8m));
    }

    [Fact]
    public async Task Before_invoicing_the_backlog_shows_800_unbilled_in_the_0_to_30_bucket_on_2018_02_10()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();
        var alpine = await AlpineReporting.ApprovedAsync(client);

        var contract = (await GetAsync(client, $"/api/reports/backlog?asOf=2018-02-10&customerId={alpine.Customer}")).GetProperty("contracts").EnumerateArray().Single();
        (contract.Text("contract"), contract.Text("customer"), contract.Text("currency")).ShouldBe(("Alpine CRM", "Alpine Ski House", "USD"));
        (contract.Number("unbilled"), contract.Number("days0To30"), contract.Number("days31To60"), contract.Number("over90Days"), contract.Number("readyToInvoice"))
            .ShouldBe((800m, 800m, 0m, 0m, 800m));

        var later = (await GetAsync(client, "/api/reports/backlog?asOf=2018-03-10")).GetProperty("contracts")[0];
        (later.Number("days0To30"), later.Number("days31To60")).ShouldBe((0m, 800m));

        var profit = (await GetAsync(client, "/api/reports/profitability")).GetProperty("projects")[0];
        (profit.Number("cost"), profit.Number("unbilledSales"), profit.Number("revenue"), profit.Number("marginPercent")).ShouldBe((400m, 800m, 800m, 50m));
    }

    [Fact]
    public async Task A_project_is_measured_against_the_quoted_sales_of_the_won_quote_its_contract_came_from()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();
        var world = await SalesWorld.SetUpAsync(client);
        var opportunity = await world.OpportunityAsync(client);
        await client.CreateAsync($"opportunities/{opportunity}/quotes", new { name = "Alpine CRM quote, first try", lines = new[] { world.TimeAndMaterialLine(hours: 50m) } });
        var quote = (await client.CreateAsync($"opportunities/{opportunity}/quotes", new
        {
            name = "Alpine CRM quote", lines = new[] { world.TimeAndMaterialLine(), world.FixedPriceLine() },
        })).Id();
        await client.PostOkAsync($"quotes/{quote}/activate");
        await client.CreateAsync($"quotes/{quote}/win", new { reason = "Best fit" });
        await new Alpine(world.Unit, world.ProjectManager, world.Ashley, world.Customer, world.Implementation, null, null).ApprovedTimeEntryAsync(client);

        var report = await GetAsync(client, "/api/reports/profitability");
        var project = report.GetProperty("projects").EnumerateArray().Single();
        (project.Text("name"), project.Number("cost"), project.Number("unbilledSales"), project.Number("revenue"), project.Number("quoteEstimate"))
            .ShouldBe(("Alpine CRM implementation", 400m, 800m, 800m, 10_000m)); // 100 h at 100.00 on the won quote; the lost first try's 50 h count nothing
        project.GetProperty("budget").ValueKind.ShouldBe(JsonValueKind.Null);
        var customer = report.GetProperty("customers").EnumerateArray().Single();
        (customer.Text("name"), customer.Number("quoteEstimate")).ShouldBe(("Alpine Ski House", 10_000m));
        var unit = report.GetProperty("contractingUnits").EnumerateArray().Single();
        (unit.Text("name"), unit.Number("quoteEstimate")).ShouldBe(("Contoso Consulting US", 10_000m));

        using var csv = await client.GetAsync("/api/reports/profitability/export?format=csv");
        var fields = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries)[1].Split(',');
        (fields[0], fields[10], Invariant(fields[11])).ShouldBe(("Alpine CRM implementation", "", 10_000m));
    }

    [Fact]
    public async Task Profitability_and_actuals_by_period_keep_only_the_actuals_of_the_role_asked_for()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();
        var alpine = await AlpineReporting.InvoicedAsync(client);
        var developer = await client.CreateIdAsync("roles", new { name = "Developer" });

        var manager = (await GetAsync(client, $"/api/reports/profitability?roleId={alpine.ProjectManager}")).GetProperty("projects").EnumerateArray().Single();
        (manager.Text("name"), manager.Number("cost"), manager.Number("revenue")).ShouldBe(("Alpine CRM implementation", 400m, 800m));
        (await GetAsync(client, $"/api/reports/profitability?roleId={developer}")).GetProperty("projects").GetArrayLength().ShouldBe(0);

        var month = (await GetAsync(client, $"/api/reports/actuals-by-period?roleId={alpine.ProjectManager}")).EnumerateArray().Single();
        (month.Text("period"), month.Number("cost"), month.Number("billedSales")).ShouldBe(("2018-02-01", 400m, 800m));
        (await GetAsync(client, $"/api/reports/actuals-by-period?roleId={developer}")).GetArrayLength().ShouldBe(0);

        using var csv = await client.GetAsync($"/api/reports/profitability/export?format=csv&roleId={developer}");
        (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(1); // the header alone
    }

    [Fact]
    public async Task Reports_download_as_csv_and_xlsx_with_numbers_as_numbers()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();
        await AlpineReporting.InvoicedAsync(client);

        using var csv = await client.GetAsync("/api/reports/profitability/export?format=csv");
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        csv.Content.Headers.ContentDisposition!.FileName.ShouldBe("profitability.csv");
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        bytes[..3].ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("Project,Customer,Contracting unit,Currency,Cost,Unbilled sales,Billed sales,Revenue,Gross margin,Margin %,Budget,Quote estimate");
        var fields = lines[1].Split(',');
        fields[..4].ShouldBe(["Alpine CRM implementation", "Alpine Ski House", "Contoso Consulting US", "USD"]);
        fields[4..11].Select(Invariant).ShouldBe([400m, 0m, 800m, 800m, 400m, 50m, 10_000m]);
        fields[11].ShouldBe(""); // the contract was made without a quote

        using var xlsx = await client.GetAsync("/api/reports/actuals-by-period/export?format=xlsx");
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        var sheet = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var row = sheet.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().Single();
        row["Month"].ShouldBe(new DateTime(2018, 2, 1));
        row["Transaction class"].ShouldBe("Time");
        Convert.ToDecimal(row["Cost"]).ShouldBe(400m);
        Convert.ToDecimal(row["Billed sales"]).ShouldBe(800m);

        using var actuals = await client.GetAsync("/api/reports/actuals/export?format=csv&from=2018-02-04");
        var actualLines = (await actuals.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        actualLines.Length.ShouldBe(3);
        var reversal = actualLines[1].Split(',');
        reversal[..9].ShouldBe(["2018-02-04", "Unbilled Sales", "Time", "Alpine Ski House", "Alpine CRM", "Alpine CRM implementation", "Ashley Chinn", "Project Manager", "Chargeable"]);
        reversal[9..12].Select(Invariant).ShouldBe([-8m, 100m, -800m]);
        reversal[12].ShouldBe("USD");
        actualLines[2].ShouldStartWith("2018-02-04,Billed Sales,Time,");

        using var time = await client.GetAsync("/api/reports/time-entries/export?format=csv");
        var timeLines = (await time.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var entry = timeLines[1].Split(',');
        entry[..4].ShouldBe(["2018-02-03", "Ashley Chinn", "Alpine CRM implementation", "Project Manager"]);
        Invariant(entry[4]).ShouldBe(8m);
        entry[5..8].ShouldBe(["Work", "Approved", "Project management"]);
    }

    [Theory]
    [InlineData("/api/reports/profitability?from=2018-03-01&to=2018-02-01", "to")]
    [InlineData("/api/reports/hours?customerId=9c5f1c1e-0000-4000-8000-000000000001", "customerId")]
    [InlineData("/api/reports/backlog?roleId=9c5f1c1e-0000-4000-8000-000000000001", "roleId")]
    [InlineData("/api/reports/profitability?from=yesterday", "from")]
    [InlineData("/api/reports/profitability/export?format=pdf", "format")]
    public async Task A_report_refuses_bad_filters_naming_the_field(string url, string field)
    {
        await using var app = await PsaBridgeApp.StartAsync();
        using var response = await app.CreateClient().GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        JsonDocument.Parse(body).RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name)
            .ShouldContain(name => string.Equals(name, field, StringComparison.OrdinalIgnoreCase), body);
    }

    private static decimal Invariant(string text) => decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<JsonElement> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
