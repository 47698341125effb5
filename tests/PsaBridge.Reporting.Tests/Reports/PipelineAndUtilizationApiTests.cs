using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using MiniExcelLibs;
using PsaBridge.Psa.Tests.Api;
using PsaBridge.Psa.Tests.Planning;
using PsaBridge.Psa.Tests.Sales;
using PsaBridge.Reporting.Tests.OData;
using PsaBridge.Testing;

namespace PsaBridge.Reporting.Tests.Reports;

/// <summary>The pipeline over opportunities and quotes made through the sales API, and utilization over the planning's resources and approved time.</summary>
[Trait("Engine", "Both")]
public sealed class PipelineAndUtilizationApiTests
{
    /// <summary>
    /// Four opportunities: two open in March 2018 (30,000 at 60 %, with a draft quote of 30,000, and 10,000 at 25 %), one won on
    /// 2018-02-10 (5,000) and one lost to a competitor on 2018-03-05 (8,000, expected in April).
    /// </summary>
    internal static async Task SalesAsync(HttpClient client)
    {
        var world = await SalesWorld.SetUpAsync(client);
        async Task<Guid> Opportunity(string name, decimal value, int probability, string close) => await client.CreateIdAsync("opportunities", new
        {
            name, customerId = world.Customer, contractingUnitId = world.Unit, orderType = "WorkBased", estimatedValue = value,
            estimatedCloseDate = close, closeProbability = probability,
        });
        var crm = await Opportunity("Alpine CRM", 30_000m, 60, "2018-03-15");
        await client.CreateAsync($"opportunities/{crm}/quotes", new { name = "Alpine CRM quote", lines = new[] { world.TimeAndMaterialLine(), world.FixedPriceLine() } });
        await Opportunity("Alpine portal", 10_000m, 25, "2018-03-31");
        var training = await Opportunity("Alpine training", 5_000m, 50, "2018-02-28");
        await client.PostOkAsync($"opportunities/{training}/close", new { status = "Won", closeDate = "2018-02-10" });
        var audit = await Opportunity("Alpine audit", 8_000m, 50, "2018-04-10");
        await client.PostOkAsync($"opportunities/{audit}/close", new { status = "OutSold", closeDate = "2018-03-05" });
    }

    [Fact]
    public async Task The_pipeline_weighs_open_deals_by_probability_by_close_month_and_counts_won_and_lost_by_the_month_they_closed()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();
        await SalesAsync(client);

        var report = await Feed.GetAsync(client, "/api/reports/pipeline");
        report.GetProperty("rows").EnumerateArray().Select(r => (Month(r), r.Text("kind"), r.Text("state"), r.Text("currency"), r.GetProperty("count").GetInt32(),
            r.Number("value"), r.Number("weighted"))).ShouldBe([
            ("2018-02-01", "Opportunity", "Won", "USD", 1, 5_000m, 5_000m),
            ("2018-03-01", "Opportunity", "Open", "USD", 2, 40_000m, 20_500m),
            ("2018-03-01", "Quote", "Draft", "USD", 1, 30_000m, 18_000m),
            ("2018-04-01", "Opportunity", "Lost", "USD", 1, 8_000m, 0m),
        ]);
        report.GetProperty("wonLost").EnumerateArray().Select(r => (r.Text("month"), r.GetProperty("won").GetInt32(), r.Number("wonValue"), r.GetProperty("lost").GetInt32(),
            r.Number("lostValue"))).ShouldBe([("2018-02-01", 1, 5_000m, 0, 0m), ("2018-03-01", 0, 0m, 1, 8_000m)]);

        var march = await Feed.GetAsync(client, "/api/reports/pipeline?from=2018-03-01&to=2018-03-31");
        march.GetProperty("rows").EnumerateArray().Select(r => (r.Text("kind"), r.Number("weighted"))).ShouldBe([("Opportunity", 20_500m), ("Quote", 18_000m)]);
        march.GetProperty("wonLost").EnumerateArray().Select(r => r.Number("lostValue")).ShouldBe([8_000m]);

        using var csv = await client.GetAsync("/api/reports/pipeline/export?format=csv&from=2018-03-01&to=2018-03-31");
        var lines = Encoding.UTF8.GetString((await csv.Content.ReadAsByteArrayAsync())[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("Estimated close month,Kind,State,Currency,Count,Value,Weighted value");
        lines[1..].Select(l => l.Split(',')).Select(f => (string.Join(",", f[..5]), decimal.Parse(f[5], CultureInfo.InvariantCulture), decimal.Parse(f[6], CultureInfo.InvariantCulture)))
            .ShouldBe([("2018-03-01,Opportunity,Open,USD,2", 40_000m, 20_500m), ("2018-03-01,Quote,Draft,USD,1", 30_000m, 18_000m)]);
    }

    [Fact]
    public async Task Utilization_is_chargeable_hours_over_calendar_capacity_by_resource_role_unit_and_month()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();
        var world = await PlanningWorld.SetUpAsync(client);
        await world.ApprovedTimeAsync(world.Ashley, null, 480, "2018-02-05", "2018-02-06");

        var report = await Feed.GetAsync(client, "/api/reports/utilization?from=2018-02-01&to=2018-02-28");
        report.GetProperty("resources").EnumerateArray().Select(r => (r.Text("resource"), r.Text("role"), r.Text("unit"), r.Number("capacity"), r.Number("chargeableHours"),
            r.Number("utilization"))).ShouldBe([
            ("Ashley", "Solution Architect", "Contoso US", 160m, 16m, 10m),
            ("Ben", "Solution Architect", "Contoso US", 160m, 0m, 0m),
            ("Chen", "Developer", "Contoso US", 80m, 0m, 0m),
        ]);
        report.GetProperty("byRole").EnumerateArray().Select(r => (r.Text("name"), r.Number("capacity"), r.Number("utilization")))
            .ShouldBe([("Developer", 80m, 0m), ("Solution Architect", 320m, 5m)]);
        report.GetProperty("byUnit").EnumerateArray().Select(r => (r.Text("name"), r.Number("chargeableHours"), r.Number("utilization"))).ShouldBe([("Contoso US", 16m, 4m)]);

        var architects = await Feed.GetAsync(client, $"/api/reports/utilization?from=2018-02-01&to=2018-02-28&roleId={world.Architect}");
        architects.GetProperty("resources").EnumerateArray().Select(r => r.Text("resource")).ShouldBe(["Ashley", "Ben"]);

        using var xlsx = await client.GetAsync($"/api/reports/utilization/export?format=xlsx&from=2018-02-01&to=2018-02-28&roleId={world.Architect}");
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        var row = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()).Query(useHeaderRow: true).Cast<IDictionary<string, object>>().First();
        (row["Month"], row["Resource"], Convert.ToDecimal(row["Capacity hours"]), Convert.ToDecimal(row["Chargeable utilization %"]))
            .ShouldBe((new DateTime(2018, 2, 1), "Ashley", 160m, 10m));

        var refused = await client.GetAsync("/api/reports/utilization?from=2018-03-01&to=2018-02-01");
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    private static string Month(JsonElement row) => row.GetProperty("month").GetString()!;
}
