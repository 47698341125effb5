using System.Text.Json;
using PsaBridge.Testing;

namespace PsaBridge.Psa.Tests.Api;

/// <summary>seeds/003 "Reporting on actual transactions", step by step, through the HTTP API.</summary>
[Trait("Engine", "Both")]
public sealed class SeedActualsTests
{
    [Fact]
    public async Task Approving_and_invoicing_a_time_entry_posts_exactly_the_seed_table()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();
        var alpine = await Alpine.SetUpAsync(client);

        // 1. Saving creates no actual. 2. Submitting creates no actual.
        var entry = await alpine.TimeEntryAsync(client);
        (await client.ActualsAsync()).ShouldBeEmpty();
        var submitted = await client.PostOkAsync($"time-entries/{entry}/submit");
        submitted.Text("entryStatus").ShouldBe("Submitted");
        (await client.ActualsAsync()).ShouldBeEmpty();

        // 3. Approving creates the cost and the unbilled sales.
        var approved = await client.PostOkAsync($"time-entries/{entry}/approve");
        approved.Text("entryStatus").ShouldBe("Approved");
        var afterApproval = await client.ActualsAsync($"?projectId={alpine.Project}");
        afterApproval.Count.ShouldBe(2);
        var cost = afterApproval[0];
        var unbilled = afterApproval[1];
        ShouldBeRow(cost, "2018-02-03", "Cost", 8.0m, 50.00m, 400.00m);
        ShouldBeRow(unbilled, "2018-02-03", "UnbilledSales", 8.0m, 100.00m, 800.00m);
        cost.Text("currency").ShouldBe("USD");
        unbilled.Text("billingStatus").ShouldBe("UnbilledSalesCreated");
        foreach (var actual in afterApproval)
        {
            actual.Id("customerId").ShouldBe(alpine.Customer);
            actual.Id("contractId").ShouldBe(alpine.Contract!.Value);
            actual.Id("resourceId").ShouldBe(alpine.Ashley);
            actual.Id("roleId").ShouldBe(alpine.ProjectManager);
            actual.Id("sourceEntryId").ShouldBe(entry);
        }

        // Both record their origins (the time entry and its journal line) and are connected.
        var costDetail = await client.GetOkAsync($"actuals/{cost.Id()}");
        var unbilledDetail = await client.GetOkAsync($"actuals/{unbilled.Id()}");
        OriginTypes(costDetail).ShouldBe(["msdyn_journalline", "msdyn_timeentry"]);
        OriginTypes(unbilledDetail).ShouldBe(["msdyn_journalline", "msdyn_timeentry"]);
        Origins(costDetail).ShouldContain(("msdyn_timeentry", entry));
        var approvalConnection = unbilledDetail.GetProperty("connections").EnumerateArray().Single();
        approvalConnection.Id("transaction1Id").ShouldBe(unbilled.Id());
        approvalConnection.Text("transaction1Role").ShouldBe("Unbilled Sales");
        approvalConnection.Text("transaction1Type").ShouldBe("msdyn_actual");
        approvalConnection.Id("transaction2Id").ShouldBe(cost.Id());
        approvalConnection.Text("transaction2Role").ShouldBe("Cost");

        // 4. Invoicing: a draft gathers the unbilled sales, confirming it posts the reversal and the billed sales.
        var draft = await client.CreateAsync("invoices", new { contractId = alpine.Contract, invoiceDate = "2018-02-04" });
        draft.Text("status").ShouldBe("Draft");
        draft.Number("totalAmount").ShouldBe(800.00m);
        var draftLine = draft.GetProperty("lines").EnumerateArray().Single();
        draftLine.Id("contractLineId").ShouldBe(alpine.ContractLine!.Value);
        draftLine.GetProperty("details").EnumerateArray().Single().Id("actualId").ShouldBe(unbilled.Id());
        (await client.ActualsAsync()).Count.ShouldBe(2);
        (await client.GetOkAsync($"actuals/{unbilled.Id()}")).GetProperty("actual").Text("billingStatus").ShouldBe("CustomerInvoiceCreated");

