using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PsaBridge.Psa.Time;
using static Microsoft.Playwright.Assertions;

namespace PsaBridge.Web.Tests.Browser;

/// <summary>
/// Unbilled sales moved through their billing statuses on screen (Unbilled Sales Created, Ready to Invoice, Customer
/// Invoice Created, Customer Invoice Posted), found with the list's billing-status filter, and a draft invoice reviewed
/// detail by detail (quantity lowered, billing type changed, a bad quantity refused in the label's words), in Chromium.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BillingStatusPagesTests(Chromium chromium)
{
    [Fact]
    public async Task Unbilled_sales_are_marked_ready_invoiced_reviewed_and_posted_and_the_actuals_filter_each_billing_status()
    {
        await using var site = await WebSite.StartAsync();
        var world = await AccountingWorld.ArrangeAsync(site.Services);
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var entries = scope.ServiceProvider.GetRequiredService<TimeEntryService>();
            foreach (var day in new[] { 5, 6 })
            {
                var entry = await entries.CreateAsync(new TimeEntryInput(new DateOnly(2018, 2, day), 480, world.Ashley, world.Project));
                await entries.SubmitAsync(entry.Id);
                await entries.ApproveAsync(entry.Id);
            }
        }
        var page = await chromium.OpenAsync(site);
        var rows = page.Locator("[data-actuals] tbody tr");

        await page.GotoAsync("/psa/actuals?type=UnbilledSales&sort=date");
        (await rows.Locator("[data-cell=billing-status]").AllInnerTextsAsync()).ShouldBe(["UnbilledSalesCreated", "UnbilledSalesCreated"]);
        await page.GetByLabel("Select UnbilledSales 5 February 2018 800.00").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Ready to invoice", Exact = true }).ClickAsync();
        await Expect(page.Locator("[data-notice]")).ToHaveTextAsync("1 of 1 marked Ready to Invoice.");

        await FilterByBillingStatusAsync(page, "ReadyToInvoice");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.Locator("a")).ToHaveTextAsync("2018-02-05");
        await FilterByBillingStatusAsync(page, "UnbilledSalesCreated");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.Locator("a")).ToHaveTextAsync("2018-02-06");

        await page.GotoAsync($"/psa/invoices/new?contract={world.Contract}");
        await page.GetByLabel("Invoice date").FillAsync("2018-02-28");
        await page.GetByLabel("Transaction cut-off date").FillAsync("2018-02-28");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create draft invoice" }).ClickAsync();
        await Expect(page.Locator("[data-invoice-total]")).ToHaveTextAsync("1,600.00 USD");
        var invoiceUrl = page.Url;

        // The review: a quantity that is not a number is refused beside its field, in the words of its column.
        var monday = page.GetByLabel("Quantity of 5 February Ashley Chinn");
        await monday.FillAsync("seven");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(page.Locator("[data-error-summary] li")).ToHaveTextAsync("Quantity: 'seven' is not a number.");
        await Expect(page.Locator("[data-invoice-status]")).ToHaveTextAsync("Draft");
        await Expect(page.Locator("[data-invoice-total]")).ToHaveTextAsync("1,600.00 USD");

        await monday.FillAsync("6");
        await page.GetByLabel("Billing type of 6 February Ashley Chinn").SelectOptionAsync("NonChargeable");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(page.Locator("[data-notice]")).ToHaveTextAsync("2 details saved.");
        await Expect(page.Locator("[data-invoice-total]")).ToHaveTextAsync("600.00 USD");
        await Expect(page.GetByLabel("Quantity of 5 February Ashley Chinn")).ToHaveValueAsync("6");
        await Expect(page.GetByLabel("Billing type of 6 February Ashley Chinn")).ToHaveValueAsync("NonChargeable");

        await page.GotoAsync("/psa/actuals?type=UnbilledSales&sort=date");
        await FilterByBillingStatusAsync(page, "CustomerInvoiceCreated");
        await Expect(rows).ToHaveCountAsync(2);

        await page.GotoAsync(invoiceUrl);
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm invoice" }).ClickAsync();
        await Expect(page.Locator("[data-invoice-status]")).ToHaveTextAsync("Confirmed");

        await page.GotoAsync("/psa/actuals?type=BilledSales&sort=date");
        await FilterByBillingStatusAsync(page, "CustomerInvoicePosted");
        var billed = new List<(string, string, string, string)>();
        foreach (var row in await rows.AllAsync())
            billed.Add((await row.Locator("a").InnerTextAsync(), await row.Locator("[data-cell=billing-type]").InnerTextAsync(),
                await row.Locator("[data-cell=quantity]").InnerTextAsync(), await row.Locator("[data-cell=amount]").InnerTextAsync()));
        // Billed sales are dated on the invoice: Monday's 6 chargeable and 2 non-chargeable hours, Tuesday's 8 non-chargeable.
        billed.ShouldBe([
            ("2018-02-28", "Chargeable", "6", "600.00"), ("2018-02-28", "NonChargeable", "2", "200.00"), ("2018-02-28", "NonChargeable", "8", "800.00"),
        ], ignoreOrder: true);
    }

    /// <summary>Chooses a billing status in the list's filters and applies them.</summary>
    private static async Task FilterByBillingStatusAsync(IPage page, string status)
    {
        var panel = page.Locator("[data-filter-panel]");
        if (await panel.GetAttributeAsync("open") is null) await page.GetByText("Filters", new() { Exact = false }).First.ClickAsync();
        await page.GetByLabel("Billing status", new() { Exact = true }).SelectOptionAsync(status);
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await page.WaitForURLAsync($"**status={status}*");
    }
}
