using PsaBridge.Psa.Tests.Api;
using PsaBridge.Testing;

namespace PsaBridge.Psa.Tests.Sales;

/// <summary>Changing a line of a quote or a contract through the API: what the change keeps and what it makes again.</summary>
[Trait("Engine", "Both")]
public sealed class LineChangesTests
{
    [Fact]
    public async Task A_quote_line_changed_without_milestones_keeps_them_and_as_time_and_material_takes_the_quotes_delivery_date()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();
        var world = await SalesWorld.SetUpAsync(client);
        var quote = await client.CreateAsync("quotes", new
        {
            name = "Alpine CRM go-live quote", customerId = world.Customer, contractingUnitId = world.Unit, requestedDeliveryDate = "2018-04-30",
            lines = new[] { world.FixedPriceLine() },
        });
        var line = quote.GetProperty("lines").EnumerateArray().ShouldHaveSingleItem().Id();

        await client.PutOkAsync($"quotes/{quote.Id()}/lines/{line}", new
        {
            name = "CRM go-live, phase 1", billingMethod = "FixedPrice", projectId = world.GoLive, amount = 20_000m,
            roles = new[] { new { roleId = world.ProjectManager, billingType = "NonChargeable" } },
        });
        var kept = (await client.GetOkAsync($"quotes/{quote.Id()}")).GetProperty("lines").EnumerateArray().ShouldHaveSingleItem();
        (kept.Text("name"), kept.Number("amount")).ShouldBe(("CRM go-live, phase 1", 20_000m));
        kept.GetProperty("milestones").EnumerateArray().Select(m => (m.Text("invoiceDate"), m.Number("amount"))).OrderBy(m => m.Item1)
            .ShouldBe([("2018-03-01", 10_000m), ("2018-04-30", 10_000m)]);
        kept.GetProperty("roles").EnumerateArray().Select(r => (r.Id("roleId"), r.Text("billingType"))).ShouldBe([(world.ProjectManager, "NonChargeable")]);

        await client.PutOkAsync($"quotes/{quote.Id()}/lines/{line}", new
        {
            name = "CRM go-live support", billingMethod = "TimeAndMaterial", projectId = world.GoLive, invoiceFrequencyId = SalesWorld.Monthly,
            billingStartDate = "2018-02-01",
        });
        var timeLine = (await client.GetOkAsync($"quotes/{quote.Id()}")).GetProperty("lines").EnumerateArray().ShouldHaveSingleItem();
        timeLine.GetProperty("milestones").GetArrayLength().ShouldBe(0);
        timeLine.GetProperty("roles").GetArrayLength().ShouldBe(0);
        timeLine.Text("requestedDeliveryDate").ShouldBe("2018-04-30");
        timeLine.GetProperty("invoiceSchedule").EnumerateArray().Select(s => s.Text("invoiceRunDate")).Order()
            .ShouldBe(["2018-02-28", "2018-03-31", "2018-04-30"]);
    }

    [Fact]
    public async Task A_contract_line_changed_after_a_run_keeps_the_schedule_row_that_ran_and_makes_the_others_again()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();
        var world = await SalesWorld.SetUpAsync(client);
        var contract = await client.CreateAsync("contracts", new
        {
            name = "Alpine CRM support", customerId = world.Customer, contractingUnitId = world.Unit,
            lines = new[]
            {
                new
                {
                    name = "Support", billingMethod = "TimeAndMaterial", projectId = world.Implementation, invoiceFrequencyId = SalesWorld.Monthly,
                    billingStartDate = "2018-02-01", requestedDeliveryDate = "2018-04-30",
                },
            },
        });
        var line = contract.GetProperty("lines").EnumerateArray().ShouldHaveSingleItem().Id();
        (await client.RunInvoicesAsync("2018-02-28")).GetProperty("contracts").EnumerateArray().ShouldHaveSingleItem().Text("outcome").ShouldBe("NothingToInvoice");

        await client.PutOkAsync($"contracts/{contract.Id()}/lines/{line}", new
        {
            name = "Support", billingMethod = "TimeAndMaterial", projectId = world.Implementation, invoiceFrequencyId = SalesWorld.Monthly,
            billingStartDate = "2018-02-01", requestedDeliveryDate = "2018-05-31",
        });
        var changed = (await client.GetOkAsync($"contracts/{contract.Id()}")).GetProperty("lines").EnumerateArray().ShouldHaveSingleItem();
        changed.GetProperty("invoiceSchedule").EnumerateArray().Select(s => (s.Text("invoiceRunDate"), s.Text("invoiceRunStatus"))).OrderBy(s => s.Item1)
            .ShouldBe([("2018-02-28", "RunSuccessful"), ("2018-03-31", "NotRun"), ("2018-04-30", "NotRun"), ("2018-05-31", "NotRun")]);
    }
}
