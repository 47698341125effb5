using System.Globalization;
using System.Net.Http.Json;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PsaBridge.Finance;
using Microsoft.Playwright;
using PsaBridge.Psa.Projects;
using PsaBridge.Psa.Sales;
using PsaBridge.Psa.Sales.Opportunities;
using PsaBridge.Psa.Sales.Quotes;
using PsaBridge.Web.Security;
using static Microsoft.Playwright.Assertions;

namespace PsaBridge.Web.Tests.Browser;

/// <summary>
/// Row selection on the opportunity, quote, project-plan and audit lists, in Chromium: the checkbox column, select all,
/// the count, the selected rows exported alone, and the selected draft quotes activated together, each refusal named.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SalesPlanningAuditSelectionTests(Chromium chromium)
{
    [Fact]
    public async Task Selected_opportunities_export_alone_and_select_all_takes_only_the_filtered_page()
    {
        await using var site = await WebSite.StartAsync();
        var world = await AccountingWorld.ArrangeAsync(site.Services);
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var opportunities = scope.ServiceProvider.GetRequiredService<OpportunityService>();
            await opportunities.CreateAsync(new OpportunityInput("Alpine CRM", world.Customer, ContractingUnitId: world.Unit, EstimatedValue: 30_000m));
            await opportunities.CreateAsync(new OpportunityInput("Alpine ski school scheduling", world.Customer, ContractingUnitId: world.Unit, EstimatedValue: 12_000m));
            await opportunities.CreateAsync(new OpportunityInput("Fabrikam rollout", world.Customer, ContractingUnitId: world.Unit, EstimatedValue: 7_500m));
        }
        var page = await chromium.OpenAsync(site);
        await page.GotoAsync("/sales/opportunities?sort=name");
        var count = page.Locator("[data-selected-count]");
        await Expect(count).ToHaveTextAsync("Select opportunities to act on them:");

        await page.GetByLabel("Select Alpine CRM").CheckAsync();
        await page.GetByLabel("Select Fabrikam rollout").CheckAsync();
        await Expect(count).ToHaveTextAsync("2 selected:");
        var rows = await ExportSelectedAsync(page);
        var value = Array.IndexOf(rows[0], "Est. revenue");
        rows[0][0].ShouldBe("Topic");
        rows.Skip(1).Select(r => (r[0], Number(r[value]))).ShouldBe([("Alpine CRM", 30_000m), ("Fabrikam rollout", 7_500m)]);

        await page.GotoAsync("/sales/opportunities?sort=name&name=alpine");
        await page.GetByLabel("Select all opportunities on this page").CheckAsync();
        await Expect(count).ToHaveTextAsync("2 selected:");
        (await ExportSelectedAsync(page)).Skip(1).Select(r => r[0]).ShouldBe(["Alpine CRM", "Alpine ski school scheduling"]);
    }

    [Fact]
    public async Task Selected_draft_quotes_are_activated_together_each_refusal_named_and_only_by_a_project_manager()
    {
        await using var site = await WebSite.StartAsync();
        var world = await AccountingWorld.ArrangeAsync(site.Services);
        Guid draft, active, untouched;
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var quotes = scope.ServiceProvider.GetRequiredService<QuoteService>();
            draft = (await quotes.CreateAsync(new QuoteInput("Alpine CRM quote", world.Customer, world.Unit, Lines: []))).Id;
            active = (await quotes.CreateAsync(new QuoteInput("Ski school quote", world.Customer, world.Unit, Lines: []))).Id;
            untouched = (await quotes.CreateAsync(new QuoteInput("Wide World Importers quote", world.Customer, world.Unit, Lines: []))).Id;
            await quotes.ActivateAsync(active);
        }

        // A Viewer reads the list and may export, but activating is the project manager's.
        var viewer = await chromium.OpenAsync(site, Roles.Viewer);
        await viewer.GotoAsync("/sales/quotes?sort=name");
        await viewer.GetByLabel("Select Alpine CRM quote").CheckAsync();
        await viewer.GetByRole(AriaRole.Button, new() { Name = "Activate selected drafts" }).ClickAsync();
        await Expect(viewer.Locator("[data-access-denied]")).ToContainTextAsync("(Viewer), which does not allow this page or action.");
        (await StatesAsync(site, draft, active, untouched)).ShouldBe([QuoteState.Draft, QuoteState.Active, QuoteState.Draft]);

        var page = await chromium.OpenAsync(site);
        await page.GotoAsync("/sales/quotes?sort=name");
        var state = page.Locator("[data-quotes] [data-cell=state]");
        (await state.AllInnerTextsAsync()).ShouldBe(["Draft", "Active", "Draft"]);
        await page.GetByLabel("Select Ski school quote").CheckAsync();
        (await ExportSelectedAsync(page)).Skip(1).Select(r => (r[0], r[1])).ShouldBe([("Ski school quote", "Active")]);

        await page.GotoAsync("/sales/quotes?sort=name");
        await page.GetByLabel("Select Alpine CRM quote").CheckAsync();
        await page.GetByLabel("Select Ski school quote").CheckAsync();
        await Expect(page.Locator("[data-selected-count]")).ToHaveTextAsync("2 selected:");
        await page.GetByRole(AriaRole.Button, new() { Name = "Activate selected drafts" }).ClickAsync();
        await Expect(page.Locator("[data-notice]")).ToHaveTextAsync(
            "1 of 2 activated. Not done: Quote 'Ski school quote' is Active; only a draft quote is activated.");
        (await state.AllInnerTextsAsync()).ShouldBe(["Active", "Active", "Draft"]);
        (await StatesAsync(site, draft, active, untouched)).ShouldBe([QuoteState.Active, QuoteState.Active, QuoteState.Draft]);
        page.Url.ShouldEndWith("/sales/quotes?sort=name");

        // The trail names the quote that was activated; neither the refused one nor the Viewer's denied attempt.
        await using var finance = await site.Services.GetRequiredService<IDbContextFactory<FinanceDb>>().CreateDbContextAsync();
        (await finance.AuditEntries.AsNoTracking().Where(a => a.Action == "/Sales/Quotes/Index:Activate").Select(a => new { a.Channel, a.Entity, a.RecordId }).ToListAsync())
            .ShouldBe([new { Channel = "Page", Entity = "Quote", RecordId = draft.ToString() }]);
    }

    [Fact]
    public async Task Selected_project_plans_export_alone_with_their_scheduled_dates()
    {
        await using var site = await WebSite.StartAsync();
        var world = await AccountingWorld.ArrangeAsync(site.Services);
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var projects = scope.ServiceProvider.GetRequiredService<ProjectService>();
            await projects.CreateAsync(new ProjectInput("Contoso internal training", world.Unit, ScheduledStart: new DateOnly(2018, 3, 1), ScheduledEnd: new DateOnly(2018, 3, 31)));
            await projects.CreateAsync(new ProjectInput("Fabrikam rollout", world.Unit, ScheduledStart: new DateOnly(2018, 4, 2)));
        }
        var page = await chromium.OpenAsync(site);
        await page.GotoAsync("/planning/projects?sort=name");
        (await page.Locator("[data-projects] tbody tr td:nth-child(2)").AllInnerTextsAsync())
            .ShouldBe(["Alpine CRM implementation", "Contoso internal training", "Fabrikam rollout"]);

        await page.GetByLabel("Select Contoso internal training").CheckAsync();
        await page.GetByLabel("Select Fabrikam rollout").CheckAsync();
        await Expect(page.Locator("[data-selected-count]")).ToHaveTextAsync("2 selected:");
        await Expect(page.GetByLabel("Select all projects on this page")).Not.ToBeCheckedAsync();
        var rows = await ExportSelectedAsync(page);
        rows[0].ShouldBe(["Project", "Scheduled start", "Scheduled end", "Status"]);
        rows.Skip(1).Select(r => (r[0], r[1], r[2])).ShouldBe([("Contoso internal training", "2018-03-01", "2018-03-31"), ("Fabrikam rollout", "2018-04-02", "")]);
    }

    [Fact]
    public async Task Selected_audit_lines_export_alone_with_who_did_what_to_which_record()
    {
        await using var site = await WebSite.StartAsync();
        var admin = await site.UserAsync(Roles.Administrator);
        var api = site.CreateClient();
        foreach (var (code, days) in new[] { ("Net75", 75), ("Net90", 90) })
            (await api.PostAsJsonAsync("/api/finance/payment-terms", new { code, description = $"Net {days} days", netDays = days })).EnsureSuccessStatusCode();
        (await api.DeleteAsync("/api/finance/payment-terms/Net75")).EnsureSuccessStatusCode();
        var page = await chromium.OpenAsync(site);
        await page.GotoAsync("/audit?entity=PaymentTerm");
        await Expect(page.Locator("[data-audit] tbody tr")).ToHaveCountAsync(3);

        await page.GetByLabel($"Select DeletePaymentTerm Net75 by {admin.Email}").CheckAsync();
        await page.GetByLabel($"Select CreatePaymentTerm Net90 by {admin.Email}").CheckAsync();
        await Expect(page.Locator("[data-selected-count]")).ToHaveTextAsync("2 selected:");
        var rows = await ExportSelectedAsync(page);
        rows[0].ShouldBe(["When", "User", "Through", "Action", "Record type", "Record id", "Details"]);
        rows.Skip(1).Select(r => (r[1], r[2], r[3], r[4], r[5])).ShouldBe([
            (admin.Email, "API", "DeletePaymentTerm", "PaymentTerm", "Net75"),
            (admin.Email, "API", "CreatePaymentTerm", "PaymentTerm", "Net90"),
        ], ignoreOrder: true);

        await page.GotoAsync("/audit?entity=PaymentTerm&record=Net75");
        await page.GetByLabel("Select all audit lines on this page").CheckAsync();
        (await ExportSelectedAsync(page)).Skip(1).Select(r => (r[3], r[5])).ShouldBe([("DeletePaymentTerm", "Net75"), ("CreatePaymentTerm", "Net75")], ignoreOrder: true);
    }

    /// <summary>Clicks Export selected (CSV) and reads the download back, header first.</summary>
    private static async Task<List<string[]>> ExportSelectedAsync(IPage page)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Export selected (CSV)" }).ClickAsync());
        using var reader = new CsvReader(new StreamReader((await download.PathAsync())!, detectEncodingFromByteOrderMarks: true), CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        while (await reader.ReadAsync()) rows.Add(reader.Parser.Record!);
        return rows;
    }

    private static async Task<QuoteState[]> StatesAsync(WebSite site, params Guid[] ids)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var quotes = scope.ServiceProvider.GetRequiredService<QuoteService>();
        var states = new List<QuoteState>();
        foreach (var id in ids) states.Add((await quotes.GetAsync(id)).StateCode);
        return [.. states];
    }

    private static decimal Number(string text) => decimal.Parse(text, CultureInfo.InvariantCulture);
}
