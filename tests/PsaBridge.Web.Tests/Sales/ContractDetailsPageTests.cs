using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PsaBridge.Infrastructure.Paging;
using PsaBridge.Psa.Actuals;
using PsaBridge.Psa.Projects;
using PsaBridge.Psa.Sales;
using PsaBridge.Psa.Sales.Estimates;
using PsaBridge.Psa.Sales.Quotes;
using PsaBridge.Web.Tests.Browser;
using static Microsoft.Playwright.Assertions;

namespace PsaBridge.Web.Tests.Sales;

/// <summary>A contract's page in Chromium lists its line details, each with the quote line detail close as won copied it from.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ContractDetailsPageTests(Chromium chromium)
{
    [Fact]
    public async Task A_contract_won_from_a_quote_shows_each_line_detail_with_its_amounts_and_the_quote_detail_it_came_from()
    {
        await using var site = await WebSite.StartAsync();
        var world = await AccountingWorld.ArrangeAsync(site.Services);
        Guid contractId, quoteId;
        Dictionary<decimal, Guid> quoteDetails;
        await using (var scope = site.Services.CreateAsyncScope())
        {
            T Get<T>() where T : notnull => scope.ServiceProvider.GetRequiredService<T>();
            var project = await Get<ProjectService>().CreateAsync(new ProjectInput("Alpine CRM phase 2", world.Unit, world.Customer));
            var quote = await Get<QuoteService>().CreateAsync(new QuoteInput("Alpine CRM phase 2", world.Customer, world.Unit, Lines:
            [
                new SalesLineInput("Phase 2", BillingMethod.TimeAndMaterial, project.Id, Details:
                [
                    new LineDetailInput(TransactionClass.Time, 100m, new DateOnly(2018, 2, 1), new DateOnly(2018, 4, 30), RoleId: world.ProjectManager),
                    new LineDetailInput(TransactionClass.Time, 8m, new DateOnly(2018, 5, 2), new DateOnly(2018, 5, 2), RoleId: world.ProjectManager,
                        ResourceId: world.Ashley),
                ]),
            ]));
            quoteId = quote.Id;
            quoteDetails = (await Get<QuoteDetailService>().ListAsync(quote.Id, null, new PageRequest(1, 10))).Items.ToDictionary(d => d.Quantity, d => d.Id);
            await Get<QuoteService>().ActivateAsync(quote.Id);
            contractId = (await Get<QuoteClosing>().WinAsync(quote.Id, new CloseQuoteInput("Won"))).Id;
        }

        var page = await chromium.OpenAsync(site, width: 360);
        await page.GotoAsync($"/psa/contracts/{contractId}");
        var rows = page.Locator("[data-details] tbody tr");
        await Expect(rows).ToHaveCountAsync(2);
        var first = rows.Nth(0);
        await Expect(first.Locator("[data-cell=line]")).ToHaveTextAsync("Phase 2");
        await Expect(first.Locator("[data-cell=class]")).ToHaveTextAsync("Time");
        await Expect(first.Locator("[data-cell=role]")).ToHaveTextAsync("Project Manager");
        await Expect(first.Locator("[data-cell=resource]")).ToHaveTextAsync("—");
        await Expect(first.Locator("[data-cell=category]")).ToHaveTextAsync("—");
        await Expect(first.Locator("[data-cell=quantity]")).ToHaveTextAsync("100.00");
        await Expect(first.Locator("[data-cell=unit]")).ToHaveTextAsync("Hour");
        await Expect(first.Locator("[data-cell=cost]")).ToHaveTextAsync("5,000.00");
        await Expect(first.Locator("[data-cell=sales]")).ToHaveTextAsync("10,000.00");
        await Expect(first.Locator("[data-cell=margin]")).ToHaveTextAsync("5,000.00");
        await Expect(first.Locator("[data-cell=billing-type]")).ToHaveTextAsync("Chargeable");
        await Expect(first.Locator("[data-quote-detail]")).ToHaveAttributeAsync("data-quote-detail", quoteDetails[100m].ToString());
        await Expect(first.Locator("[data-quote-detail]")).ToHaveAttributeAsync("href", $"/sales/quotes/{quoteId}");
        var second = rows.Nth(1);
        await Expect(second.Locator("[data-cell=resource]")).ToHaveTextAsync("Ashley Chinn");
        await Expect(second.Locator("[data-cell=quantity]")).ToHaveTextAsync("8.00");
        await Expect(second.Locator("[data-cell=cost]")).ToHaveTextAsync("400.00");
        await Expect(second.Locator("[data-cell=sales]")).ToHaveTextAsync("800.00");
        await Expect(second.Locator("[data-quote-detail]")).ToHaveAttributeAsync("data-quote-detail", quoteDetails[8m].ToString());
        await Expect(page.Locator("[data-details] [data-total=sales]")).ToHaveTextAsync("10,800.00");
        await Expect(page.Locator("[data-details] [data-total=cost]")).ToHaveTextAsync("5,400.00");
        (await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue();
    }

    [Fact]
    public async Task A_contract_without_estimates_says_it_has_no_line_details()
    {
        await using var site = await WebSite.StartAsync();
        var world = await AccountingWorld.ArrangeAsync(site.Services);
        var page = await chromium.OpenAsync(site);
        await page.GotoAsync($"/psa/contracts/{world.Contract}");
        await Expect(page.Locator("[data-details-empty]")).ToHaveTextAsync("No line details: the lines carry no estimates.");
        await Expect(page.Locator("[data-details]")).ToHaveCountAsync(0);
    }
}
