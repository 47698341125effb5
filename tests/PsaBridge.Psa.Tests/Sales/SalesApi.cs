using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PsaBridge.Psa.Sales.InvoiceFrequencies;
using PsaBridge.Psa.Tests.Api;
using PsaBridge.Testing;

namespace PsaBridge.Psa.Tests.Sales;

/// <summary>
/// The worked example's world (issue 22): Alpine Ski House, contracting unit Contoso US (USD), cost list Project
/// Manager 50/h, the customer's sales list Project Manager 100/h, Ashley Chinn, and two projects: the CRM
/// implementation (time and material) and its go-live (fixed price).
/// </summary>
internal sealed record SalesWorld(Guid Unit, Guid ProjectManager, Guid Ashley, Guid Customer, Guid SalesList, Guid Implementation, Guid GoLive)
{
    public static readonly Guid Monthly = InvoiceFrequency.MonthlyLastDayId;

    /// <summary>The seed's world (<see cref="Alpine"/>, without its contract) and a second project for the fixed-price line.</summary>
    public static async Task<SalesWorld> SetUpAsync(HttpClient client)
    {
        var alpine = await Alpine.SetUpAsync(client, withContract: false);
        var sales = (await client.ListAsync($"price-lists?customerId={alpine.Customer}")).ShouldHaveSingleItem().Id();
        var goLive = await client.CreateIdAsync("projects", new { name = "Alpine CRM go-live", contractingUnitId = alpine.Unit, customerId = alpine.Customer });
        return new SalesWorld(alpine.Unit, alpine.ProjectManager, alpine.Ashley, alpine.Customer, sales, alpine.Project, goLive);
    }

    /// <summary>Line 1 of the example: time and material, monthly, 2018-02-01 to 2018-04-30, Project Manager 100 h.</summary>
    public object TimeAndMaterialLine(decimal hours = 100m) => new
    {
        name = "CRM implementation", billingMethod = "TimeAndMaterial", projectId = Implementation, invoiceFrequencyId = Monthly,
        billingStartDate = "2018-02-01", requestedDeliveryDate = "2018-04-30",
        details = new[] { new { transactionClass = "Time", roleId = ProjectManager, quantity = hours, startDate = "2018-02-01", endDate = "2018-04-30" } },
    };

    /// <summary>Line 2 of the example: fixed price 20,000.00 in two milestones of 10,000.00.</summary>
    public object FixedPriceLine() => new
    {
        name = "CRM go-live", billingMethod = "FixedPrice", projectId = GoLive, amount = 20_000m,
        milestones = new[] { new { name = "Design signed off", invoiceDate = "2018-03-01", amount = 10_000m }, new { name = "Go-live", invoiceDate = "2018-04-30", amount = 10_000m } },
    };

    public async Task<Guid> OpportunityAsync(HttpClient client, string name = "Alpine CRM") =>
        await client.CreateIdAsync("opportunities", new { name, customerId = Customer, contractingUnitId = Unit, orderType = "WorkBased", estimatedValue = 30_000m });
}

internal static class SalesJson
{
    public static JsonElement Rollup(this JsonElement e) => e.GetProperty("rollup");

    public static (decimal Sales, decimal ChargeableCost, decimal NonChargeableCost, decimal Margin, decimal? Profitability) Totals(this JsonElement e)
    {
        var r = e.Rollup();
        var percent = r.GetProperty("profitabilityPercent");
        return (r.Number("salesAmount"), r.Number("chargeableCost"), r.Number("nonChargeableCost"), r.Number("grossMargin"),
            percent.ValueKind == JsonValueKind.Null ? null : percent.GetDecimal());
    }

    public static async Task<JsonElement> PutOkAsync(this HttpClient client, string path, object body)
    {
        var response = await client.PutAsJsonAsync("/api/psa/" + path, body, PsaBridgeApp.Json);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    public static async Task<JsonElement> RunInvoicesAsync(this HttpClient client, string runDate)
    {
        var response = await client.PostAsJsonAsync("/api/integration/jobs/invoices/run", new { runDate }, PsaBridgeApp.Json);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }
}
