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
        await Expect(row.Locator("td")).ToHaveTextAsync(["Alpine Ski House", "Contoso Consulting US", "USD", "400.00", "0.00", "800.00", "800.00", "400.00", "50.00 %", "10,000.00"]);
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
        await Expect(page.Locator("[data-report-card=hours] [data-headline=hours]")).ToHaveTextAsync("8.00 h");
        await Expect(page.Locator("canvas[data-chart-drawn]")).ToHaveCountAsync(3); // the backlog is empty after invoicing
        await Screenshots.SaveAsync(page, "reports-home");

        await page.SetViewportSizeAsync(360, 740);
        (await page.EvaluateAsync<bool>("(() => { const m = document.querySelector('main'); return m.scrollWidth <= m.clientWidth; })()")).ShouldBeTrue();
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

    /// <summary>Whether the chart's canvas has any painted pixel: the chart drew, not only its object.</summary>
    private static Task<bool> PaintedAsync(IPage page) => page.EvaluateAsync<bool>("""
        (() => { const c = document.querySelector('canvas[data-chart]'); const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                 for (let i = 3; i < d.length; i += 4) if (d[i] !== 0) return true; return false; })()
        """);
}
