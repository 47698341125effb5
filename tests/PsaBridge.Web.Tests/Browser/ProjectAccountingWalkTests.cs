using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PsaBridge.Web.Tests.Browser;

/// <summary>
/// The day's work end to end in Chromium (issue 25, "Done means"): a week of time entered and submitted, approved with
/// fewer billable hours, invoiced, confirmed, corrected to fewer hours, and the actuals at each step, figure by figure.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ProjectAccountingWalkTests(Chromium chromium)
{
    [Fact]
    public async Task Time_entered_approved_with_fewer_billable_hours_invoiced_and_corrected_shows_each_step_in_the_actuals()
    {
        await using var site = await WebSite.StartAsync();
        var world = await AccountingWorld.ArrangeAsync(site.Services);
        var page = await chromium.OpenAsync(site);

        // A week of time: Monday and Tuesday, 8 hours each, submitted.
        await page.GotoAsync($"/psa/time?resource={world.Ashley}&week=2018-02-05");
        await page.GetByLabel("Project of new row 1").SelectOptionAsync(new SelectOptionValue { Label = "Alpine CRM implementation" });
        await page.GetByLabel("Role of new row 1").SelectOptionAsync(new SelectOptionValue { Label = "Project Manager" });
        await page.GetByLabel("Hours on Monday 5 February, new row 1").FillAsync("8");
        await page.GetByLabel("Hours on Tuesday 6 February, new row 1").FillAsync("8");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit week" }).ClickAsync();
        await Expect(page.Locator("[data-notice]")).ToHaveTextAsync("2 entries submitted for approval.");

        // Approved, Monday with 6 of its 8 hours billable.
        await page.GetByRole(AriaRole.Link, new() { Name = "Approvals" }).ClickAsync();
        var queue = page.Locator("[data-approvals] tbody tr");
        await Expect(queue).ToHaveCountAsync(2);
        (await queue.Locator("[data-cell=quantity]").AllInnerTextsAsync()).ShouldBe(["8", "8"]);
        await page.GetByLabel("Billable quantity of Ashley Chinn, 5 February, Alpine CRM implementation").FillAsync("6");
        await page.GetByLabel("Select Ashley Chinn, 5 February, Alpine CRM implementation").CheckAsync();
        await page.GetByLabel("Select Ashley Chinn, 6 February, Alpine CRM implementation").CheckAsync();
        await page.GetByLabel("Comment to the resources").FillAsync("Two hours of Monday were internal");
        await Screenshots.SaveAsync(page, "approvals-before-approving");
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true }).ClickAsync();
        await Expect(page.Locator("[data-notice]")).ToHaveTextAsync("2 of 2 entries approved.");
        await Expect(page.Locator("[data-empty]")).ToHaveTextAsync("Nothing waits for approval.");

        // The actuals: cost for 16 hours, chargeable unbilled sales for 14, non-chargeable for Monday's other 2.
        await page.GotoAsync($"/psa/actuals?project-id={world.Project}&sort=date");
        (await RowsAsync(page)).ShouldBe([
            ("Cost", "Chargeable", "", "8", "400.00"), ("UnbilledSales", "NonChargeable", "UnbilledSalesCreated", "2", "200.00"),
            ("UnbilledSales", "Chargeable", "UnbilledSalesCreated", "6", "600.00"),
            ("Cost", "Chargeable", "", "8", "400.00"), ("UnbilledSales", "Chargeable", "UnbilledSalesCreated", "8", "800.00"),
        ], ignoreOrder: true);
        await ExpectTotalAsync(page, "Cost", "16", "800.00");
        await ExpectTotalAsync(page, "UnbilledSales", "16", "1,600.00");
        await Screenshots.SaveAsync(page, "actuals-after-approval");

        // An invoice from the contract, confirmed: 14 chargeable hours billed.
        await page.GetByRole(AriaRole.Link, new() { Name = "Contracts" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "New invoice of Alpine CRM" }).ClickAsync();
        await Expect(page.GetByLabel("CRM implementation (TimeAndMaterial)")).ToBeCheckedAsync();
        await page.GetByLabel("Invoice date").FillAsync("2018-02-28");
        await page.GetByLabel("Transaction cut-off date").FillAsync("2018-02-28");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create draft invoice" }).ClickAsync();
        await Expect(page.Locator("[data-invoice-status]")).ToHaveTextAsync("Draft");
        await Expect(page.Locator("[data-invoice-total]")).ToHaveTextAsync("1,400.00 USD");
        await Expect(page.Locator("[data-invoice-details] tbody tr")).ToHaveCountAsync(3);
        // Confirming cannot be undone, so it is asked first.
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm", Exact = true }).ClickAsync();
        await Expect(page.Locator("[data-confirm] h2")).ToHaveTextAsync("Confirm invoice 'Alpine CRM 2018-02-28'?");
        await Expect(page.Locator("[data-confirm] #confirm-detail")).ToHaveTextAsync(
            "Confirming cannot be undone: the invoice becomes read-only and its billed sales of 1,400.00 USD are posted; a mistake is then put right by a corrective invoice.");
        await Expect(page.Locator("[data-invoice-status]")).ToHaveTextAsync("Draft");
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm invoice" }).ClickAsync();
        await Expect(page.Locator("[data-invoice-status]")).ToHaveTextAsync("Confirmed");
        var invoiceUrl = page.Url;

        // Corrected: Monday's 6 billed hours down to 4; the other details stand.
        await page.GetByLabel("Date of the correction").FillAsync("2018-03-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Correct this invoice" }).ClickAsync();
        await Expect(page.Locator("[data-invoice-status]")).ToHaveTextAsync("Draft");
        await Expect(page.Locator("[data-invoice-total]")).ToHaveTextAsync("0.00 USD");
        var details = page.Locator("[data-invoice-details] tbody tr");
        await Expect(details).ToHaveCountAsync(3);
        foreach (var (billedBefore, billingType, standing) in new[] { ("6", "Chargeable", "4"), ("2", "NonChargeable", "2"), ("8", "Chargeable", "8") })
        {
            var detail = details.Filter(new() { Has = page.Locator($"td.num:text-is('{billedBefore}')") })
                .Filter(new() { Has = page.Locator($"select:has(option[selected][value='{billingType}'])") });
            await detail.Locator("input[inputmode=decimal]").FillAsync(standing);
        }
        await Screenshots.SaveAsync(page, "invoice-correction-draft");
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm", Exact = true }).ClickAsync();
        await Expect(page.Locator("[data-confirm] #confirm-detail")).ToHaveTextAsync(
            "3 details saved. Confirming cannot be undone: the invoice becomes read-only and its billed sales of 1,200.00 USD are posted; a mistake is then put right by a corrective invoice.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm invoice" }).ClickAsync();
        await Expect(page.Locator("[data-invoice-status]")).ToHaveTextAsync("Confirmed");
        await Expect(page.Locator("[data-invoice-total]")).ToHaveTextAsync("1,200.00 USD");

        // The correction's actuals: every billed sales reversed, billed again at what stands, Monday's 2 hours unbilled again.
        await page.GotoAsync($"/psa/actuals?project-id={world.Project}&date-from=2018-03-01");
        (await RowsAsync(page)).ShouldBe([
            ("BilledSales", "Chargeable", "CustomerInvoicePosted", "-6", "-600.00"), ("BilledSales", "NonChargeable", "CustomerInvoicePosted", "-2", "-200.00"),
            ("BilledSales", "Chargeable", "CustomerInvoicePosted", "-8", "-800.00"),
            ("BilledSales", "Chargeable", "CustomerInvoicePosted", "4", "400.00"), ("BilledSales", "NonChargeable", "CustomerInvoicePosted", "2", "200.00"),
            ("BilledSales", "Chargeable", "CustomerInvoicePosted", "8", "800.00"),
            ("UnbilledSales", "Chargeable", "UnbilledSalesCreated", "2", "200.00"),
        ], ignoreOrder: true);
        await page.GotoAsync($"/psa/actuals?project-id={world.Project}");
        await ExpectTotalAsync(page, "Cost", "16", "800.00");
        await ExpectTotalAsync(page, "UnbilledSales", "2", "200.00");
        await ExpectTotalAsync(page, "BilledSales", "14", "1,400.00");
        await Screenshots.SaveAsync(page, "actuals-after-correction");

        // The remainder names where it came from, and what it replaces.
        await page.GotoAsync($"/psa/actuals?project-id={world.Project}&type=UnbilledSales&status=UnbilledSalesCreated");
        await page.Locator("[data-actuals] tbody tr a").First.ClickAsync();
        await Expect(page.Locator("[data-origins] li")).ToHaveCountAsync(8);
        await Expect(page.Locator("[data-connections] li")).ToHaveTextAsync("This is Replacing to the Original: Actual");
        await page.GotoAsync(invoiceUrl);
        await Expect(page.Locator("[data-corrections]")).ToContainTextAsync("(Confirmed)");
    }

    private static async Task<List<(string Type, string BillingType, string Status, string Quantity, string Amount)>> RowsAsync(IPage page)
    {
        var rows = new List<(string, string, string, string, string)>();
        foreach (var row in await page.Locator("[data-actuals] tbody tr").AllAsync())
            rows.Add((await row.Locator("[data-cell=type]").InnerTextAsync(), await row.Locator("[data-cell=billing-type]").InnerTextAsync(),
                await row.Locator("[data-cell=billing-status]").InnerTextAsync(), await row.Locator("[data-cell=quantity]").InnerTextAsync(),
                await row.Locator("[data-cell=amount]").InnerTextAsync()));
        return rows;
    }

    private static async Task ExpectTotalAsync(IPage page, string type, string quantity, string amount)
    {
        await Expect(page.Locator($"[data-total='{type}-USD'] [data-cell=quantity]")).ToHaveTextAsync(quantity);
        await Expect(page.Locator($"[data-total='{type}-USD'] [data-cell=amount]")).ToHaveTextAsync(amount);
    }
}
