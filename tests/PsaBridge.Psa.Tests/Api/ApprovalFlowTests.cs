using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PsaBridge.Testing;

namespace PsaBridge.Psa.Tests.Api;

/// <summary>
/// The approver's flows through the HTTP API (reference/psa-data-model.md §3): the queue, billable hours, rejection with a
/// comment, inter-organizational work, recall and cancelled approval, with the exact actuals each posts.
/// </summary>
[Trait("Engine", "Both")]
public sealed class ApprovalFlowTests
{
    private static async Task<(PsaBridgeApp App, HttpClient Client, Alpine Alpine)> StartAsync()
    {
        var app = await PsaBridgeApp.StartAsync(a => a.WithServices(s => s.AddSingleton<TimeProvider>(new FixedClock(new DateTime(2018, 2, 5, 9, 0, 0, DateTimeKind.Utc)))));
        var client = app.CreateClient();
        return (app, client, await Alpine.SetUpAsync(client));
    }

    private static async Task<Guid> SubmittedAsync(HttpClient client, Alpine alpine, string date = "2018-02-03", int minutes = 480)
    {
        var id = await alpine.TimeEntryAsync(client, date, minutes);
        await client.PostOkAsync($"time-entries/{id}/submit");
        return id;
    }

    private static object Entries(string comment, params object[] entries) => new { entries, comment };

    private static List<(string Type, string? BillingType, decimal Quantity, decimal Amount, string Currency)> Rows(IEnumerable<JsonElement> actuals) =>
        actuals.Select(a => (a.Text("transactionType"), a.GetProperty("billingType").GetString(), a.Number("quantity"), a.Number("amount"), a.Text("currency"))).ToList();

    [Fact]
    public async Task Approving_from_the_queue_with_6_of_8_hours_billable_posts_600_chargeable_and_200_non_chargeable_unbilled_sales()
    {
        var (app, client, alpine) = await StartAsync();
        await using var _ = app;
        var entry = await SubmittedAsync(client, alpine);

        var queued = (await client.ListAsync($"approvals?projectId={alpine.Project}")).ShouldHaveSingleItem();
        (queued.Text("entryType"), queued.Id(), queued.Text("stage"), queued.Number("quantity"), queued.Text("unit"), queued.Text("project"), queued.Text("resource"),
            queued.Text("roleOrCategory")).ShouldBe(("Time", entry, "Submitted", 8m, "Hour", "Alpine CRM implementation", "Ashley Chinn", "Project Manager"));

        var report = await client.PostOkAsync("approvals/approve", Entries("Two hours were internal training", new { entryType = "Time", id = entry, billableQuantity = 6m }));

        (report.Number("requested"), report.Number("done"), report.Number("failed")).ShouldBe((1m, 1m, 0m));
        Rows(await client.ActualsAsync($"?sourceEntryId={entry}")).ShouldBe([
            ("Cost", "Chargeable", 8m, 400m, "USD"), ("UnbilledSales", "NonChargeable", 2m, 200m, "USD"), ("UnbilledSales", "Chargeable", 6m, 600m, "USD"),
        ]);
        var approved = await client.GetOkAsync($"time-entries/{entry}");
        (approved.Text("entryStatus"), approved.Text("approvalComment")).ShouldBe(("Approved", "Two hours were internal training"));
        (await client.ListAsync("approvals")).ShouldBeEmpty();
        var totals = await client.GetOkAsync($"actuals/totals?projectId={alpine.Project}&type=UnbilledSales");
        totals.EnumerateArray().Select(t => (t.Text("currency"), t.Number("count"), t.Number("quantity"), t.Number("amount"))).ShouldBe([("USD", 2m, 8m, 800m)]);
    }