        var confirmed = await client.PostOkAsync($"invoices/{draft.Id()}/confirm");
        confirmed.Text("status").ShouldBe("Confirmed");
        var all = await client.ActualsAsync($"?contractId={alpine.Contract}");
        all.Count.ShouldBe(4);
        all[0].Id().ShouldBe(cost.Id());
        all[1].Id().ShouldBe(unbilled.Id());
        var reversal = all[2];
        var billed = all[3];
        ShouldBeRow(reversal, "2018-02-04", "UnbilledSales", -8.0m, 100.00m, -800.00m);
        ShouldBeRow(billed, "2018-02-04", "BilledSales", 8.0m, 100.00m, 800.00m);
        all[1].Text("billingStatus").ShouldBe("CustomerInvoicePosted");
        reversal.Text("billingStatus").ShouldBe("CustomerInvoicePosted");
        billed.Text("billingStatus").ShouldBe("CustomerInvoicePosted");
        billed.Id("invoiceId").ShouldBe(draft.Id());

        var reversalDetail = await client.GetOkAsync($"actuals/{reversal.Id()}");
        OriginTypes(reversalDetail).ShouldBe(["msdyn_journalline", "msdyn_timeentry"]);
        var reversing = reversalDetail.GetProperty("connections").EnumerateArray().Single();
        (reversing.Text("transaction1Role"), reversing.Id("transaction1Id"), reversing.Text("transaction2Role"), reversing.Id("transaction2Id"))
            .ShouldBe(("Reversing", reversal.Id(), "Original", unbilled.Id()));

        var billedDetail = await client.GetOkAsync($"actuals/{billed.Id()}");
        OriginTypes(billedDetail).ShouldBe(["invoice", "invoicedetail", "msdyn_invoicelinetransaction", "msdyn_journalline", "msdyn_timeentry"]);
        Origins(billedDetail).ShouldContain(("invoice", draft.Id()));
        var billedConnection = billedDetail.GetProperty("connections").EnumerateArray().Single();
        (billedConnection.Text("transaction1Role"), billedConnection.Id("transaction1Id"), billedConnection.Text("transaction2Role"), billedConnection.Id("transaction2Id"))
            .ShouldBe(("Billed Sales", billed.Id(), "Unbilled Sales", unbilled.Id()));

        // The filters of the actuals list.
        (await client.ActualsAsync($"?customerId={alpine.Customer}&type=UnbilledSales")).Select(a => a.Id()).ShouldBe([unbilled.Id(), reversal.Id()]);
        (await client.ActualsAsync("?type=BilledSales")).Single().Id().ShouldBe(billed.Id());
        (await client.ActualsAsync("?type=Cost")).Single().Id().ShouldBe(cost.Id());
    }

    /// <summary>A row of the seed's table: document date, type, class, customer, contract, resource, role, billing type, quantity, unit price, amount.</summary>
    private static void ShouldBeRow(JsonElement actual, string documentDate, string type, decimal quantity, decimal unitPrice, decimal amount)
    {
        actual.Text("documentDate").ShouldBe(documentDate);
        actual.Text("transactionType").ShouldBe(type);
        actual.Text("transactionClass").ShouldBe("Time");
        actual.Text("customer").ShouldBe("Alpine Ski House");
        actual.Text("contract").ShouldBe("Alpine CRM");
        actual.Text("resource").ShouldBe("Ashley Chinn");
        actual.Text("role").ShouldBe("Project Manager");
        actual.Text("billingType").ShouldBe("Chargeable");
        actual.Number("quantity").ShouldBe(quantity);
        actual.Number("unitPrice").ShouldBe(unitPrice);
        actual.Number("amount").ShouldBe(amount);
    }

    private static string[] OriginTypes(JsonElement detail) =>
        detail.GetProperty("origins").EnumerateArray().Select(o => o.Text("originType")).Order(StringComparer.Ordinal).ToArray();

    private static List<(string, Guid)> Origins(JsonElement detail) =>
        detail.GetProperty("origins").EnumerateArray().Select(o => (o.Text("originType"), o.Id("originId"))).ToList();
}
