using Microsoft.Extensions.DependencyInjection;
using System.Net;
using PsaBridge.Testing;

namespace PsaBridge.Psa.Tests.Api;

[Trait("Engine", "Both")]
public sealed class ProjectAccountingFlowTests
{
    [Fact]
    public async Task A_project_without_a_customer_posts_cost_only()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();
        var alpine = await Alpine.SetUpAsync(client, withCustomer: false, withContract: false, withSalesList: false);

        await alpine.ApprovedTimeEntryAsync(client);

        var actual = (await client.ActualsAsync($"?projectId={alpine.Project}")).ShouldHaveSingleItem();
        actual.Text("transactionType").ShouldBe("Cost");
        (actual.Number("quantity"), actual.Number("unitPrice"), actual.Number("amount")).ShouldBe((8m, 50m, 400m));
        actual.GetProperty("customerId").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        (await client.GetOkAsync($"actuals/{actual.Id()}")).GetProperty("connections").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task A_project_with_a_customer_but_no_contract_posts_unbilled_sales_on_the_customers_price_list()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();
        var alpine = await Alpine.SetUpAsync(client, withContract: false);

        await alpine.ApprovedTimeEntryAsync(client);

        var actuals = await client.ActualsAsync($"?projectId={alpine.Project}");
        actuals.Select(a => (a.Text("transactionType"), a.Number("amount"))).ShouldBe([("Cost", 400m), ("UnbilledSales", 800m)]);
        actuals[1].Id("customerId").ShouldBe(alpine.Customer);
        actuals[1].GetProperty("contractId").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task A_fixed_price_line_posts_cost_only_and_its_ready_milestone_is_billed()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();
        var alpine = await Alpine.SetUpAsync(client, billingMethod: "FixedPrice",
            milestones: [new { name = "Design signed off", invoiceDate = "2018-02-04", amount = 2500.00m }, new { name = "Go live", invoiceDate = "2018-06-30", amount = 7500.00m }]);

        await alpine.ApprovedTimeEntryAsync(client);
        (await client.ActualsAsync($"?projectId={alpine.Project}")).ShouldHaveSingleItem().Text("transactionType").ShouldBe("Cost");

        // Nothing is ready yet: no invoice.
        var nothing = await client.PostProblemAsync("invoices", new { contractId = alpine.Contract, invoiceDate = "2018-02-04" }, HttpStatusCode.Conflict);
        nothing.Text("detail").ShouldContain("no milestone ready for invoicing");

        var contract = await client.GetOkAsync($"contracts/{alpine.Contract}");
        var design = contract.GetProperty("lines")[0].GetProperty("milestones").EnumerateArray().Single(m => m.Text("name") == "Design signed off");
        design.Text("invoiceStatus").ShouldBe("NotReadyForInvoicing");
        (await client.PostOkAsync($"milestones/{design.Id()}/ready")).Text("invoiceStatus").ShouldBe("ReadyForInvoicing");

        var invoice = await client.CreateAsync("invoices", new { contractId = alpine.Contract, invoiceDate = "2018-02-04" });
        invoice.Number("totalAmount").ShouldBe(2500m);
        var detail = invoice.GetProperty("lines")[0].GetProperty("details").EnumerateArray().Single();
        detail.Id("milestoneId").ShouldBe(design.Id());
        await client.PostOkAsync($"invoices/{invoice.Id()}/confirm");

