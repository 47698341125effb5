using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PsaBridge.Psa.Actuals;
using PsaBridge.Psa.Sales;
using PsaBridge.Psa.Sales.Estimates;
using PsaBridge.Psa.Time;
using static Microsoft.Playwright.Assertions;

namespace PsaBridge.Web.Tests.Browser;

/// <summary>The projects list and a project's tasks, team and actuals; a contract's lines, milestones made ready and invoiced, and price lists; in Chromium.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ProjectAndContractPagesTests(Chromium chromium)
{
    [Fact]
    public async Task A_project_opened_from_the_list_shows_its_customer_contract_line_tasks_team_and_actuals_with_their_totals()
    {
        await using var site = await WebSite.StartAsync();
        var world = await AccountingWorld.ArrangeAsync(site.Services);
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var entries = scope.ServiceProvider.GetRequiredService<TimeEntryService>();
            var entry = await entries.CreateAsync(new TimeEntryInput(new DateOnly(2018, 2, 5), 480, world.Ashley, world.Project));
            await entries.SubmitAsync(entry.Id);
            await entries.ApproveTimeEntries([entry.Id], new ApprovalDecision(new Dictionary<Guid, decimal> { [entry.Id] = 6m }));
        }
        var page = await chromium.OpenAsync(site);
        await page.GotoAsync("/psa/projects?name=alpine");
        var row = page.Locator("[data-projects] tbody tr");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.Locator("[data-cell=tasks]")).ToHaveTextAsync("1");
        await Expect(row.Locator("[data-cell=team]")).ToHaveTextAsync("1");
        await page.GotoAsync("/psa/projects?name=contoso");
        await Expect(page.Locator("[data-empty]")).ToHaveTextAsync("No projects found.");

        await page.GotoAsync("/psa/projects");
        await page.GetByRole(AriaRole.Link, new() { Name = "Alpine CRM implementation" }).ClickAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync("Alpine CRM implementation");
        await Expect(page.Locator("[data-project]")).ToContainTextAsync("Alpine Ski House");
        await Expect(page.Locator("[data-contract-lines]")).ToHaveTextAsync("Alpine CRM: CRM implementation (TimeAndMaterial, budget 10,000.00 USD)");
        await Expect(page.Locator("[data-project]")).ToContainTextAsync("Contoso Consulting US");
        await Expect(page.Locator("[data-tasks] [data-cell=task]")).ToHaveTextAsync("Requirements");
        await Expect(page.Locator("[data-team] [data-cell=resource]")).ToHaveTextAsync("Ashley Chinn");
        await Expect(page.Locator("[data-team] [data-cell=role]")).ToHaveTextAsync("Project Manager");

        // 8 hours approved with 6 billable: cost for 8, unbilled sales 6 chargeable and 2 non-chargeable.
        await Expect(page.Locator("[data-total='Cost-USD'] [data-cell=quantity]")).ToHaveTextAsync("8");
        await Expect(page.Locator("[data-total='Cost-USD'] [data-cell=amount]")).ToHaveTextAsync("400.00");
        await Expect(page.Locator("[data-total='UnbilledSales-USD'] [data-cell=quantity]")).ToHaveTextAsync("8");
        await Expect(page.Locator("[data-total='UnbilledSales-USD'] [data-cell=amount]")).ToHaveTextAsync("800.00");
        var actuals = new List<(string, string, string)>();
        foreach (var a in await page.Locator("[data-actuals] tbody tr").AllAsync())
            actuals.Add((await a.Locator("[data-cell=type]").InnerTextAsync(), await a.Locator("[data-cell=billing-type]").InnerTextAsync(),
                await a.Locator("[data-cell=amount]").InnerTextAsync()));
        actuals.ShouldBe([("Cost", "Chargeable", "400.00"), ("UnbilledSales", "Chargeable", "600.00"), ("UnbilledSales", "NonChargeable", "200.00")], ignoreOrder: true);
        await Screenshots.SaveAsync(page, "project-detail");
        await page.Locator("[data-all-actuals]").ClickAsync();
        await Expect(page.Locator("[data-actuals] tbody tr")).ToHaveCountAsync(3);

        await page.GotoAsync($"/psa/projects/{Guid.NewGuid()}");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Project not found");
    }

    [Fact]
    public async Task A_contracts_milestone_marked_ready_is_taken_by_its_next_invoice_and_the_contract_shows_lines_and_price_lists()
    {
        await using var site = await WebSite.StartAsync();
        var world = await AccountingWorld.ArrangeAsync(site.Services);
        await using (var scope = site.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ContractService>().CreateAsync(new ContractInput("Alpine CRM go-live", world.Customer, world.Unit,
                Lines: [new SalesLineInput("Go-live", BillingMethod.FixedPrice, Amount: 20_000m, Milestones: [
                    new MilestoneInput("Design signed off", new DateOnly(2018, 3, 1), 10_000m), new MilestoneInput("System live", new DateOnly(2018, 4, 30), 10_000m),
                ])]));
        var page = await chromium.OpenAsync(site);
        await page.GotoAsync("/psa/contracts");
        await page.GetByRole(AriaRole.Link, new() { Name = "Alpine CRM go-live", Exact = true }).ClickAsync();
        await Expect(page.Locator("[data-contract-state]")).ToHaveTextAsync("Draft");
        await Expect(page.Locator("[data-lines] [data-cell=billing-method]")).ToHaveTextAsync("FixedPrice");
        await Expect(page.Locator("[data-price-lists] li")).ToContainTextAsync("Alpine Ski House sales 2018");
        var milestones = page.Locator("[data-milestones] tbody tr");
        (await milestones.Locator("[data-cell=invoice-status]").AllInnerTextsAsync()).ShouldBe(["NotReadyForInvoicing", "NotReadyForInvoicing"]);

        await page.GetByRole(AriaRole.Button, new() { Name = "Mark Design signed off ready for invoicing" }).ClickAsync();
        await Expect(page.Locator("[data-notice]")).ToHaveTextAsync("Milestone 'Design signed off' is ready for invoicing: the contract's next invoice takes it.");
        (await milestones.Locator("[data-cell=invoice-status]").AllInnerTextsAsync()).ShouldBe(["ReadyForInvoicing", "NotReadyForInvoicing"]);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Mark Design signed off ready for invoicing" })).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Link, new() { Name = "New invoice", Exact = true }).ClickAsync();
        await page.GetByLabel("Invoice date").FillAsync("2018-03-31");
        await page.GetByLabel("Transaction cut-off date").FillAsync("2018-03-31");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create draft invoice" }).ClickAsync();
        await Expect(page.Locator("[data-invoice-total]")).ToHaveTextAsync("10,000.00 USD");
        await page.GetByRole(AriaRole.Link, new() { Name = "Alpine CRM go-live", Exact = true }).ClickAsync();
        (await milestones.Locator("[data-cell=invoice-status]").AllInnerTextsAsync()).ShouldBe(["CustomerInvoiceCreated", "NotReadyForInvoicing"]);
        await Expect(milestones.First.GetByRole(AriaRole.Link, new() { Name = "Its invoice" })).ToHaveCountAsync(1);
        await Screenshots.SaveAsync(page, "contract-detail");

        await page.GotoAsync($"/psa/contracts/{Guid.NewGuid()}");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Contract not found");
    }
}
