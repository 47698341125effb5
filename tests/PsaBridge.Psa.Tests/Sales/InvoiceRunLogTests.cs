using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PsaBridge.Psa.Tests.Api;
using PsaBridge.Testing;

namespace PsaBridge.Psa.Tests.Sales;

/// <summary><i>Create project invoices</i> with its log (a header per run, a line per contract) and its Quartz schedule, through the HTTP API.</summary>
[Trait("Engine", "Both")]
public sealed class InvoiceRunLogTests
{
    private const string Job = "/api/integration/jobs/invoices";

    [Fact]
    public async Task Each_run_is_logged_with_the_contracts_it_invoiced_and_a_second_run_for_the_date_logs_nothing_invoiced()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();
        var (contract, milestones) = await FixedPriceContractAsync(client);
        await client.PostOkAsync($"milestones/{milestones[0]}/ready");

        var report = await client.RunInvoicesAsync("2018-03-31");
        var again = await client.RunInvoicesAsync("2018-03-31");

        var runs = await GetAsync(client, $"{Job}/log");
        runs.GetProperty("total").GetInt32().ShouldBe(2);
        var (second, first) = (runs.GetProperty("items")[0], runs.GetProperty("items")[1]);
        (first.Id(), second.Id()).ShouldBe((report.Id("logId"), again.Id("logId")));
        (first.Text("status"), first.Text("runDate"), first.Text("jobDescription"), first.GetProperty("batchJobId").ValueKind)
            .ShouldBe(("Completed", "2018-03-31", "Create project invoices", JsonValueKind.Null));
        (first.GetProperty("contractCount").GetInt32(), first.GetProperty("invoicedCount").GetInt32(), first.GetProperty("failedCount").GetInt32()).ShouldBe((1, 1, 0));
        (second.Text("status"), second.GetProperty("contractCount").GetInt32()).ShouldBe(("Completed", 0));

        var line = (await GetAsync(client, $"{Job}/log/{first.Id()}/lines")).GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        (line.Id("contractId"), line.Text("contractName"), line.Text("outcome"), line.Number("amount"), line.Text("currency"))
            .ShouldBe((contract, "Alpine CRM go-live", "Invoiced", 10_000.00m, "USD"));
        line.Id("invoiceId").ShouldBe(report.GetProperty("contracts")[0].Id("invoiceId"));
        (await GetAsync(client, $"{Job}/log/{first.Id()}/lines?outcome=Failed")).GetProperty("total").GetInt32().ShouldBe(0);
        (await client.GetAsync($"{Job}/log/{Guid.NewGuid()}/lines")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_schedule_runs_the_job_in_batch_for_today_and_logs_the_firings_batch_job_id()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();
        var (contract, milestones) = await FixedPriceContractAsync(client);

        var schedule = await GetAsync(client, $"{Job}/schedule");
        (schedule.GetProperty("enabled").GetBoolean(), schedule.GetProperty("intervalMinutes").GetInt32()).ShouldBe((true, 1440));
        var changed = await client.PutAsJsonAsync($"{Job}/schedule", new { intervalMinutes = 60 }, PsaBridgeApp.Json);
        changed.StatusCode.ShouldBe(HttpStatusCode.OK, await changed.Content.ReadAsStringAsync());
        var hourly = await changed.JsonAsync();
        hourly.GetProperty("intervalMinutes").GetInt32().ShouldBe(60);
        hourly.GetProperty("nextRun").GetDateTime().ShouldBeInRange(DateTime.UtcNow.AddMinutes(50), DateTime.UtcNow.AddMinutes(61));
        var refused = await client.PutAsJsonAsync($"{Job}/schedule", new { intervalMinutes = 0 }, PsaBridgeApp.Json);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.JsonAsync()).ErrorsOf("intervalMinutes").ShouldBe(["'intervalMinutes' is 0; it must be between 1 and 44640 (31 days)."]);
        (await GetAsync(client, $"{Job}/schedule")).GetProperty("intervalMinutes").GetInt32().ShouldBe(60);

        await client.PostOkAsync($"milestones/{milestones[1]}/ready");
        (await client.PostAsync($"{Job}/run-in-batch", null)).StatusCode.ShouldBe(HttpStatusCode.Accepted);

        var run = await FinishedRunAsync(client);
        (run.Text("status"), run.Text("runDate"), run.GetProperty("invoicedCount").GetInt32()).ShouldBe(("Completed", DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd"), 1));
        run.Text("batchJobId").ShouldNotBeNullOrWhiteSpace();
        var line = (await GetAsync(client, $"{Job}/log/{run.Id()}/lines")).GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        (line.Id("contractId"), line.Number("amount")).ShouldBe((contract, 10_000.00m));
        (await GetAsync(client, $"{Job}/schedule")).Id("lastLogId").ShouldBe(run.Id());
    }

    /// <summary>Waits for the batch run's log header to leave Running (the scheduler runs it on its own thread).</summary>
    private static async Task<JsonElement> FinishedRunAsync(HttpClient client)
    {
        for (var attempt = 0; ; attempt++)
        {
            var items = (await GetAsync(client, $"{Job}/log")).GetProperty("items");
            if (items.GetArrayLength() == 1 && items[0].Text("status") != "Running") return items[0];
            if (attempt == 600) throw new ShouldAssertException($"The batch run did not finish: {items}");
            await Task.Delay(100);
        }
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    private static async Task<(Guid Contract, Guid[] Milestones)> FixedPriceContractAsync(HttpClient client)
    {
        var world = await SalesWorld.SetUpAsync(client);
        var contract = await client.CreateAsync("contracts", new { name = "Alpine CRM go-live", customerId = world.Customer, contractingUnitId = world.Unit, lines = new[] { world.FixedPriceLine() } });
        var milestones = contract.GetProperty("lines")[0].GetProperty("milestones").EnumerateArray().OrderBy(m => m.Text("invoiceDate")).Select(m => m.Id()).ToArray();
        return (contract.Id(), milestones);
    }
}