    [Fact]
    public async Task More_billable_hours_than_entered_fail_that_entry_alone_and_bad_decisions_are_400s_naming_the_field()
    {
        var (app, client, alpine) = await StartAsync();
        await using var _ = app;
        var (first, second) = (await SubmittedAsync(client, alpine), await SubmittedAsync(client, alpine, "2018-02-04", 240));

        var report = await client.PostOkAsync("approvals/approve", Entries("", new { entryType = "Time", id = first, billableQuantity = 9m }, new { entryType = "Time", id = second }));

        report.GetProperty("results").EnumerateArray().Select(r => (r.Id(), r.GetProperty("done").GetBoolean(), r.GetProperty("error").GetString())).ShouldBe([
            (first, false, $"Time entry '{first}': The billable quantity 9 is more than the 8 entered; an approver can only lower it."), (second, true, null),
        ]);
        (await client.GetOkAsync($"time-entries/{first}")).Text("entryStatus").ShouldBe("Submitted");
        (await client.ActualsAsync($"?sourceEntryId={first}")).ShouldBeEmpty();
        (await client.ActualsAsync($"?sourceEntryId={second}")).Count.ShouldBe(2);

        (await client.PostProblemAsync("approvals/approve", new { entries = Array.Empty<object>() }, HttpStatusCode.BadRequest)).ErrorsOf("entries").ShouldNotBeEmpty();
        (await client.PostProblemAsync("approvals/reject", Entries("x", new { entryType = "Time", id = first, billableQuantity = 2m }), HttpStatusCode.BadRequest))
            .ErrorsOf("entries[0].billableQuantity").ShouldBe(["'entries[0].billableQuantity' is given only when approving."]);
        (await client.PostProblemAsync("approvals/reject", Entries(new string('x', 501), new { entryType = "Time", id = first }), HttpStatusCode.BadRequest))
            .ErrorsOf("comment").ShouldBe(["'comment' is 501 characters long; at most 500 are allowed."]);
        (await client.PostProblemAsync("approvals/reject", Entries("bell\u0007", new { entryType = "Time", id = first }), HttpStatusCode.BadRequest))
            .ErrorsOf("comment").ShouldBe(["'comment' holds the control character U+0007; only printable text is allowed."]);
        (await client.PostProblemAsync("approvals/reject", new { entries = new[] { new { entryType = "Hours", id = first } } }, HttpStatusCode.BadRequest))
            .ErrorsOf("entries[0].entryType").ShouldNotBeEmpty();
        (await client.GetOkAsync($"time-entries/{first}")).Text("entryStatus").ShouldBe("Submitted");
    }

