using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PsaBridge.Psa;
using PsaBridge.Psa.Sales;
using PsaBridge.Psa.Sales.Estimates;
using PsaBridge.Psa.Sales.InvoiceFrequencies;
using PsaBridge.Web.Tests.Browser;
using static Microsoft.Playwright.Assertions;

namespace PsaBridge.Web.Tests.Sales;

/// <summary>A contract's page in Chromium: its invoice schedule, and confirming it: asked first, one-way, never twice.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ContractConfirmTests(Chromium chromium)
{
    [Fact]
    public async Task Confirming_a_draft_contract_asks_first_then_makes_it_active_and_the_button_goes()
    {
        await using var site = await WebSite.StartAsync();
        var contract = await ArrangeAsync(site);
        var page = await chromium.OpenAsync(site, width: 360);
        await page.GotoAsync($"/psa/contracts/{contract}");
        await Expect(page.Locator("[data-contract-state]")).ToHaveTextAsync("Draft");
        await Expect(page.Locator("[data-schedule] tbody tr")).ToHaveCountAsync(3);
        await Expect(page.Locator("[data-run='2018-02-28'] [data-cell=cutoff]")).ToHaveTextAsync("2018-02-27");
        await Expect(page.Locator("[data-run='2018-04-30'] [data-cell=run-status]")).ToHaveTextAsync("NotRun");

        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm contract" }).ClickAsync();
        await Expect(page.Locator("[data-confirm]")).ToContainTextAsync("Confirming cannot be undone");
        await Expect(page.Locator("[data-contract-state]")).ToHaveTextAsync("Draft");
        await page.Locator("[data-confirm-no]").ClickAsync();
        await Expect(page.Locator("[data-confirm]")).ToHaveCountAsync(0);
        (await StateAsync(site, contract)).ShouldBe((ContractState.Draft, ContractStatusReason.Draft));

        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm contract" }).ClickAsync();
        await page.Locator("[data-confirm-yes]").ClickAsync();
        await Expect(page.Locator("[data-notice]")).ToHaveTextAsync("Contract 'Alpine CRM go-live' is confirmed: it is active, and its lines and details are read-only.");
        await Expect(page.Locator("[data-contract-state]")).ToHaveTextAsync("Active");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Confirm contract" })).ToHaveCountAsync(0);
        (await StateAsync(site, contract)).ShouldBe((ContractState.Active, ContractStatusReason.Confirmed));
        (await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue();
    }

    [Fact]
    public async Task A_contract_confirmed_meanwhile_is_not_confirmed_twice_and_the_page_says_it_is_read_only()
    {
        await using var site = await WebSite.StartAsync();
        var contract = await ArrangeAsync(site);
        var page = await chromium.OpenAsync(site);
        await page.GotoAsync($"/psa/contracts/{contract}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm contract" }).ClickAsync();
        DateTime? confirmedOn;
        await using (var scope = site.Services.CreateAsyncScope())
            confirmedOn = (await scope.ServiceProvider.GetRequiredService<ContractService>().ConfirmAsync(contract)).ConfirmedOn;

        await page.Locator("[data-confirm-yes]").ClickAsync();

        await Expect(page.Locator("[data-notice]")).ToHaveTextAsync(
            "Contract 'Alpine CRM go-live' is Confirmed and read-only; only its milestones' invoice status changes now.");
        await Expect(page.Locator("[data-contract-state]")).ToHaveTextAsync("Active");
        await using (var scope = site.Services.CreateAsyncScope())
            (await scope.ServiceProvider.GetRequiredService<PsaDb>().Set<ProjectContract>().SingleAsync(c => c.Id == contract)).ConfirmedOn.ShouldBe(confirmedOn);
    }

    private static async Task<(ContractState, ContractStatusReason)> StateAsync(WebSite site, Guid id)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var c = await scope.ServiceProvider.GetRequiredService<PsaDb>().Set<ProjectContract>().AsNoTracking().SingleAsync(c => c.Id == id);
        return (c.PsaState, c.PsaStatusReason);
    }

    private static async Task<Guid> ArrangeAsync(WebSite site)
    {
        var world = await AccountingWorld.ArrangeAsync(site.Services);
        await using var scope = site.Services.CreateAsyncScope();
        var contract = await scope.ServiceProvider.GetRequiredService<ContractService>().CreateAsync(new ContractInput("Alpine CRM go-live", world.Customer, world.Unit,
            Lines:
            [
                new SalesLineInput("Go-live", BillingMethod.FixedPrice, Amount: 20_000m, Milestones: [
                    new MilestoneInput("Design signed off", new DateOnly(2018, 3, 1), 10_000m), new MilestoneInput("System live", new DateOnly(2018, 4, 30), 10_000m),
                ]),
                new SalesLineInput("Support", BillingMethod.TimeAndMaterial, InvoiceFrequencyId: InvoiceFrequency.MonthlyLastDayId,
                    BillingStartDate: new DateOnly(2018, 2, 1), RequestedDeliveryDate: new DateOnly(2018, 4, 30)),
            ]));
        return contract.Id;
    }
}
