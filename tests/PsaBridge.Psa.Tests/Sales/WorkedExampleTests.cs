using System.Text.Json;
using PsaBridge.Psa.Tests.Api;
using PsaBridge.Testing;

namespace PsaBridge.Psa.Tests.Sales;

/// <summary>Issue 22's worked example, exactly, through the HTTP API: opportunity, quote, close as won, approval, invoice runs.</summary>
[Trait("Engine", "Both")]
public sealed class WorkedExampleTests
{
    [Fact]
    public async Task Alpine_CRM_goes_from_opportunity_to_quote_to_contract_to_two_invoice_runs_exactly_as_the_example()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();
        var world = await SalesWorld.SetUpAsync(client);
        var opportunity = await world.OpportunityAsync(client);

        // The quote from the opportunity, with its two lines; its price list defaults from the customer.
        var quote = await client.CreateAsync($"opportunities/{opportunity}/quotes", new
        {
            name = "Alpine CRM quote", lines = new[] { world.TimeAndMaterialLine(), world.FixedPriceLine() },
        });
        quote.Text("stateCode").ShouldBe("Draft");
        quote.Id("customerId").ShouldBe(world.Customer);
        quote.Text("orderType").ShouldBe("WorkBased");
        quote.GetProperty("priceLists").EnumerateArray().Select(p => p.Id("priceListId")).ShouldBe([world.SalesList]);
        var lines = quote.GetProperty("lines").EnumerateArray().OrderBy(l => l.GetProperty("lineNumber").GetInt32()).ToList();
        lines[0].Totals().ShouldBe((10_000.00m, 5_000.00m, 0m, 5_000.00m, (decimal?)50m));
        lines[1].Totals().ShouldBe((20_000.00m, 0m, 0m, 20_000.00m, (decimal?)100m));
        quote.Totals().ShouldBe((30_000.00m, 5_000.00m, 0m, 25_000.00m, (decimal?)83.33m));
        lines[0].GetProperty("invoiceSchedule").EnumerateArray().Select(s => (s.Text("invoiceRunDate"), s.Text("transactionCutoffDate")))
            .OrderBy(s => s.Item1).ShouldBe([("2018-02-28", "2018-02-27"), ("2018-03-31", "2018-03-30"), ("2018-04-30", "2018-04-29")]);

        var detail = (await client.ListAsync($"quotes/{quote.Id()}/details")).ShouldHaveSingleItem();
        (detail.Text("role"), detail.Number("quantity"), detail.Number("unitPrice"), detail.Number("salesAmount"), detail.Number("unitCost"),
            detail.Number("costAmount"), detail.Number("margin")).ShouldBe(("Project Manager", 100m, 100m, 10_000.00m, 50m, 5_000.00m, 5_000.00m));

        // Close as won: the contract with the same two lines, one detail pair, two milestones, three schedule rows.
        await client.PostOkAsync($"quotes/{quote.Id()}/activate");
        var contract = await client.CreateAsync($"quotes/{quote.Id()}/win", new { reason = "Best fit" });
        (contract.Text("psaState"), contract.Text("psaStatusReason"), contract.Text("orderType"), contract.Id("quoteId"), contract.Id("opportunityId"))
            .ShouldBe(("Draft", "Draft", "WorkBased", quote.Id(), opportunity));
        contract.Totals().ShouldBe((30_000.00m, 5_000.00m, 0m, 25_000.00m, (decimal?)83.33m));
        var copy = contract.GetProperty("priceLists").EnumerateArray().ShouldHaveSingleItem().Id("priceListId");
        copy.ShouldNotBe(world.SalesList);
        (await client.GetOkAsync($"price-lists/{copy}")).GetProperty("rolePrices")[0].Number("price").ShouldBe(100m);
        var contractLines = contract.GetProperty("lines").EnumerateArray().ToDictionary(l => l.Text("name"));
        var timeLine = contractLines["CRM implementation"];
        var fixedLine = contractLines["CRM go-live"];
        (timeLine.Text("billingMethod"), timeLine.Id("projectId"), timeLine.Id("invoiceFrequencyId")).ShouldBe(("TimeAndMaterial", world.Implementation, SalesWorld.Monthly));
        timeLine.GetProperty("invoiceSchedule").EnumerateArray().Select(s => (s.Text("invoiceRunDate"), s.Text("invoiceRunStatus"))).OrderBy(s => s.Item1)
            .ShouldBe([("2018-02-28", "NotRun"), ("2018-03-31", "NotRun"), ("2018-04-30", "NotRun")]);
        (fixedLine.Number("amount"), fixedLine.GetProperty("milestones").GetArrayLength()).ShouldBe((20_000m, 2));
        var milestones = fixedLine.GetProperty("milestones").EnumerateArray().OrderBy(m => m.Text("invoiceDate")).ToList();
        milestones.Select(m => (m.Text("invoiceDate"), m.Number("amount"), m.Text("invoiceStatus")))
            .ShouldBe([("2018-03-01", 10_000m, "NotReadyForInvoicing"), ("2018-04-30", 10_000m, "NotReadyForInvoicing")]);
        var contractDetail = (await client.ListAsync($"contracts/{contract.Id()}/details")).ShouldHaveSingleItem();
        (contractDetail.Id("lineId"), contractDetail.Number("salesAmount"), contractDetail.Number("costAmount"), contractDetail.Id("salesPriceListId"), contractDetail.Id("quoteLineDetailId"))
            .ShouldBe((timeLine.Id(), 10_000m, 5_000m, copy, detail.Id()));
        detail.GetProperty("quoteLineDetailId").ValueKind.ShouldBe(JsonValueKind.Null);
        (await client.GetOkAsync($"quotes/{quote.Id()}")).Text("stateCode").ShouldBe("Won");

