using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PsaBridge.Testing;

namespace PsaBridge.Psa.Tests.Api;

/// <summary>
/// Invoices through the HTTP API: drafting from chosen contract lines up to a cut-off date, reviewing a draft's details,
/// the billing statuses on the way, and correcting a confirmed invoice (reference/psa-data-model.md §3), with exact figures.
/// </summary>
[Trait("Engine", "Both")]
public sealed class InvoiceCorrectionFlowTests
{
    private static async Task<JsonElement> PatchOkAsync(HttpClient client, string path, object body)
    {
        var response = await client.PatchAsJsonAsync("/api/psa/" + path, body, PsaBridgeApp.Json);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    private static async Task<JsonElement> PatchProblemAsync(HttpClient client, string path, object body, HttpStatusCode status)
    {
        var response = await client.PatchAsJsonAsync("/api/psa/" + path, body, PsaBridgeApp.Json);
        response.StatusCode.ShouldBe(status, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    private static JsonElement Detail(JsonElement invoice) => invoice.GetProperty("lines")[0].GetProperty("details").EnumerateArray().Single();

    private static List<(string Type, string? BillingType, string Date, decimal Quantity, decimal Amount, string? BillingStatus, string? Adjustment)> Rows(List<JsonElement> actuals) =>
        actuals.Select(a => (a.Text("transactionType"), a.GetProperty("billingType").GetString(), a.Text("documentDate"), a.Number("quantity"), a.Number("amount"),
            a.GetProperty("billingStatus").GetString(), a.GetProperty("adjustmentStatus").GetString())).ToList();

    [Fact]
    public async Task Correcting_a_confirmed_invoice_from_8_to_6_hours_reverses_its_billed_sales_bills_6_and_leaves_2_unbilled_to_invoice_again()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();
        var alpine = await Alpine.SetUpAsync(client);
        var entry = await alpine.ApprovedTimeEntryAsync(client);
        var unbilled = (await client.ActualsAsync("?type=UnbilledSales")).Single();

        var ready = await client.PostOkAsync("actuals/ready-to-invoice", new { ids = new[] { unbilled.Id() } });
        (ready.Number("changed"), ready.Number("failed")).ShouldBe((1m, 0m));
        (await client.GetOkAsync($"actuals/totals?billingStatus=ReadyToInvoice")).EnumerateArray().Single().Number("amount").ShouldBe(800m);
        var invoice = await client.CreateAsync("invoices", new { contractId = alpine.Contract, invoiceDate = "2018-02-04", contractLineIds = new[] { alpine.ContractLine } });
        (await client.GetOkAsync($"actuals/{unbilled.Id()}")).GetProperty("actual").Text("billingStatus").ShouldBe("CustomerInvoiceCreated");
        await client.PostOkAsync($"invoices/{invoice.Id()}/confirm");
        (await client.GetOkAsync($"actuals/{unbilled.Id()}")).GetProperty("actual").Text("billingStatus").ShouldBe("CustomerInvoicePosted");
        var billed = (await client.ActualsAsync("?type=BilledSales")).Single();

        var correction = await client.CreateAsync($"invoices/{invoice.Id()}/correct", new { invoiceDate = "2018-03-01" });

        (correction.Text("status"), correction.Id("originalInvoiceId"), correction.Number("totalAmount")).ShouldBe(("Draft", invoice.Id(), 0m));
        var detail = Detail(correction);
        (detail.GetProperty("isCorrection").GetBoolean(), detail.Number("quantity"), detail.Number("previousQuantity"), detail.Number("previousAmount"), detail.Id("billedActualId"))
            .ShouldBe((true, 0m, 8m, 800m, billed.Id()));
        var edited = await PatchOkAsync(client, $"invoices/{correction.Id()}/details/{detail.Id()}", new { quantity = 6m });
        (edited.Number("totalAmount"), Detail(edited).Number("amount")).ShouldBe((600m, 600m));
        (await client.PostOkAsync($"invoices/{correction.Id()}/confirm")).Text("status").ShouldBe("Confirmed");

        var actuals = await client.ActualsAsync($"?sourceEntryId={entry}");
        Rows(actuals).ShouldBe([
            ("Cost", "Chargeable", "2018-02-03", 8m, 400m, null, null),
            ("UnbilledSales", "Chargeable", "2018-02-03", 8m, 800m, "CustomerInvoicePosted", null),
            ("UnbilledSales", "Chargeable", "2018-02-04", -8m, -800m, "CustomerInvoicePosted", null),
            ("BilledSales", "Chargeable", "2018-02-04", 8m, 800m, "CustomerInvoicePosted", "Adjusted"),
            ("UnbilledSales", "Chargeable", "2018-03-01", 2m, 200m, "UnbilledSalesCreated", null),
            ("BilledSales", "Chargeable", "2018-03-01", -8m, -800m, "CustomerInvoicePosted", "Unadjustable"),
            ("BilledSales", "Chargeable", "2018-03-01", 6m, 600m, "CustomerInvoicePosted", null),
        ], ignoreOrder: true); // a transaction's rows made in one millisecond have no order among them
        var totals = (await client.GetOkAsync($"actuals/totals?sourceEntryId={entry}")).EnumerateArray().ToDictionary(t => t.Text("transactionType"), t => t.Number("amount"));
        (totals["Cost"], totals["UnbilledSales"], totals["BilledSales"]).ShouldBe((400m, 200m, 600m));

        var remainder = await client.GetOkAsync($"actuals/{actuals.Single(a => a.Number("quantity") == 2m).Id()}");
        remainder.GetProperty("origins").EnumerateArray().Select(o => o.Text("originType")).Order().ShouldBe([
            "invoice", "invoice", "invoicedetail", "invoicedetail", "msdyn_invoicelinetransaction", "msdyn_invoicelinetransaction", "msdyn_journalline", "msdyn_timeentry",
        ]);
        remainder.GetProperty("connections").EnumerateArray().Select(c => (c.Text("transaction1Role"), c.Id("transaction2Id"), c.Text("transaction2Role")))
            .ShouldBe([("Replacing", billed.Id(), "Original")]);
        var reversal = await client.GetOkAsync($"actuals/{actuals.Single(a => a.Text("adjustmentStatus") == "Unadjustable").Id()}");
        reversal.GetProperty("connections").EnumerateArray().Select(c => (c.Text("transaction1Role"), c.Id("transaction2Id"), c.Text("transaction2Role")))
            .ShouldBe([("Reversing", billed.Id(), "Original")]);
        reversal.GetProperty("origins").EnumerateArray().Select(o => o.Id("originId")).ShouldContain(invoice.Id());

        // The 2 hours are invoiced again on the next invoice; the corrected invoice has nothing left to correct.
        (await client.CreateAsync("invoices", new { contractId = alpine.Contract, invoiceDate = "2018-03-31" })).Number("totalAmount").ShouldBe(200m);
        (await client.PostProblemAsync($"invoices/{invoice.Id()}/correct", new { }, HttpStatusCode.Conflict)).Text("detail").ShouldContain("no billed sales left to correct");
        (await client.ListAsync("invoices?status=Confirmed")).Select(i => i.Number("totalAmount")).ShouldBe([800m, 600m]);
    }

    [Fact]
    public async Task A_draft_is_reviewed_detail_by_detail_and_only_a_confirmed_invoice_is_corrected_once_at_a_time()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();
        var alpine = await Alpine.SetUpAsync(client);
        await alpine.ApprovedTimeEntryAsync(client);
        var draft = await client.CreateAsync("invoices", new { contractId = alpine.Contract, invoiceDate = "2018-02-04" });
        var detail = Detail(draft);
        var path = $"invoices/{draft.Id()}/details/{detail.Id()}";

        (await PatchProblemAsync(client, path, new { quantity = 9m }, HttpStatusCode.BadRequest)).ErrorsOf("quantity")
            .ShouldBe(["Quantity 9 is out of range: it is between 0 and the 8 the detail was drafted at; it can be lowered, never raised."]);
        (await PatchProblemAsync(client, path, new { billingType = "Free" }, HttpStatusCode.BadRequest)).ErrorsOf("billingType").ShouldNotBeEmpty();
        (await PatchProblemAsync(client, path, new { quantity = "six" }, HttpStatusCode.BadRequest)).ErrorsOf("quantity").ShouldNotBeEmpty();
        await PatchProblemAsync(client, $"invoices/{draft.Id()}/details/{Guid.NewGuid()}", new { quantity = 1m }, HttpStatusCode.NotFound);
        (await client.PostProblemAsync($"invoices/{draft.Id()}/correct", new { }, HttpStatusCode.Conflict)).Text("detail").ShouldContain("only a confirmed invoice");

        var lowered = await PatchOkAsync(client, path, new { quantity = 7.5m, billingType = "Chargeable" });
        var line = lowered.GetProperty("lines")[0];
        (lowered.Number("totalAmount"), line.Number("chargeableAmount"), line.Number("nonChargeableAmount")).ShouldBe((750m, 750m, 50m));
        await client.PostOkAsync($"invoices/{draft.Id()}/confirm");
        (await PatchProblemAsync(client, path, new { quantity = 1m }, HttpStatusCode.Conflict)).Text("detail").ShouldContain("read-only");
        Rows(await client.ActualsAsync("?type=BilledSales")).Select(r => (r.BillingType, r.Quantity, r.Amount)).ShouldBe([("NonChargeable", 0.5m, 50m), ("Chargeable", 7.5m, 750m)]);

        var first = await client.CreateAsync($"invoices/{draft.Id()}/correct", new { invoiceDate = "2018-02-10" });
        first.GetProperty("lines")[0].GetProperty("details").GetArrayLength().ShouldBe(2);
        (await client.PostProblemAsync($"invoices/{draft.Id()}/correct", new { }, HttpStatusCode.Conflict)).Text("detail").ShouldContain("already has a draft correction");
        (await client.DeleteAsync($"/api/psa/invoices/{first.Id()}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var again = await client.CreateAsync($"invoices/{draft.Id()}/correct", new { invoiceDate = "2018-02-10" });
        await client.PostOkAsync($"invoices/{again.Id()}/confirm");
        var totals = (await client.GetOkAsync($"actuals/totals?contractId={alpine.Contract}")).EnumerateArray().ToDictionary(t => t.Text("transactionType"), t => t.Number("amount"));
        (totals["BilledSales"], totals["UnbilledSales"]).ShouldBe((0m, 800m));
        (await client.PostProblemAsync($"invoices/{Guid.NewGuid()}/correct", new { }, HttpStatusCode.NotFound)).Text("title").ShouldBe("Invoice not found");
    }

    [Fact]
    public async Task A_draft_bills_only_the_chosen_contract_lines_up_to_the_transaction_cut_off_date()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();
        var alpine = await Alpine.SetUpAsync(client);
        await alpine.ApprovedTimeEntryAsync(client, "2018-02-03");
        await alpine.ApprovedTimeEntryAsync(client, "2018-02-10", 240);

        var problem = await client.PostProblemAsync("invoices", new { contractId = alpine.Contract, invoiceDate = "2018-02-28", contractLineIds = new[] { Guid.NewGuid() } },
            HttpStatusCode.BadRequest);
        problem.ErrorsOf("contractLineIds[0]").Single().ShouldEndWith("is not a line of contract 'Alpine CRM'.");
        var invoice = await client.CreateAsync("invoices", new
        {
            contractId = alpine.Contract, invoiceDate = "2018-02-28", transactionCutOffDate = "2018-02-05", contractLineIds = new[] { alpine.ContractLine },
        });

        (invoice.Text("invoiceDate"), invoice.Number("totalAmount"), Detail(invoice).Text("documentDate")).ShouldBe(("2018-02-28", 800m, "2018-02-03"));
        var later = await client.CreateAsync("invoices", new { contractId = alpine.Contract, invoiceDate = "2018-02-28" });
        later.Number("totalAmount").ShouldBe(400m);
        (await client.GetOkAsync("actuals/totals?type=UnbilledSales&billingStatus=CustomerInvoiceCreated")).EnumerateArray().Single().Number("amount").ShouldBe(1200m);
    }

    [Fact]
    public async Task Only_unbilled_sales_not_on_an_invoice_are_marked_ready_to_invoice_each_failing_alone()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();
        var alpine = await Alpine.SetUpAsync(client);
        await alpine.ApprovedTimeEntryAsync(client);
        var (cost, unbilled) = ((await client.ActualsAsync("?type=Cost")).Single(), (await client.ActualsAsync("?type=UnbilledSales")).Single());
        var unknown = Guid.NewGuid();

        var report = await client.PostOkAsync("actuals/ready-to-invoice", new { ids = new[] { cost.Id(), unbilled.Id(), unknown } });

        report.GetProperty("results").EnumerateArray().Select(r => (r.Id(), r.GetProperty("changed").GetBoolean(), r.GetProperty("error").GetString())).ShouldBe([
            (cost.Id(), false, $"Actual '{cost.Id()}' is Cost; only unbilled sales have a billing status to change."), (unbilled.Id(), true, null),
            (unknown, false, $"Actual '{unknown}' was not found."),
        ]);
        (await client.GetOkAsync($"actuals/{unbilled.Id()}")).GetProperty("actual").Text("billingStatus").ShouldBe("ReadyToInvoice");
        (await client.PostOkAsync("actuals/not-ready-to-invoice", new { ids = new[] { unbilled.Id() } })).Number("changed").ShouldBe(1m);
        (await client.GetOkAsync($"actuals/{unbilled.Id()}")).GetProperty("actual").Text("billingStatus").ShouldBe("UnbilledSalesCreated");
        (await client.PostProblemAsync("actuals/ready-to-invoice", new { ids = Array.Empty<Guid>() }, HttpStatusCode.BadRequest)).ErrorsOf("ids").ShouldNotBeEmpty();
        (await client.PostProblemAsync("actuals/ready-to-invoice", new { ids = new[] { "not-a-guid" } }, HttpStatusCode.BadRequest)).ErrorsOf("ids[0]").ShouldNotBeEmpty();
    }
}