        var billed = (await client.ActualsAsync($"?contractId={alpine.Contract}&type=BilledSales")).ShouldHaveSingleItem();
        (billed.Text("transactionClass"), billed.Text("documentDate"), billed.Number("quantity"), billed.Number("unitPrice"), billed.Number("amount"))
            .ShouldBe(("Milestone", "2018-02-04", 1m, 2500m, 2500m));
        billed.Text("customer").ShouldBe("Alpine Ski House");
        var origins = (await client.GetOkAsync($"actuals/{billed.Id()}")).GetProperty("origins").EnumerateArray().Select(o => o.Text("originType")).Order().ToList();
        origins.ShouldBe(["invoice", "invoicedetail", "msdyn_contractlinescheduleofvalue", "msdyn_invoicelinetransaction"]);
        (await client.GetOkAsync($"contracts/{alpine.Contract}")).GetProperty("lines")[0].GetProperty("milestones").EnumerateArray()
            .Single(m => m.Id() == design.Id()).Text("invoiceStatus").ShouldBe("CustomerInvoicePosted");
        (await client.ActualsAsync($"?contractId={alpine.Contract}&type=UnbilledSales")).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_expense_sells_at_cost_or_with_its_markup()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();
        var alpine = await Alpine.SetUpAsync(client, withSalesList: false);
        var hotel = await client.CreateIdAsync("transaction-categories", new { name = "Hotel", defaultUnit = "Night" });
        var airfare = await client.CreateIdAsync("transaction-categories", new { name = "Airfare" });
        var mileage = await client.CreateIdAsync("transaction-categories", new { name = "Mileage", defaultUnit = "Mile" });
        var sales = await client.CreateIdAsync("price-lists", new
        {
            name = "Alpine CRM sales", context = "Sales", currency = "USD", beginDate = "2018-01-01",
            rolePrices = new[] { new { roleId = alpine.ProjectManager, price = 100m } },
            categoryPrices = new object[]
            {
                new { transactionCategoryId = hotel, priceCalculation = "AtCost" },
                new { transactionCategoryId = airfare, priceCalculation = "MarkupPercentage", percent = 15m },
                new { transactionCategoryId = mileage, priceCalculation = "PricePerUnit", price = 0.75m },
            },
        });
        var contract = await client.CreateIdAsync("contracts", new
        {
            name = "Alpine travel", customerId = alpine.Customer, contractingUnitId = alpine.Unit, priceListIds = new[] { sales },
            lines = new[] { new { name = "Travel", billingMethod = "TimeAndMaterial", projectId = (await ProjectAsync(client, alpine)) } },
        });

        var project = (await client.GetOkAsync($"contracts/{contract}")).GetProperty("lines")[0].Id("projectId");
        async Task<Guid> ApprovedExpense(Guid category, decimal quantity, decimal price)
        {
            var id = await client.CreateIdAsync("expense-entries", new
            {
                transactionDate = "2018-02-03", transactionCategoryId = category, projectId = project, quantity, price, resourceId = alpine.Ashley,
            });
            (await client.PostOkAsync($"expense-entries/{id}/submit")).Text("expenseStatus").ShouldBe("Submitted");
            (await client.PostOkAsync($"expense-entries/{id}/approve")).Text("expenseStatus").ShouldBe("Approved");
            return id;
        }
        var hotelExpense = await ApprovedExpense(hotel, 2m, 189.50m);
        var flight = await ApprovedExpense(airfare, 1m, 420.00m);
        var miles = await ApprovedExpense(mileage, 100m, 0.545m);

        var rows = (await client.ActualsAsync($"?projectId={project}"))
            .Select(a => (a.Id("sourceEntryId"), a.Text("transactionType"), a.Text("transactionClass"), a.Number("quantity"), a.Number("unitPrice"), a.Number("amount")))
            .ToList();
        rows.ShouldBe([
            (hotelExpense, "Cost", "Expense", 2m, 189.50m, 379.00m), (hotelExpense, "UnbilledSales", "Expense", 2m, 189.50m, 379.00m),
            (flight, "Cost", "Expense", 1m, 420.00m, 420.00m), (flight, "UnbilledSales", "Expense", 1m, 483.00m, 483.00m),
            (miles, "Cost", "Expense", 100m, 0.545m, 54.50m), (miles, "UnbilledSales", "Expense", 100m, 0.75m, 75.00m),
        ], ignoreOrder: true);
        (await client.ActualsAsync($"?projectId={project}")).Where(a => a.Text("transactionType") == "UnbilledSales")
            .ShouldAllBe(a => a.GetProperty("transactionCategory").GetString() != null);

