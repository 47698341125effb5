using Microsoft.Extensions.DependencyInjection;
using PsaBridge.Psa.Actuals;
using PsaBridge.Psa.Expenses;
using PsaBridge.Psa.Invoicing;
using PsaBridge.Psa.Pricing;
using PsaBridge.Psa.Projects;
using PsaBridge.Psa.Sales.Opportunities;
using PsaBridge.Psa.Sales.Quotes;
using PsaBridge.Psa.Time;
using PsaBridge.Testing;
using static PsaBridge.Web.Tests.Browser.ListExportTests;

namespace PsaBridge.Web.Tests.Browser;

/// <summary>The project-accounting, sales and planning lists' CSV and XLSX exports carry exactly the rows their filters keep (all of them, not one page).</summary>
[Trait("Engine", "Both")]
public sealed class AccountingListExportTests
{
    [Fact]
    public async Task Each_project_accounting_lists_csv_export_carries_exactly_its_filtered_rows()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var world = await AccountingWorld.ArrangeAsync(app.Services);
        await using var scope = app.Services.CreateAsyncScope();
        T Get<T>() where T : notnull => scope.ServiceProvider.GetRequiredService<T>();
        var monday = new DateOnly(2018, 2, 5);
        var entries = new List<Guid>();
        foreach (var (day, minutes) in new[] { (0, 480), (1, 480), (2, 240) })
            entries.Add((await Get<TimeEntryService>().CreateAsync(new TimeEntryInput(monday.AddDays(day), minutes, world.Ashley, world.Project))).Id);
        await Get<TimeEntryService>().SubmitAsync(entries[0]);
        await Get<TimeEntryService>().SubmitAsync(entries[1]);
        var taxi = await Get<PriceListService>().CreateCategoryAsync(new TransactionCategoryInput("Taxi"));
        var expense = await Get<ExpenseService>().CreateAsync(new ExpenseInput(monday, taxi.Id, world.Project, 1m, 35m, ResourceId: world.Ashley));
        await Get<ExpenseService>().SubmitAsync(expense.Id);
        await Get<ExpenseService>().CreateAsync(new ExpenseInput(monday.AddDays(1), taxi.Id, world.Project, 2m, 20m, ResourceId: world.Ashley));
        var client = app.CreateClient();

        var queue = await CsvAsync(client, $"/psa/approvals?handler=Export&format=csv&type=Time&project-id={world.Project}");
        queue[0][..4].ShouldBe(["Date", "Type", "Stage", "Resource"]);
        queue.Skip(1).Select(r => (r[0], r[1], r[Array.IndexOf(queue[0], "Quantity")])).ShouldBe([("2018-02-05", "Time", "8"), ("2018-02-06", "Time", "8")]);
        var expenseQueue = await CsvAsync(client, "/psa/approvals?handler=Export&format=csv&type=Expense");
        expenseQueue.Skip(1).Select(r => (r[1], r[Array.IndexOf(expenseQueue[0], "Role or category")], Number(r[Array.IndexOf(expenseQueue[0], "Amount")])))
            .ShouldBe([("Expense", "Taxi", 35m)]);

        await Get<TimeEntryService>().ApproveTimeEntries(entries[..2], new ApprovalDecision(new Dictionary<Guid, decimal> { [entries[0]] = 6m }));
        var unbilled = await CsvAsync(client, "/psa/actuals?handler=Export&format=csv&type=UnbilledSales&sort=date");
        var amount = Array.IndexOf(unbilled[0], "Amount");
        unbilled.Skip(1).Select(r => (r[0], r[Array.IndexOf(unbilled[0], "Billing type")], Number(r[amount])))
            .ShouldBe([("2018-02-05", "NonChargeable", 200m), ("2018-02-05", "Chargeable", 600m), ("2018-02-06", "Chargeable", 800m)], ignoreOrder: true);
        (await CsvAsync(client, "/psa/actuals?handler=Export&format=csv&billing=NonChargeable")).Skip(1).Select(r => Number(r[amount])).ShouldBe([200m]);
        (await CsvAsync(client, "/psa/actuals?handler=Export&format=csv&type=Cost&date-from=2018-02-06&date-to=2018-02-06")).Skip(1).Select(r => Number(r[amount]))
            .ShouldBe([400m]);
        (await CsvAsync(client, $"/psa/actuals?handler=Export&format=csv&contract-id={world.Contract}")).Count.ShouldBe(1 + 5);

        var expenses = await CsvAsync(client, $"/psa/expenses?handler=Export&format=csv&resource={world.Ashley}&status=Submitted");
        expenses.Skip(1).Select(r => (r[Array.IndexOf(expenses[0], "Category")], Number(r[Array.IndexOf(expenses[0], "Amount")]))).ShouldBe([("Taxi", 35m)]);
        (await CsvAsync(client, $"/psa/expenses?handler=Export&format=csv&resource={world.Ashley}")).Count.ShouldBe(1 + 2);

        await Get<InvoiceService>().CreateDraftAsync(new InvoiceInput(world.Contract, new DateOnly(2018, 2, 28)));
        var drafts = await CsvAsync(client, "/psa/invoices?handler=Export&format=csv&status=Draft");
        drafts.Skip(1).Select(r => (r[0], Number(r[Array.IndexOf(drafts[0], "Total")]))).ShouldBe([("Alpine CRM 2018-02-28", 1400m)]);
        (await CsvAsync(client, "/psa/invoices?handler=Export&format=csv&status=Confirmed")).Count.ShouldBe(1);

