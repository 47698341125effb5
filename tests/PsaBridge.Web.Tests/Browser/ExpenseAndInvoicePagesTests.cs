using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PsaBridge.Psa.Invoicing;
using PsaBridge.Psa.Pricing;
using PsaBridge.Psa.Time;
using static Microsoft.Playwright.Assertions;

namespace PsaBridge.Web.Tests.Browser;

/// <summary>
/// Expenses entered and submitted, a rejection with its comment, a draft invoice deleted only after a confirmation, and
/// selected drafts confirmed together from the list, in Chromium.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ExpenseAndInvoicePagesTests(Chromium chromium)
{
    [Fact]
    public async Task An_expense_is_entered_with_its_category_amount_and_currency_refused_in_the_labels_words_submitted_and_rejected_with_a_comment()
    {
        await using var site = await WebSite.StartAsync();
        var world = await AccountingWorld.ArrangeAsync(site.Services);
        await using (var scope = site.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<PriceListService>().CreateCategoryAsync(new TransactionCategoryInput("Hotel", DefaultUnit: "Night"));
        var page = await chromium.OpenAsync(site);
        await page.GotoAsync($"/psa/expenses?resource={world.Ashley}");
        var form = page.Locator("[data-new-expense]"); // the list's filters below carry some of the same labels

        await form.GetByLabel("Date").FillAsync("2018-02-05");
        await form.GetByLabel("Project").SelectOptionAsync(new SelectOptionValue { Label = "Alpine CRM implementation" });
        await form.GetByLabel("Quantity").FillAsync("2");
        await form.GetByLabel("Price").FillAsync("189.50");
        await form.GetByLabel("Currency").FillAsync("DOLLARS");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add expense" }).ClickAsync();
        await Expect(page.Locator("#Input_TransactionCategoryId-error")).ToHaveTextAsync("Category is required.");
        await Expect(page.Locator("#Input_Currency-error")).ToHaveTextAsync("Currency 'DOLLARS' is not an ISO 4217 code (three letters, such as USD).");
        await Screenshots.SaveAsync(page, "expense-with-errors");

        await form.GetByLabel("Category").SelectOptionAsync(new SelectOptionValue { Label = "Hotel" });
        await form.GetByLabel("Currency").FillAsync("usd");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add expense" }).ClickAsync();
        await Expect(page.Locator("[data-notice]")).ToHaveTextAsync("Expense of 379.00 USD on 5 February 2018 saved as a draft; submit it for approval.");
        var row = page.Locator("[data-expenses] tbody tr");
        await Expect(row.Locator("[data-cell=status]")).ToHaveTextAsync("Draft");
        await Expect(row.Locator("[data-cell=amount]")).ToHaveTextAsync("379.00");
        await page.GetByLabel("Select Hotel of 5 February").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit", Exact = true }).ClickAsync();
        await Expect(page.Locator("[data-notice]")).ToHaveTextAsync("1 of 1 submitted.");
        await Expect(row.Locator("[data-cell=status]")).ToHaveTextAsync("Submitted");

        await page.GotoAsync("/psa/approvals?type=Expense");
        await page.GetByLabel("Select Ashley Chinn, 5 February, Alpine CRM implementation").CheckAsync();
        await page.GetByLabel("Comment to the resources").FillAsync("Attach the hotel's receipt");
        await page.GetByRole(AriaRole.Button, new() { Name = "Return / reject" }).ClickAsync();
        await Expect(page.Locator("[data-notice]")).ToHaveTextAsync("1 of 1 entry returned or rejected.");

        await page.GotoAsync($"/psa/expenses?resource={world.Ashley}");
        await Expect(row.Locator("[data-cell=status]")).ToHaveTextAsync("Rejected");
        await Expect(row).ToContainTextAsync("Attach the hotel's receipt");
    }

    [Fact]
    public async Task A_draft_invoice_is_deleted_only_after_its_confirmation_and_its_unbilled_sales_are_ready_again()
    {
        await using var site = await WebSite.StartAsync();
        var world = await AccountingWorld.ArrangeAsync(site.Services);
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var entries = scope.ServiceProvider.GetRequiredService<TimeEntryService>();
            var entry = await entries.CreateAsync(new TimeEntryInput(new DateOnly(2018, 2, 5), 480, world.Ashley, world.Project));
            await entries.SubmitAsync(entry.Id);
            await entries.ApproveAsync(entry.Id);
        }
        var page = await chromium.OpenAsync(site);
        await page.GotoAsync($"/psa/invoices/new?contract={world.Contract}");
        await page.GetByLabel("Invoice date").FillAsync("2018-02-28");
        await page.GetByLabel("Transaction cut-off date").FillAsync("2018-02-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create draft invoice" }).ClickAsync();
        await Expect(page.Locator("[data-error-summary] li")).ToHaveTextAsync(
            "Contract 'Alpine CRM' has no unbilled sales dated on or before 2018-02-01 and no milestone ready for invoicing.");
        await page.GetByLabel("Transaction cut-off date").FillAsync("2018-02-28");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create draft invoice" }).ClickAsync();
        await Expect(page.Locator("[data-invoice-total]")).ToHaveTextAsync("800.00 USD");

        await page.GetByRole(AriaRole.Button, new() { Name = "Delete draft" }).ClickAsync();
        await Expect(page.Locator("[data-confirm] h2")).ToHaveTextAsync("Delete draft invoice 'Alpine CRM 2018-02-28'?");
        await page.Locator("[data-confirm-no]").ClickAsync();
        await Expect(page.Locator("[data-invoice-status]")).ToHaveTextAsync("Draft");
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete draft" }).ClickAsync();
        await page.Locator("[data-confirm-yes]").ClickAsync();
        await Expect(page.Locator("[data-notice]")).ToHaveTextAsync("The draft invoice is deleted; what it gathered is ready to invoice again.");
        await Expect(page.Locator("[data-empty]")).ToHaveTextAsync("No invoices found.");

        await page.GotoAsync("/psa/actuals?type=UnbilledSales");
        await Expect(page.Locator("[data-actuals] [data-cell=billing-status]")).ToHaveTextAsync("UnbilledSalesCreated");
    }

    [Fact]
    public async Task Selected_draft_invoices_are_confirmed_together_each_refusal_named_and_the_selection_exports_alone()
    {
        await using var site = await WebSite.StartAsync();
        var world = await AccountingWorld.ArrangeAsync(site.Services);
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var entries = scope.ServiceProvider.GetRequiredService<TimeEntryService>();
            foreach (var day in new[] { 5, 12 })
            {
                var entry = await entries.CreateAsync(new TimeEntryInput(new DateOnly(2018, 2, day), 480, world.Ashley, world.Project));
                await entries.SubmitAsync(entry.Id);
                await entries.ApproveAsync(entry.Id);
            }
            var invoices = scope.ServiceProvider.GetRequiredService<InvoiceService>();
            await invoices.CreateDraftAsync(new InvoiceInput(world.Contract, new DateOnly(2018, 2, 9)));
            await invoices.CreateDraftAsync(new InvoiceInput(world.Contract, new DateOnly(2018, 2, 28)));
        }
        var page = await chromium.OpenAsync(site);
        await page.GotoAsync("/psa/invoices?sort=date");
        var status = page.Locator("[data-invoices] [data-cell=status]");
        (await status.AllInnerTextsAsync()).ShouldBe(["Draft", "Draft"]);

        await page.GetByLabel("Select Alpine CRM 2018-02-28").CheckAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Export selected (CSV)" }).ClickAsync());
        (await File.ReadAllLinesAsync((await download.PathAsync())!)).Skip(1).Select(l => l.Split(',')[0]).ShouldBe(["Alpine CRM 2018-02-28"]);

        await page.GotoAsync("/psa/invoices?sort=date");
        await page.GetByLabel("Select all invoices on this page").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm selected drafts" }).ClickAsync();
        await Expect(page.Locator("[data-notice]")).ToHaveTextAsync("2 of 2 confirmed.");
        (await status.AllInnerTextsAsync()).ShouldBe(["Confirmed", "Confirmed"]);
        (await page.Locator("[data-invoices] [data-cell=total]").AllInnerTextsAsync()).ShouldBe(["800.00", "800.00"]);

        await page.GetByLabel("Select Alpine CRM 2018-02-09").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm selected drafts" }).ClickAsync();
        await Expect(page.Locator("[data-notice]")).ToHaveTextAsync(
            "0 of 1 confirmed. Not done: Invoice 'Alpine CRM 2018-02-09' is Confirmed and read-only; only a draft invoice can be changed.");
    }
}
