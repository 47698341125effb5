using System.Text.Json;
using Microsoft.Playwright;
using PsaBridge.Psa.Tests.Api;
using PsaBridge.Web.Tests.Browser;
using static Microsoft.Playwright.Assertions;

namespace PsaBridge.Web.Tests.Reports;

/// <summary>The report pages in Chromium: each chart is drawn, from the same figures as the table beside it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ReportPagesTests(Chromium chromium)
{
    [Fact]
    public async Task The_profitability_chart_draws_revenue_cost_and_margin_from_its_table()
    {
        await using var site = await WebSite.StartAsync();
        var client = site.CreateClient();
        var alpine = await InvoicedAlpineAsync(client);
        var page = await chromium.OpenAsync(site);

        await page.GotoAsync($"/reports/profitability?customerId={alpine.Customer}");

        var canvas = page.Locator("canvas[data-chart]");
        await Expect(canvas).ToHaveAttributeAsync("data-chart-drawn", "3");
        (await ChartAsync(page)).ShouldBe(["Revenue=800", "Cost=400", "Gross margin=400"]);
        (await PaintedAsync(page)).ShouldBeTrue();
        var row = page.Locator("#profitability-projects tbody tr");
        await Expect(row.Locator("th")).ToHaveTextAsync("Alpine CRM implementation");
        await Expect(row.Locator("td")).ToHaveTextAsync(["Alpine Ski House", "Contoso Consulting US", "USD", "400.00", "0.00", "800.00", "800.00", "400.00", "50.00 %", "10,000.00", "—"]);
        await Expect(page.Locator("#profitability-customers tbody tr td").Nth(1)).ToHaveTextAsync("400.00");
        await Expect(page.Locator("[data-download=csv]")).ToHaveAttributeAsync("href", $"/api/reports/profitability/export?customerId={alpine.Customer}&format=csv");
        await Screenshots.SaveAsync(page, "report-profitability");
    }

    [Fact]
    public async Task The_actuals_by_period_chart_stacks_each_type_by_class_and_the_home_page_shows_the_headlines()
    {
        await using var site = await WebSite.StartAsync();
        var client = site.CreateClient();
        await InvoicedAlpineAsync(client);
        var page = await chromium.OpenAsync(site);

        await page.GotoAsync("/reports/actuals-by-period");
        await Expect(page.Locator("canvas[data-chart]")).ToHaveAttributeAsync("data-chart-drawn", "3");
        (await ChartAsync(page)).ShouldBe(["Cost: Time=400", "Unbilled sales: Time=0", "Billed sales: Time=800"]);
        await Expect(page.Locator("#actuals-by-period tbody tr").First.Locator("th, td"))
            .ToHaveTextAsync(["2018-02", "Time", "USD", "400.00", "0.00", "800.00"]);

        await page.GotoAsync("/reports");
        await Expect(page.Locator("[data-report-card=profitability] [data-headline=revenue]")).ToHaveTextAsync("800.00 USD");
        await Expect(page.Locator("[data-report-card=actuals-by-period] [data-headline=sales]")).ToHaveTextAsync("800.00 USD");
        await Expect(page.Locator("[data-report-card=hours] [data-headline=hours]")).ToHaveTextAsync("8.00 h");
        await Expect(page.Locator("[data-report-card=utilization] [data-headline=utilization]")).ToHaveTextAsync("0.00 %"); // no time in the latest months
        await Expect(page.Locator("canvas[data-chart-drawn]")).ToHaveCountAsync(4); // the backlog is empty after invoicing, the pipeline has no deals
        await Screenshots.SaveAsync(page, "reports-home");

        await page.SetViewportSizeAsync(360, 740);
        (await page.EvaluateAsync<bool>("(() => { const m = document.querySelector('main'); return m.scrollWidth <= m.clientWidth; })()")).ShouldBeTrue();
    }

    [Fact]
    public async Task The_pipeline_chart_stacks_weighted_value_by_state_and_month_and_utilization_charts_capacity_against_chargeable_hours()
    {
        await using var site = await WebSite.StartAsync();
        var client = site.CreateClient();
        var alpine = await Alpine.SetUpAsync(client);
        await alpine.ApprovedTimeEntryAsync(client);
        async Task<Guid> Opportunity(string name, decimal value, int probability, string close) => await client.CreateIdAsync("opportunities", new
        {
            name, customerId = alpine.Customer, contractingUnitId = alpine.Unit, orderType = "WorkBased", estimatedValue = value,
            estimatedCloseDate = close, closeProbability = probability,
        });
        await Opportunity("Alpine CRM", 30_000m, 60, "2018-03-15");
        await Opportunity("Alpine portal", 10_000m, 25, "2018-03-31");
        var training = await Opportunity("Alpine training", 5_000m, 50, "2018-02-28");
        await client.PostOkAsync($"opportunities/{training}/close", new { status = "Won", closeDate = "2018-02-10" });
        var page = await chromium.OpenAsync(site);

        await page.GotoAsync("/reports/pipeline");
        await Expect(page.Locator("canvas[data-chart-table=pipeline]")).ToHaveAttributeAsync("data-chart-drawn", "2");
        (await SeriesAsync(page, "pipeline")).ShouldBe(["Weighted value: Won=5000/0", "Weighted value: Open=0/20500"]);
        await Expect(page.Locator("#pipeline tbody tr").Nth(1).Locator("th, td")).ToHaveTextAsync(["2018-03", "Opportunity", "Open", "USD", "2", "40,000.00", "20,500.00"]);
        await Expect(page.Locator("#won-lost tbody tr").First.Locator("th, td")).ToHaveTextAsync(["2018-02", "USD", "1", "5,000.00", "0", "0.00"]);
        await Expect(page.Locator("canvas[data-chart-table=won-lost]")).ToHaveAttributeAsync("data-chart-drawn", "2");
        await Screenshots.SaveAsync(page, "report-pipeline");

        await page.GotoAsync("/reports/utilization?from=2018-02-01&to=2018-02-28");
        await Expect(page.Locator("canvas[data-chart]")).ToHaveAttributeAsync("data-chart-drawn", "2");
        (await SeriesAsync(page, "utilization-months")).ShouldBe(["Capacity hours=160", "Chargeable hours=8"]);
        await Expect(page.Locator("#utilization tbody tr").First.Locator("th, td"))
            .ToHaveTextAsync(["2018-02", "Ashley Chinn", "Project Manager", "Contoso Consulting US", "160.00", "8.00", "8.00", "5.00 %"]);
        await Expect(page.Locator("#utilization-roles tbody tr").First.Locator("th, td")).ToHaveTextAsync(["2018-02", "Project Manager", "160.00", "8.00", "5.00 %"]);
        await Screenshots.SaveAsync(page, "report-utilization");

        await page.GotoAsync("/reports");
        await Expect(page.Locator("[data-report-card=pipeline] [data-headline=weighted]")).ToHaveTextAsync("20,500.00 USD");
        await Expect(page.Locator("[data-report-card=utilization] a")).ToHaveAttributeAsync("href", "/reports/utilization");
    }

    [Fact]
    public async Task The_backlog_chart_ages_unbilled_sales_and_the_hours_chart_draws_chargeable_hours_from_their_tables()
    {
        await using var site = await WebSite.StartAsync();
        var client = site.CreateClient();
        var alpine = await Alpine.SetUpAsync(client);
        await alpine.ApprovedTimeEntryAsync(client); // 8 h on 2018-02-03 at 100.00, not invoiced
        var page = await chromium.OpenAsync(site);

        await page.GotoAsync("/reports/backlog?asOf=2018-02-10");
        await Expect(page.Locator("canvas[data-chart-table=backlog-contracts]")).ToHaveAttributeAsync("data-chart-drawn", "5");
        (await SeriesAsync(page, "backlog-contracts")).ShouldBe(["0-30 days=800", "31-60 days=0", "61-90 days=0", "Over 90 days=0", "Milestones not invoiced=0"]);
        (await PaintedAsync(page)).ShouldBeTrue();
        await Expect(page.Locator("#backlog-contracts tbody tr").Locator("th, td"))
            .ToHaveTextAsync(["Alpine CRM", "Alpine Ski House", "USD", "800.00", "800.00", "0.00", "0.00", "0.00", "800.00", "0.00", "0.00", "0.00"]);
        await Screenshots.SaveAsync(page, "report-backlog");

        await page.GotoAsync("/reports/hours");
        await Expect(page.Locator("canvas[data-chart-table=hours]")).ToHaveAttributeAsync("data-chart-drawn", "3");
        (await SeriesAsync(page, "hours")).ShouldBe(["Chargeable hours=8", "Non-chargeable hours=0", "Complimentary hours=0"]);
        (await PaintedAsync(page)).ShouldBeTrue();
        await Expect(page.Locator("#hours tbody tr").Locator("th, td")).ToHaveTextAsync(["2018-02", "Ashley Chinn", "Project Manager", "8.00", "0.00", "0.00", "8.00"]);
        await Screenshots.SaveAsync(page, "report-hours");
    }

    [Fact]
    public async Task The_profitability_and_actuals_by_period_pages_filter_by_role()
    {
        await using var site = await WebSite.StartAsync();
        var client = site.CreateClient();
        var alpine = await InvoicedAlpineAsync(client);
        var developer = await client.CreateIdAsync("roles", new { name = "Developer" });
        var page = await chromium.OpenAsync(site);

        await page.GotoAsync("/reports/profitability");
        await page.GetByLabel("Role", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Developer" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Expect(page.Locator("[data-empty]")).ToHaveTextAsync("No actuals match these filters.");
        await Expect(page.Locator("[data-download=csv]")).ToHaveAttributeAsync("href", $"/api/reports/profitability/export?roleId={developer}&format=csv");

        await page.GotoAsync($"/reports/actuals-by-period?roleId={alpine.ProjectManager}");
        await Expect(page.GetByLabel("Role", new() { Exact = true })).ToHaveValueAsync(alpine.ProjectManager.ToString());
        await Expect(page.Locator("#actuals-by-period tbody tr").First.Locator("th, td"))
            .ToHaveTextAsync(["2018-02", "Time", "USD", "400.00", "0.00", "800.00"]);
    }

    [Fact]
    public async Task A_period_that_runs_backwards_is_refused_beside_the_field()
    {
        await using var site = await WebSite.StartAsync();
        var page = await chromium.OpenAsync(site);

        await page.GotoAsync("/reports/hours");
        await page.GetByLabel("From", new() { Exact = true }).FillAsync("2018-03-01");
        await page.GetByLabel("To", new() { Exact = true }).FillAsync("2018-02-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();

        await Expect(page.Locator("[data-error-summary] li")).ToHaveTextAsync("'to' (2018-02-01) is before 'from' (2018-03-01).");
        await Expect(page.Locator("#Filter_To + .field-error")).ToHaveTextAsync("'to' (2018-02-01) is before 'from' (2018-03-01).");
        await Expect(page.Locator("canvas[data-chart]")).ToHaveCountAsync(0);
    }

    private static async Task<Alpine> InvoicedAlpineAsync(HttpClient client)
    {
        var alpine = await Alpine.SetUpAsync(client);
        await alpine.ApprovedTimeEntryAsync(client);
        var draft = await client.CreateAsync("invoices", new { contractId = alpine.Contract, invoiceDate = "2018-02-04" });
        await client.PostOkAsync($"invoices/{draft.Id()}/confirm");
        return alpine;
    }

    /// <summary>The chart's datasets as Chart.js holds them: "label=value" of the first bar each.</summary>
    private static async Task<string[]> ChartAsync(IPage page) =>
        JsonSerializer.Deserialize<string[]>(await page.EvaluateAsync<string>(
            "JSON.stringify(Chart.getChart(document.querySelector('canvas[data-chart]')).data.datasets.map(d => d.label + '=' + d.data[0]))"))!;

    /// <summary>The datasets of the chart drawn from <paramref name="table"/>: "label=value/value/..." over its bars.</summary>
    private static async Task<string[]> SeriesAsync(IPage page, string table) =>
        JsonSerializer.Deserialize<string[]>(await page.EvaluateAsync<string>(
            $"JSON.stringify(Chart.getChart(document.querySelector('canvas[data-chart-table={table}]')).data.datasets.map(d => d.label + '=' + d.data.join('/')))"))!;

    /// <summary>Whether the chart's canvas has any painted pixel: the chart drew, not only its object.</summary>
    private static Task<bool> PaintedAsync(IPage page) => page.EvaluateAsync<bool>("""
        (() => { const c = document.querySelector('canvas[data-chart]'); const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                 for (let i = 3; i < d.length; i += 4) if (d[i] !== 0) return true; return false; })()
        """);
}