        var contracts = await CsvAsync(client, "/psa/contracts?handler=Export&format=csv&name=alpine");
        contracts.Skip(1).Select(r => (r[0], r[1], r[Array.IndexOf(contracts[0], "Lines")])).ShouldBe([("Alpine CRM", "Alpine Ski House", "1")]);
        (await CsvAsync(client, "/psa/contracts?handler=Export&format=csv&name=contoso")).Count.ShouldBe(1);

        await Get<ProjectService>().CreateAsync(new ProjectInput("Contoso internal training", world.Unit));
        var projects = await CsvAsync(client, $"/psa/projects?handler=Export&format=csv&customer-id={world.Customer}");
        projects[0][..3].ShouldBe(["Project", "Customer", "Contract"]);
        projects.Skip(1).Select(r => (r[0], r[1], r[2], r[Array.IndexOf(projects[0], "Tasks")], r[Array.IndexOf(projects[0], "Team members")]))
            .ShouldBe([("Alpine CRM implementation", "Alpine Ski House", "Alpine CRM", "1", "1")]);
        (await CsvAsync(client, "/psa/projects?handler=Export&format=csv&name=training")).Skip(1).Select(r => r[0]).ShouldBe(["Contoso internal training"]);
        (await CsvAsync(client, "/psa/projects?handler=Export&format=csv")).Count.ShouldBe(1 + 2);
    }

    [Fact]
    public async Task Each_sales_and_planning_lists_csv_export_carries_exactly_its_filtered_rows()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var world = await AccountingWorld.ArrangeAsync(app.Services);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var opportunities = scope.ServiceProvider.GetRequiredService<OpportunityService>();
            await opportunities.CreateAsync(new OpportunityInput("Alpine CRM", world.Customer, ContractingUnitId: world.Unit, EstimatedValue: 30_000m));
            await opportunities.CreateAsync(new OpportunityInput("Alpine ski school scheduling", world.Customer, ContractingUnitId: world.Unit, EstimatedValue: 12_000m));
            var quotes = scope.ServiceProvider.GetRequiredService<QuoteService>();
            await quotes.CreateAsync(new QuoteInput("Alpine CRM quote", world.Customer, world.Unit, Lines: []));
            await quotes.CreateAsync(new QuoteInput("Ski school quote", world.Customer, world.Unit, Lines: []));
            await scope.ServiceProvider.GetRequiredService<ProjectService>().CreateAsync(new ProjectInput("Contoso internal training", world.Unit));
        }
        var client = app.CreateClient();

        var opportunityRows = await CsvAsync(client, "/sales/opportunities?handler=Export&format=csv&name=crm");
        opportunityRows[0][0].ShouldBe("Topic");
        opportunityRows.Skip(1).Select(r => (r[0], Number(r[Array.IndexOf(opportunityRows[0], "Est. revenue")]))).ShouldBe([("Alpine CRM", 30_000m)]);
        (await CsvAsync(client, "/sales/opportunities?handler=Export&format=csv")).Count.ShouldBe(1 + 2);

        var quoteRows = await CsvAsync(client, "/sales/quotes?handler=Export&format=csv&name=ski");
        quoteRows.Skip(1).Select(r => r[0]).ShouldBe(["Ski school quote"]);
        (await CsvAsync(client, "/sales/quotes?handler=Export&format=csv&sort=name")).Skip(1).Select(r => r[0]).ShouldBe(["Alpine CRM quote", "Ski school quote"]);

        var planned = await CsvAsync(client, "/planning/projects?handler=Export&format=csv&name=training");
        planned.Skip(1).Select(r => r[0]).ShouldBe(["Contoso internal training"]);
        (await CsvAsync(client, "/planning/projects?handler=Export&format=csv&sort=name")).Skip(1).Select(r => r[0])
            .ShouldBe(["Alpine CRM implementation", "Contoso internal training"]);
    }

    [Fact]
    public async Task A_lists_xlsx_export_carries_exactly_its_filtered_rows_with_amounts_as_numbers()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var world = await AccountingWorld.ArrangeAsync(app.Services);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var time = scope.ServiceProvider.GetRequiredService<TimeEntryService>();
            var ids = new List<Guid>();
            foreach (var day in new[] { 5, 6 })
            {
                var entry = await time.CreateAsync(new TimeEntryInput(new DateOnly(2018, 2, day), 480, world.Ashley, world.Project));
                await time.SubmitAsync(entry.Id);
                ids.Add(entry.Id);
            }
            await time.ApproveTimeEntries(ids, new ApprovalDecision(new Dictionary<Guid, decimal> { [ids[0]] = 6m }));
        }

        var response = await app.CreateClient().GetAsync("/psa/actuals?handler=Export&format=xlsx&type=UnbilledSales&billing=Chargeable&sort=date");

        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.Content.Headers.ContentDisposition!.FileName.ShouldBe("actuals.xlsx");
        var rows = Workbook.Rows(await response.Content.ReadAsByteArrayAsync());
        var (type, billing, amount) = (Array.IndexOf(rows[0], "Transaction type"), Array.IndexOf(rows[0], "Billing type"), Array.IndexOf(rows[0], "Amount"));
        rows[0][0].ShouldBe("Document date");
        rows.Skip(1).Select(r => (r[type], r[billing], Number(r[amount]))).ShouldBe([
            ("UnbilledSales", "Chargeable", 600m), ("UnbilledSales", "Chargeable", 800m),
        ], ignoreOrder: true);
    }

    /// <summary>A number as the CSV writes it (invariant; the scale the database keeps may differ between engines).</summary>
    private static decimal Number(string text) => decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
