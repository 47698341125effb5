using System.Net;
using System.Text.Json;
using PsaBridge.Testing;

namespace PsaBridge.Reporting.Tests.OData;

/// <summary>The feed's $apply totals the seed's actuals on the server, as Power BI folds a grouping into the URL.</summary>
[Trait("Engine", "Both")]
public sealed class FeedAggregationTests
{
    [Fact]
    public async Task Grouping_invoiced_actuals_by_transaction_type_gives_cost_400_and_unbilled_net_0_and_billed_800()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();
        var alpine = await AlpineReporting.InvoicedAsync(client);

        var response = await client.GetAsync(
            $"/odata/msdyn_actuals?$apply=filter(_msdyn_project_value eq {alpine.Project})/groupby((msdyn_transactiontypecode),aggregate(msdyn_amount with sum as total))");
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);

        var totals = JsonDocument.Parse(body).RootElement.GetProperty("value").EnumerateArray()
            .ToDictionary(r => r.GetProperty("msdyn_transactiontypecode").GetInt32(), r => r.GetProperty("total").GetDecimal());
        totals.ShouldBe(new Dictionary<int, decimal> { [192350000] = 400m, [192350005] = 0m, [192350006] = 800m }, ignoreOrder: true);
    }
}
