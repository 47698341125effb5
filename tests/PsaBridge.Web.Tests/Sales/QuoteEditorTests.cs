using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PsaBridge.Psa;
using PsaBridge.Psa.Accounts;
using PsaBridge.Psa.Actuals;
using PsaBridge.Psa.OrganizationalUnits;
using PsaBridge.Psa.Pricing;
using PsaBridge.Psa.Projects;
using PsaBridge.Psa.Resources;
using PsaBridge.Psa.Sales;
using PsaBridge.Psa.Sales.Opportunities;
using PsaBridge.Web.Tests.Browser;
using static Microsoft.Playwright.Assertions;

namespace PsaBridge.Web.Tests.Sales;

/// <summary>The quote editor in Chromium: a quote made from an opportunity, estimated, activated and closed as won into a contract.</summary>
[Collection(BrowserCollection.Name)]
public sealed class QuoteEditorTests(Chromium chromium)
{
    [Fact]
    public async Task A_quote_made_from_an_opportunity_totals_its_estimates_on_save_and_closes_as_won_into_a_contract()
    {
        await using var site = await WebSite.StartAsync();
        await ArrangeAsync(site);
        var page = await chromium.OpenAsync(site);

        await page.GotoAsync("/sales/opportunities");
        await page.GetByRole(AriaRole.Link, new() { Name = "Alpine CRM" }).ClickAsync();
        await page.GetByLabel("Quote name").FillAsync("Alpine CRM quote");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create quote" }).ClickAsync();
        await Expect(page.Locator("[data-notice]")).ToHaveTextAsync("Quote 'Alpine CRM quote' created from the opportunity.");
        await Expect(page.Locator("[data-quote-state]")).ToHaveTextAsync("Draft");
        await Expect(page.Locator("[data-quote-lines] tbody tr")).ToHaveCountAsync(1);

        // An estimate without a quantity is refused beside the field; with one, the totals are recomputed on save.
        await page.GetByLabel("Role").SelectOptionAsync(new SelectOptionValue { Label = "Project Manager" });
        await page.GetByLabel("Start date").FillAsync("2018-02-01");
        await page.GetByLabel("End date").FillAsync("2018-04-30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add estimate" }).ClickAsync();
        await Expect(page.Locator("#Estimate_Quantity-error")).ToHaveTextAsync("Quantity is required.");
        await Expect(page.Locator("[data-total=sales]")).ToHaveTextAsync("0.00");

        await page.GetByLabel("Quantity").FillAsync("100");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add estimate" }).ClickAsync();
        await Expect(page.Locator("[data-notice]")).ToHaveTextAsync("Estimate added: sales 10,000.00, cost 5,000.00 USD.");
        await Expect(page.Locator("[data-total=sales]")).ToHaveTextAsync("10,000.00");
        await Expect(page.Locator("[data-total=chargeable-cost]")).ToHaveTextAsync("5,000.00");
        await Expect(page.Locator("[data-total=margin]")).ToHaveTextAsync("5,000.00");
        await Expect(page.Locator("[data-total=profitability]")).ToHaveTextAsync("50.00");
        await Expect(page.Locator("[data-quote-details] tbody tr [data-cell=margin]")).ToHaveTextAsync("5,000.00");
        await Screenshots.SaveAsync(page, "sales-quote-editor");

        await page.GetByRole(AriaRole.Button, new() { Name = "Activate" }).ClickAsync();
        await Expect(page.Locator("[data-quote-state]")).ToHaveTextAsync("Active");
        await page.GetByLabel("Reason").FillAsync("Best fit");
        await page.GetByRole(AriaRole.Button, new() { Name = "Close as won" }).ClickAsync();
        await Expect(page.Locator("[data-notice]")).ToHaveTextAsync("Quote closed as won: contract 'Alpine CRM quote' was created.");
        await Expect(page.Locator("[data-quote-state]")).ToHaveTextAsync("Won");
        await Expect(page.Locator("[data-read-only]")).ToContainTextAsync("read-only");
        await Expect(page.Locator("[data-add-estimate]")).ToHaveCountAsync(0);

        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PsaDb>();
        var contract = await db.Set<ProjectContract>().Include(c => c.Lines).SingleAsync();
        (contract.Name, contract.PsaState, contract.Lines.Single().Name, contract.Lines.Single().Rollup.SalesAmount)
            .ShouldBe(("Alpine CRM quote", ContractState.Draft, "CRM implementation", 10_000.00m));
        (await page.Locator("[data-contract-id]").TextContentAsync()).ShouldBe(contract.Id.ToString());
    }

    [Fact]
    public async Task Closing_a_quote_as_lost_asks_first_and_needs_a_reason()
    {
        await using var site = await WebSite.StartAsync();
        await ArrangeAsync(site);
        var page = await chromium.OpenAsync(site, width: 360);
        await page.GotoAsync("/sales/opportunities");
        await page.GetByRole(AriaRole.Link, new() { Name = "Alpine CRM" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create quote" }).ClickAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Close as lost" }).ClickAsync();
        await Expect(page.Locator("#Close_Reason-error")).ToHaveTextAsync("Reason is required.");
        await page.GetByLabel("Reason").FillAsync("Priced too high");
        await page.GetByRole(AriaRole.Button, new() { Name = "Close as lost" }).ClickAsync();
        await Expect(page.Locator("[data-confirm]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-quote-state]")).ToHaveTextAsync("Draft");
        await page.Locator("[data-confirm-yes]").ClickAsync();
        await Expect(page.Locator("[data-notice]")).ToHaveTextAsync("Quote closed as lost.");
        await Expect(page.Locator("[data-quote-state]")).ToHaveTextAsync("Closed");
        (await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue();
    }

    /// <summary>Issue 22's world: Alpine Ski House, Contoso US's cost list (Project Manager 50/h), the customer's sales list (100/h), and the opportunity with one time-and-material line.</summary>
    private static async Task ArrangeAsync(WebSite site)
    {
        await using var scope = site.Services.CreateAsyncScope();
        T S<T>() where T : notnull => scope.ServiceProvider.GetRequiredService<T>();
        var unit = await S<OrganizationalUnitService>().CreateAsync(new OrganizationalUnitInput("Contoso US", "USD"));
        var role = await S<ResourceService>().CreateRoleAsync(new RoleInput("Project Manager"));
        var customer = await S<AccountService>().CreateAsync(new AccountInput("Alpine Ski House", Currency: "USD"));
        await S<PriceListService>().CreateAsync(new PriceListInput("Contoso US cost 2018", PriceListContext.Cost, "USD", new(2018, 1, 1), new(2018, 12, 31),
            OrganizationalUnitId: unit.Id, RolePrices: [new(role.Id, 50.00m)]));
        await S<PriceListService>().CreateAsync(new PriceListInput("Alpine Ski House sales 2018", PriceListContext.Sales, "USD", new(2018, 1, 1), new(2018, 12, 31),
            CustomerId: customer.Id, RolePrices: [new(role.Id, 100.00m)]));
        var project = await S<ProjectService>().CreateAsync(new ProjectInput("Alpine CRM implementation", unit.Id, customer.Id));
        await S<OpportunityService>().CreateAsync(new OpportunityInput("Alpine CRM", customer.Id, OrderType.WorkBased, unit.Id, EstimatedValue: 30_000m,
            Lines: [new OpportunityLineInput("CRM implementation", BillingMethod.TimeAndMaterial, project.Id, 10_000m, new(2018, 2, 1), new(2018, 4, 30))]));
    }
}