        // Approving 8 hours on 2018-02-03 posts the seed's table: cost 400, unbilled sales 800, on the contract line.
        var alpine = new Alpine(world.Unit, world.ProjectManager, world.Ashley, world.Customer, world.Implementation, contract.Id(), timeLine.Id());
        await alpine.ApprovedTimeEntryAsync(client);
        var actuals = await client.ActualsAsync($"?contractId={contract.Id()}");
        actuals.Select(a => (a.Text("transactionType"), a.Number("quantity"), a.Number("unitPrice"), a.Number("amount"), a.Id("contractLineId")))
            .ShouldBe([("Cost", 8m, 50m, 400m, timeLine.Id()), ("UnbilledSales", 8m, 100m, 800m, timeLine.Id())]);

        // The run for 2018-02-28: one draft invoice of 800.00 for line 1; again, nothing.
        var february = await client.RunInvoicesAsync("2018-02-28");
        var invoiced = february.GetProperty("contracts").EnumerateArray().ShouldHaveSingleItem();
        (invoiced.Text("outcome"), invoiced.Number("amount"), invoiced.GetProperty("transactions").GetInt32()).ShouldBe(("Invoiced", 800.00m, 1));
        var invoice = await client.GetOkAsync($"invoices/{invoiced.Id("invoiceId")}");
        (invoice.Text("status"), invoice.Number("totalAmount"), invoice.Text("invoiceDate")).ShouldBe(("Draft", 800.00m, "2018-02-28"));
        invoice.GetProperty("lines").EnumerateArray().ShouldHaveSingleItem().Id("contractLineId").ShouldBe(timeLine.Id());
        (await client.RunInvoicesAsync("2018-02-28")).GetProperty("contracts").GetArrayLength().ShouldBe(0);
        (await client.ListAsync($"invoices?contractId={contract.Id()}")).Count.ShouldBe(1);
        var afterFebruary = await client.GetOkAsync($"contracts/{contract.Id()}");
        var ran = afterFebruary.GetProperty("lines").EnumerateArray().Single(l => l.Id() == timeLine.Id()).GetProperty("invoiceSchedule").EnumerateArray()
            .Single(s => s.Text("invoiceRunDate") == "2018-02-28");
        (ran.Text("invoiceRunStatus"), ran.Id("invoiceId")).ShouldBe(("RunSuccessful", invoice.Id()));

        // Milestone 1 marked ready; the run for 2018-03-31 adds 10,000.00 on line 2.
        await client.PostOkAsync($"milestones/{milestones[0].Id()}/ready");
        var march = await client.RunInvoicesAsync("2018-03-31");
        var second = march.GetProperty("contracts").EnumerateArray().ShouldHaveSingleItem();
        (second.Text("outcome"), second.Number("amount")).ShouldBe(("Invoiced", 10_000.00m));
        var milestoneInvoice = await client.GetOkAsync($"invoices/{second.Id("invoiceId")}");
        var line2 = milestoneInvoice.GetProperty("lines").EnumerateArray().ShouldHaveSingleItem();
        (line2.Id("contractLineId"), line2.Number("chargeableAmount")).ShouldBe((fixedLine.Id(), 10_000.00m));

        // The contract's actual rollups: cost 400, unbilled 800 (on a draft invoice, not yet billed).
        var actualsRollup = (await client.GetOkAsync($"contracts/{contract.Id()}")).GetProperty("actuals");
        (actualsRollup.Number("actualCost"), actualsRollup.Number("unbilledSales"), actualsRollup.Number("billedSales")).ShouldBe((400m, 800m, 0m));
    }
}