        // The list filters by transaction date, both ends included.
        var march = await client.CreateIdAsync("expense-entries", new
        {
            transactionDate = "2018-03-10", transactionCategoryId = hotel, projectId = project, quantity = 1m, price = 150m, resourceId = alpine.Ashley,
        });
        async Task<List<Guid>> Listed(string dates) =>
            (await client.ListAsync($"expense-entries?projectId={project}&{dates}")).Select(e => e.Id("id")).ToList();
        (await Listed("from=2018-03-01")).ShouldBe([march]);
        (await Listed("to=2018-02-03")).ShouldBe([hotelExpense, flight, miles], ignoreOrder: true);
        (await Listed("from=2018-02-03&to=2018-03-10")).Count.ShouldBe(4);

        // The shared bulk approval names expenses in its reasons: an approved one and an unknown one fail alone.
        var unknown = Guid.NewGuid();
        var report = await client.PostOkAsync("expense-entries/approve", new { ids = new[] { hotelExpense, unknown } });
        (report.Number("requested"), report.Number("approved"), report.Number("failed")).ShouldBe((2m, 0m, 2m));
        report.GetProperty("results").EnumerateArray().Select(r => r.Text("error")).ShouldBe([
            $"Expense '{hotelExpense}' is Approved; only a submitted expense can be approved.", $"Expense '{unknown}' was not found.",
        ]);
    }

    [Fact]
    public async Task Cancelling_an_approval_reverses_cost_and_unbilled_sales_and_is_refused_once_invoiced()
    {
        await using var app = await PsaBridgeApp.StartAsync(a => a.WithServices(s => s.AddSingleton<TimeProvider>(new FixedClock(new DateTime(2018, 2, 5, 9, 0, 0, DateTimeKind.Utc)))));
        var client = app.CreateClient();
        var alpine = await Alpine.SetUpAsync(client);
        var entry = await alpine.ApprovedTimeEntryAsync(client);
        var originals = await client.ActualsAsync();

        var cancelled = await client.PostOkAsync($"time-entries/{entry}/cancel");
        cancelled.Text("entryStatus").ShouldBe("Cancelled");
        var all = await client.ActualsAsync($"?sourceEntryId={entry}");
        all.Count.ShouldBe(4);
        var reversals = all.Where(a => a.Text("documentDate") == "2018-02-05").ToList();
        reversals.Select(r => (r.Text("transactionType"), r.Number("quantity"), r.Number("unitPrice"), r.Number("amount"), r.Text("adjustmentStatus")))
            .ShouldBe([("Cost", -8m, 50m, -400m, "Unadjustable"), ("UnbilledSales", -8m, 100m, -800m, "Unadjustable")]);
        reversals[1].Text("billingStatus").ShouldBe("Canceled");
        foreach (var original in originals)
        {
            var now = await client.GetOkAsync($"actuals/{original.Id()}");
            now.GetProperty("actual").Text("adjustmentStatus").ShouldBe("Adjusted");
            var reversing = now.GetProperty("connections").EnumerateArray().Single(c => c.Text("transaction1Role") == "Reversing");
            reversing.Text("transaction2Role").ShouldBe("Original");
            reversals.Select(r => r.Id()).ShouldContain(reversing.Id("transaction1Id"));
        }
        // Cost and sales each net to zero; nothing is left to invoice.
        all.Where(a => a.Text("transactionType") == "Cost").Sum(a => a.Number("amount")).ShouldBe(0m);
        all.Where(a => a.Text("transactionType") == "UnbilledSales").Sum(a => a.Number("amount")).ShouldBe(0m);
        await client.PostProblemAsync("invoices", new { contractId = alpine.Contract, invoiceDate = "2018-02-28" }, HttpStatusCode.Conflict);
        await client.PostProblemAsync($"time-entries/{entry}/cancel", null, HttpStatusCode.Conflict);

        // An invoiced approval cannot be cancelled.
        var invoiced = await alpine.ApprovedTimeEntryAsync(client, "2018-02-04");
        await client.CreateAsync("invoices", new { contractId = alpine.Contract, invoiceDate = "2018-02-04" });
        var refused = await client.PostProblemAsync($"time-entries/{invoiced}/cancel", null, HttpStatusCode.Conflict);
        refused.Text("detail").ShouldContain("cannot be cancelled");
        (await client.ActualsAsync($"?sourceEntryId={invoiced}")).Count.ShouldBe(2);
        (await client.GetOkAsync($"time-entries/{invoiced}")).Text("entryStatus").ShouldBe("Approved");
    }

    [Fact]
    public async Task Without_an_effective_price_list_submission_fails_clearly_and_nothing_is_posted()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();
        var alpine = await Alpine.SetUpAsync(client);
        var entry = await alpine.TimeEntryAsync(client, date: "2019-03-01");

        var problem = await client.PostProblemAsync($"time-entries/{entry}/submit", null, HttpStatusCode.BadRequest);
        problem.ErrorsOf("date").ShouldBe(["No cost price list of organizational unit 'Contoso Consulting US' is effective on 2019-03-01, so no price can be set: add a price list whose begin and end dates include 2019-03-01."]);
        (await client.GetOkAsync($"time-entries/{entry}")).Text("entryStatus").ShouldBe("Draft");
        await client.PostProblemAsync($"time-entries/{entry}/approve", null, HttpStatusCode.Conflict);
        (await client.ActualsAsync()).ShouldBeEmpty();

        // A cost list for 2019 but still no sales list: the sales side fails the same way.
        await client.CreateIdAsync("price-lists", new
        {
            name = "Contoso US cost 2019", context = "Cost", currency = "USD", beginDate = "2019-01-01", organizationalUnitId = alpine.Unit,
            rolePrices = new[] { new { roleId = alpine.ProjectManager, price = 55m } },
        });
        problem = await client.PostProblemAsync($"time-entries/{entry}/submit", null, HttpStatusCode.BadRequest);
        problem.ErrorsOf("date").Single().ShouldStartWith("No sales price list of contract 'Alpine CRM' is effective on 2019-03-01");
        (await client.ActualsAsync()).ShouldBeEmpty();
        await using var db = app.Databases.OpenPsa();
        db.Set<PsaBridge.Psa.Journals.JournalLine>().Count().ShouldBe(0);
    }

    [Fact]
    public async Task With_more_than_one_effective_price_list_submission_fails_and_names_them()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();
        var alpine = await Alpine.SetUpAsync(client);
        await client.CreateIdAsync("price-lists", new
        {
            name = "Contoso US cost Q1 2018", context = "Cost", currency = "USD", beginDate = "2018-01-01", endDate = "2018-03-31", organizationalUnitId = alpine.Unit,
            rolePrices = new[] { new { roleId = alpine.ProjectManager, price = 45m } },
        });
        var entry = await alpine.TimeEntryAsync(client);

        var problem = await client.PostProblemAsync($"time-entries/{entry}/submit", null, HttpStatusCode.BadRequest);
        problem.ErrorsOf("date").ShouldBe(["More than one cost price list of organizational unit 'Contoso Consulting US' is effective on 2018-02-03 ('Contoso US cost 2018', 'Contoso US cost Q1 2018'); exactly one must be, so end one of them before the other begins."]);
        (await client.GetOkAsync($"time-entries/{entry}")).Text("entryStatus").ShouldBe("Draft");
        (await client.ActualsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_confirmed_invoice_is_read_only()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();
        var alpine = await Alpine.SetUpAsync(client);
        await alpine.ApprovedTimeEntryAsync(client);
        var invoice = await client.CreateIdAsync("invoices", new { contractId = alpine.Contract, invoiceDate = "2018-02-04" });
        await client.PostOkAsync($"invoices/{invoice}/confirm");

        (await client.PostProblemAsync($"invoices/{invoice}/confirm", null, HttpStatusCode.Conflict)).Text("detail").ShouldContain("read-only");
        var delete = await client.DeleteAsync($"/api/psa/invoices/{invoice}");
        delete.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await client.GetOkAsync($"invoices/{invoice}")).Text("status").ShouldBe("Confirmed");
        (await client.ActualsAsync()).Count.ShouldBe(4);
        (await client.ListAsync($"invoices?contractId={alpine.Contract}&status=Confirmed")).ShouldHaveSingleItem().Id().ShouldBe(invoice);
    }

    [Fact]
    public async Task Deleting_a_draft_invoice_makes_its_unbilled_sales_ready_again()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();
        var alpine = await Alpine.SetUpAsync(client);
        await alpine.ApprovedTimeEntryAsync(client);
        var draft = await client.CreateIdAsync("invoices", new { contractId = alpine.Contract, invoiceDate = "2018-02-04" });

        (await client.DeleteAsync($"/api/psa/invoices/{draft}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await client.ActualsAsync("?type=UnbilledSales")).ShouldHaveSingleItem().Text("billingStatus").ShouldBe("UnbilledSalesCreated");
        var again = await client.CreateAsync("invoices", new { contractId = alpine.Contract, invoiceDate = "2018-02-04" });
        again.Number("totalAmount").ShouldBe(800m);
    }

    [Fact]
    public async Task A_returned_entry_loses_its_journal_and_can_be_submitted_again()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();
        var alpine = await Alpine.SetUpAsync(client);
        var entry = await alpine.TimeEntryAsync(client);
        await client.PostOkAsync($"time-entries/{entry}/submit");

        (await client.PostOkAsync($"time-entries/{entry}/return")).Text("entryStatus").ShouldBe("Returned");
        await using (var db = app.Databases.OpenPsa())
        {
            db.Set<PsaBridge.Psa.Journals.JournalLine>().Count().ShouldBe(0);
            db.Set<PsaBridge.Psa.Actuals.TransactionOrigin>().Count().ShouldBe(0);
        }
        await client.PostOkAsync($"time-entries/{entry}/submit");
        await client.PostOkAsync($"time-entries/{entry}/approve");
        (await client.ActualsAsync()).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Bulk_approval_posts_every_submitted_entry_and_fails_the_bad_ones_alone()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();
        var alpine = await Alpine.SetUpAsync(client);
        var submitted = new List<Guid>();
        for (var day = 5; day <= 9; day++)
        {
            var id = await alpine.TimeEntryAsync(client, $"2018-02-0{day}", 60 * day);
            await client.PostOkAsync($"time-entries/{id}/submit");
            submitted.Add(id);
        }
        var draft = await alpine.TimeEntryAsync(client, "2018-02-12");
        var unknown = Guid.NewGuid();

        var report = await client.PostOkAsync("time-entries/approve", new { ids = submitted.Append(draft).Append(unknown).ToList() });

        (report.GetProperty("requested").GetInt32(), report.GetProperty("approved").GetInt32(), report.GetProperty("failed").GetInt32()).ShouldBe((7, 5, 2));
        var results = report.GetProperty("results").EnumerateArray().ToList();
        results[5].Text("error").ShouldContain("is Draft");
        results[6].Text("error").ShouldBe($"Time entry '{unknown}' was not found.");
        var actuals = await client.ActualsAsync($"?projectId={alpine.Project}");
        actuals.Count.ShouldBe(10);
        actuals.Where(a => a.Text("transactionType") == "Cost").Sum(a => a.Number("amount")).ShouldBe(50m * (5 + 6 + 7 + 8 + 9));
        (await client.ListAsync("time-entries?status=Approved")).Count.ShouldBe(5);
    }

    private static async Task<Guid> ProjectAsync(HttpClient client, Alpine alpine) =>
        await client.CreateIdAsync("projects", new { name = "Alpine travel", contractingUnitId = alpine.Unit });
}

internal sealed class FixedClock(DateTime utc) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => new(utc);
}