    [Fact]
    public async Task Rejecting_returns_time_and_rejects_an_expense_with_the_comment_and_an_unknown_entry_fails_alone()
    {
        var (app, client, alpine) = await StartAsync();
        await using var _ = app;
        var entry = await SubmittedAsync(client, alpine);
        var taxi = await client.CreateIdAsync("transaction-categories", new { name = "Taxi" });
        var expense = await client.CreateIdAsync("expense-entries", new
        {
            transactionDate = "2018-02-03", transactionCategoryId = taxi, projectId = alpine.Project, quantity = 1m, price = 35m, resourceId = alpine.Ashley,
        });
        await client.PostOkAsync($"expense-entries/{expense}/submit");
        (await client.ListAsync($"approvals?resourceId={alpine.Ashley}")).Select(i => (i.Text("entryType"), i.Text("roleOrCategory"))).ShouldBe(
            [("Time", "Project Manager"), ("Expense", "Taxi")], ignoreOrder: true);
        (await client.ListAsync("approvals?entryType=Expense")).ShouldHaveSingleItem().Number("amount").ShouldBe(35m);
        var unknown = Guid.NewGuid();

        var report = await client.PostOkAsync("approvals/reject", Entries("Book it on the Design task",
            new { entryType = "Time", id = entry }, new { entryType = "Expense", id = expense }, new { entryType = "Expense", id = unknown }));

        (report.Number("done"), report.Number("failed")).ShouldBe((2m, 1m));
        report.GetProperty("results")[2].Text("error").ShouldBe($"Expense '{unknown}' was not found.");
        var returned = await client.GetOkAsync($"time-entries/{entry}");
        (returned.Text("entryStatus"), returned.Text("approvalComment")).ShouldBe(("Returned", "Book it on the Design task"));
        var rejected = await client.GetOkAsync($"expense-entries/{expense}");
        (rejected.Text("expenseStatus"), rejected.Text("approvalComment")).ShouldBe(("Rejected", "Book it on the Design task"));
        (await client.ActualsAsync()).ShouldBeEmpty();
        (await client.ListAsync("approvals")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Work_of_a_resource_from_another_unit_posts_resourcing_unit_cost_and_inter_organizational_sales_with_origins_and_connections()
    {
        var (app, client, alpine) = await StartAsync();
        await using var _ = app;
        var london = await client.CreateIdAsync("organizational-units", new { name = "Contoso Consulting UK", currency = "GBP" });
        var oliver = await client.CreateIdAsync("resources", new { name = "Oliver Hughes", resourceType = "User", organizationalUnitId = london, defaultRoleId = alpine.ProjectManager });
        await client.CreateIdAsync("price-lists", new
        {
            name = "Contoso UK cost 2018", context = "Cost", currency = "GBP", beginDate = "2018-01-01", endDate = "2018-12-31", organizationalUnitId = london,
            rolePrices = new[] { new { roleId = alpine.ProjectManager, price = 40m } },
        });
        var entry = await client.CreateIdAsync("time-entries", new { date = "2018-02-06", duration = 480, resourceId = oliver, projectId = alpine.Project });
        await client.PostOkAsync($"time-entries/{entry}/submit");

        await client.PostOkAsync("approvals/approve", Entries("", new { entryType = "Time", id = entry }));

        var actuals = await client.ActualsAsync($"?sourceEntryId={entry}");
        Rows(actuals).ShouldBe([
            ("Cost", "Chargeable", 8m, 400m, "USD"), ("UnbilledSales", "Chargeable", 8m, 800m, "USD"),
            ("ResourcingUnitCost", "Chargeable", 8m, 320m, "GBP"), ("InterOrganizationalSales", "Chargeable", 8m, 400m, "USD"),
        ]);
        var (ruc, ios) = (actuals[2], actuals[3]);
        ruc.GetProperty("customerId").ValueKind.ShouldBe(JsonValueKind.Null);
        ruc.Id("projectId").ShouldBe(alpine.Project);
        var iosDetail = await client.GetOkAsync($"actuals/{ios.Id()}");
        iosDetail.GetProperty("origins").EnumerateArray().Select(o => o.Text("originType")).Order().ShouldBe(["msdyn_journalline", "msdyn_timeentry"]);
        var connection = iosDetail.GetProperty("connections").EnumerateArray().ShouldHaveSingleItem();
        (connection.Id("transaction1Id"), connection.Text("transaction1Role"), connection.Id("transaction2Id"), connection.Text("transaction2Role"))
            .ShouldBe((ios.Id(), "Inter-organizational Sales", ruc.Id(), "Resourcing Unit Cost"));

        // Cancelling the approval reverses all four and the entry waits for approval again at the same prices.
        await client.PostOkAsync("approvals/cancel", Entries("Wrong week", new { entryType = "Time", id = entry }));
        var after = await client.ActualsAsync($"?sourceEntryId={entry}");
        after.Count.ShouldBe(8);
        after.GroupBy(a => (a.Text("transactionType"), a.Text("currency"))).Select(g => g.Sum(a => a.Number("amount"))).ShouldAllBe(sum => sum == 0m);
        (await client.GetOkAsync($"time-entries/{entry}")).Text("entryStatus").ShouldBe("Submitted");
        await client.PostOkAsync("approvals/approve", Entries("", new { entryType = "Time", id = entry }));
        (await client.GetOkAsync($"actuals/totals?sourceEntryId={entry}")).EnumerateArray().Select(t => (t.Text("transactionType"), t.Text("currency"), t.Number("amount")))
            .ShouldBe([("Cost", "USD", 400m), ("UnbilledSales", "USD", 800m), ("ResourcingUnitCost", "GBP", 320m), ("InterOrganizationalSales", "USD", 400m)]);
    }

    [Fact]
    public async Task A_recall_takes_a_submitted_entry_back_to_draft_and_an_approved_one_to_its_approver_who_grants_or_refuses_it()
    {
        var (app, client, alpine) = await StartAsync();
        await using var _ = app;
        var submitted = await SubmittedAsync(client, alpine);
        (await client.PostOkAsync($"time-entries/{submitted}/recall")).Text("entryStatus").ShouldBe("Draft");
        await using (var db = app.Databases.OpenPsa()) db.Set<PsaBridge.Psa.Journals.JournalLine>().Count().ShouldBe(0);

        var granted = await alpine.ApprovedTimeEntryAsync(client);
        var refused = await alpine.ApprovedTimeEntryAsync(client, "2018-02-04");
        (await client.PostOkAsync($"time-entries/{granted}/recall")).Text("entryStatus").ShouldBe("RecallRequested");
        await client.PostOkAsync($"time-entries/{refused}/recall");
        (await client.ListAsync("approvals?stage=RecallRequested")).Select(i => i.Id()).ShouldBe([granted, refused]);
        (await client.ListAsync("approvals?stage=Submitted")).ShouldBeEmpty();

        await client.PostOkAsync("approvals/recalls/approve", Entries("Fix the task and submit again", new { entryType = "Time", id = granted }));
        await client.PostOkAsync("approvals/recalls/reject", Entries("Already with the customer", new { entryType = "Time", id = refused }));

        var returned = await client.GetOkAsync($"time-entries/{granted}");
        (returned.Text("entryStatus"), returned.Text("approvalComment")).ShouldBe(("Returned", "Fix the task and submit again"));
        var reversed = await client.ActualsAsync($"?sourceEntryId={granted}");
        reversed.Select(a => (a.Text("transactionType"), a.Number("amount"), a.Text("adjustmentStatus"), a.GetProperty("billingStatus").GetString())).ShouldBe([
            ("Cost", 400m, "Adjusted", null), ("UnbilledSales", 800m, "Adjusted", "Canceled"),
            ("Cost", -400m, "Unadjustable", null), ("UnbilledSales", -800m, "Unadjustable", "Canceled"),
        ]);
        reversed.Skip(2).ShouldAllBe(r => r.Text("documentDate") == "2018-02-05");
        (await client.GetOkAsync($"time-entries/{refused}")).Text("entryStatus").ShouldBe("Approved");
        (await client.ActualsAsync($"?sourceEntryId={refused}")).Count.ShouldBe(2);

        // Once on an invoice, even a draft, an approval can be neither recalled nor cancelled.
        await client.CreateAsync("invoices", new { contractId = alpine.Contract, invoiceDate = "2018-02-28" });
        (await client.PostProblemAsync($"time-entries/{refused}/recall", null, HttpStatusCode.Conflict)).Text("detail").ShouldContain("cannot be cancelled or recalled");
        var cancel = await client.PostOkAsync("approvals/cancel", Entries("", new { entryType = "Time", id = refused }));
        cancel.GetProperty("results")[0].Text("error").ShouldContain("(CustomerInvoiceCreated)");
        (await client.GetOkAsync($"time-entries/{refused}")).Text("entryStatus").ShouldBe("Approved");
        (await client.ActualsAsync($"?sourceEntryId={refused}")).Count.ShouldBe(2);
    }

    [Fact]
    public async Task An_expense_recall_granted_reverses_its_actuals_and_rejects_it_and_a_cancelled_approval_submits_it_again()
    {
        var (app, client, alpine) = await StartAsync();
        await using var _ = app;
        var taxi = await client.CreateIdAsync("transaction-categories", new { name = "Taxi" });
        async Task<Guid> ApprovedExpense()
        {
            var id = await client.CreateIdAsync("expense-entries", new
            {
                transactionDate = "2018-02-03", transactionCategoryId = taxi, projectId = alpine.Project, quantity = 1m, price = 35m, resourceId = alpine.Ashley,
            });
            await client.PostOkAsync($"expense-entries/{id}/submit");
            await client.PostOkAsync($"expense-entries/{id}/approve");
            return id;
        }
        var (recalled, cancelled) = (await ApprovedExpense(), await ApprovedExpense());

        (await client.PostOkAsync($"expense-entries/{recalled}/recall")).Text("expenseStatus").ShouldBe("RecallRequested");
        await client.PostOkAsync("approvals/recalls/approve", Entries("", new { entryType = "Expense", id = recalled }));
        (await client.PostOkAsync($"expense-entries/{cancelled}/cancel")).Text("expenseStatus").ShouldBe("Submitted");

        (await client.GetOkAsync($"expense-entries/{recalled}")).Text("expenseStatus").ShouldBe("Rejected");
        foreach (var id in new[] { recalled, cancelled })
            (await client.ActualsAsync($"?sourceEntryId={id}")).Select(a => a.Number("amount")).ShouldBe([35m, 35m, -35m, -35m]);
        (await client.ListAsync("approvals?entryType=Expense")).ShouldHaveSingleItem().Id().ShouldBe(cancelled);
        await client.PostOkAsync($"expense-entries/{cancelled}/approve");
        (await client.GetOkAsync($"actuals/totals?sourceEntryId={cancelled}")).EnumerateArray().Select(t => (t.Text("transactionType"), t.Number("count"), t.Number("amount")))
            .ShouldBe([("Cost", 3m, 35m), ("UnbilledSales", 3m, 35m)]);
    }
}
