using System.Net;
using System.Text.Json;
using PsaBridge.Infrastructure.Storage;
using PsaBridge.Psa.Actuals;
using PsaBridge.Psa.Tests.Api;
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

        var totals = (await ApplyAsync(client,
                $"filter(_msdyn_project_value eq {alpine.Project})/groupby((msdyn_transactiontypecode),aggregate(msdyn_amount with sum as total))"))
            .ToDictionary(r => r.GetProperty("msdyn_transactiontypecode").GetInt32(), r => r.GetProperty("total").GetDecimal());
        totals.ShouldBe(new Dictionary<int, decimal> { [192350000] = 400m, [192350005] = 0m, [192350006] = 800m }, ignoreOrder: true);
    }

    [Fact]
    public async Task Totals_by_project_and_type_are_exact_to_the_ten_thousandth_with_negative_and_large_amounts()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();
        var alpine = await Alpine.SetUpAsync(client);
        var rows = await InsertAsync(app, alpine.Project);

        var totals = (await ApplyAsync(client, "groupby((_msdyn_project_value,msdyn_transactiontypecode),aggregate(msdyn_amount with sum as total))"))
            .ToDictionary(r => (Project(r), r.GetProperty("msdyn_transactiontypecode").GetInt32()), r => r.GetProperty("total").GetDecimal());

        var expected = rows.GroupBy(a => (a.ProjectId, (int)a.TransactionType)).ToDictionary(g => g.Key, g => g.Sum(a => a.Amount));
        expected[(alpine.Project, 192350000)].ShouldBe(123_456_789.0123m - 0.0001m + 17.5m);
        totals.ShouldBe(expected, ignoreOrder: true);
    }

    [Fact]
    public async Task Other_aggregations_still_answer_averages_counts_extremes_and_totals_through_a_lookup()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();
        var alpine = await Alpine.SetUpAsync(client);
        var rows = await InsertAsync(app, alpine.Project);
        var own = rows.Where(a => a.ProjectId == alpine.Project).ToList();

        var overall = (await ApplyAsync(client,
            "aggregate(msdyn_amount with sum as total,msdyn_amount with average as mean,msdyn_amount with max as largest,msdyn_quantity with min as least,$count as rows)")).Single();
        overall.GetProperty("total").GetDecimal().ShouldBe(rows.Sum(a => a.Amount));
        overall.GetProperty("mean").GetDecimal().ShouldBe(rows.Average(a => a.Amount), 0.0001m);
        overall.GetProperty("largest").GetDecimal().ShouldBe(rows.Max(a => a.Amount));
        overall.GetProperty("least").GetDecimal().ShouldBe(rows.Min(a => a.Quantity));
        overall.GetProperty("rows").GetInt32().ShouldBe(rows.Count);

        var distinct = (await ApplyAsync(client, "groupby((msdyn_transactiontypecode),aggregate(_msdyn_project_value with countdistinct as projects))"))
            .ToDictionary(r => r.GetProperty("msdyn_transactiontypecode").GetInt32(), r => r.GetProperty("projects").GetInt32());
        distinct.ShouldBe(new Dictionary<int, int> { [192350000] = 1, [192350005] = 1 }, ignoreOrder: true); // as in SQL, no project is not a project

        var byName = (await ApplyAsync(client, "groupby((msdyn_project/msdyn_subject),aggregate(msdyn_amount with sum as total))"))
            .Where(r => r.TryGetProperty("msdyn_project", out var p) && p.ValueKind == JsonValueKind.Object && p.GetProperty("msdyn_subject").ValueKind == JsonValueKind.String)
            .ToDictionary(r => r.GetProperty("msdyn_project").GetProperty("msdyn_subject").GetString()!, r => r.GetProperty("total").GetDecimal());
        byName.ShouldBe(new Dictionary<string, decimal> { ["Alpine CRM implementation"] = own.Sum(a => a.Amount) });
    }

    [Fact]
    public async Task Totals_by_project_can_be_ordered_by_their_decimal_total_both_ways()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();
        var alpine = await Alpine.SetUpAsync(client);
        var rows = await InsertAsync(app, alpine.Project);
        var expected = rows.GroupBy(a => a.ProjectId).Select(g => (Project: g.Key, Total: g.Sum(a => a.Amount))).ToList();

        const string apply = "groupby((_msdyn_project_value),aggregate(msdyn_amount with sum as total))";
        var descending = (await ApplyAsync(client, apply, "&$orderby=total desc")).Select(r => (Project(r), r.GetProperty("total").GetDecimal())).ToList();
        descending.ShouldBe(expected.OrderByDescending(t => t.Total).ToList());
        descending[0].ShouldBe((alpine.Project, 123_456_789.0123m - 0.0001m + 17.5m + 0.3333m + 0.6667m));

        var ascending = (await ApplyAsync(client, apply, "&$orderby=total")).Select(r => (Project(r), r.GetProperty("total").GetDecimal())).ToList();
        ascending.ShouldBe(expected.OrderBy(t => t.Total).ToList());
        ascending[0].ShouldBe(((Guid?)null, -999.9999m + 42m));
    }

    private static async Task<List<JsonElement>> ApplyAsync(HttpClient client, string apply, string query = "")
    {
        var response = await client.GetAsync("/odata/msdyn_actuals?$apply=" + Uri.EscapeDataString(apply) + query);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("value").EnumerateArray().ToList();
    }

    private static Guid? Project(JsonElement row) =>
        row.TryGetProperty("_msdyn_project_value", out var id) && id.ValueKind == JsonValueKind.String ? id.GetGuid() : null;

    /// <summary>Amounts at the edges of the four decimals the columns keep, on the project and on no project.</summary>
    private static async Task<List<Actual>> InsertAsync(PsaBridgeApp app, Guid project)
    {
        (Guid? Project, TransactionType Type, decimal Amount, decimal Quantity)[] amounts =
        [
            (project, TransactionType.Cost, 123_456_789.0123m, 1m),
            (project, TransactionType.Cost, -0.0001m, 0.25m),
            (project, TransactionType.Cost, 17.5m, 3m),
            (project, TransactionType.UnbilledSales, 0.3333m, 1.5m),
            (project, TransactionType.UnbilledSales, 0.6667m, 2m),
            (null, TransactionType.Cost, -999.9999m, 4m),
            (null, TransactionType.UnbilledSales, 42m, 0.0001m),
        ];
        var rows = amounts.Select((a, i) => new Actual
        {
            Id = Ids.New(), TransactionType = a.Type, TransactionClass = TransactionClass.Time, BillingType = BillingType.Chargeable,
            DocumentDate = new DateOnly(2018, 3, 1).AddDays(i), Quantity = a.Quantity, UnitPrice = a.Amount, Amount = a.Amount, Currency = "USD",
            ProjectId = a.Project, CreatedOn = new DateTime(2018, 3, 1, 0, 0, 0, DateTimeKind.Utc),
        }).ToList();
        await using var db = app.Databases.OpenPsa();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await BulkInsert.InsertEntitiesAsync(db, rows, CancellationToken.None);
        await transaction.CommitAsync();
        return rows;
    }
}
