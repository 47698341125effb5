using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PsaBridge.Cli.Infrastructure;
using PsaBridge.Infrastructure.Paging;
using PsaBridge.Psa.Invoicing.InvoiceRuns;
using PsaBridge.Psa.Sales;
using PsaBridge.Psa.Sales.Quotes;
using PsaBridge.Testing;

namespace PsaBridge.Cli.Tests.Sales;

/// <summary><c>psabridge contracts list|show|confirm</c> and the sales lists as JSON: issue 22's quote closed as won into its contract.</summary>
public sealed class ContractsCommandsTests
{
    [Fact]
    public async Task Contracts_list_show_and_confirm_the_contract_made_from_the_won_quote()
    {
        var databases = await TestDatabases.CreateAsync();
        var contract = await WonContractAsync(databases);

        var list = await CliRun.RunAsync(databases, "contracts", "list", "--format", "table");
        list.ExitCode.ShouldBe(ExitCodes.Ok, list.ToString());
        list.Output.ShouldContain("1-1 of 1 contracts (page 1 of 1).");
        list.Row(contract.ToString())[1..9].ShouldBe(["Alpine CRM quote", "Draft", "Draft", "WorkBased", "30,000.00", "5,000.00", "25,000.00", "0.00"]);

        var show = await CliRun.RunAsync(databases, "contracts", "show", contract.ToString());
        show.ExitCode.ShouldBe(ExitCodes.Ok, show.ToString());
        (show.Value("State"), show.Value("Sales"), show.Value("Currency")).ShouldBe(("Draft", "30,000.00", "USD"));
        show.Output.ShouldContain("Lines (2):");
        show.Lines("CRM implementation", 10).ShouldBe(["2018-02-28 NotRun", "2018-03-31 NotRun", "2018-04-30 NotRun"]);
        show.Lines("CRM go-live", 9).ShouldBe(["2018-03-01 10,000.00 NotReadyForInvoicing", "2018-04-30 10,000.00 NotReadyForInvoicing"]);
        show.Output.ShouldContain("Details (1):");
        show.Row("Project Manager")[1..].ShouldBe(["CRM implementation", "Time", "Project Manager", "", "100.00", "100.00", "10,000.00", "50.00", "5,000.00", "5,000.00"]);

        var confirmed = await CliRun.RunAsync(databases, "contracts", "confirm", contract.ToString());
        confirmed.ExitCode.ShouldBe(ExitCodes.Ok, confirmed.ToString());
        confirmed.Output.Trim().ShouldBe("Contract 'Alpine CRM quote' is confirmed: Active, Confirmed.");
        var again = await CliRun.RunAsync(databases, "contracts", "confirm", contract.ToString());
        again.ExitCode.ShouldBe(ExitCodes.Failed);
        again.ErrorLines.ShouldBe(["error: Contract 'Alpine CRM quote' is Confirmed and read-only; only its milestones' invoice status changes now."]);
        (await CliRun.RunAsync(databases, "contracts", "list", "--state", "Active", "--format", "table")).Row(contract.ToString())[2].ShouldBe("Active");
        (await CliRun.RunAsync(databases, "contracts", "list", "--state", "Draft", "--format", "table")).Output.ShouldContain("No contracts.");
    }

    [Fact]
    public async Task Contracts_quotes_and_opportunities_lists_write_every_row_as_json_with_numbers_as_numbers()
    {
        var databases = await TestDatabases.CreateAsync();
        var contract = await WonContractAsync(databases);
        var folder = Path.GetDirectoryName(CliRun.WriteFile("x.txt", ""))!;

        var contracts = await JsonListAsync(databases, folder, "contracts");
        var row = contracts.ShouldHaveSingleItem();
        (row.GetProperty("Id").GetString(), row.GetProperty("Name").GetString(), row.GetProperty("State").GetString())
            .ShouldBe((contract.ToString(), "Alpine CRM quote", "Draft"));
        (row.GetProperty("Sales").GetDecimal(), row.GetProperty("Chargeable cost").GetDecimal(), row.GetProperty("Unbilled sales").GetDecimal())
            .ShouldBe((30_000m, 5_000m, 0m));

        var quotes = await JsonListAsync(databases, folder, "quotes");
        quotes.Select(q => (q.GetProperty("Name").GetString(), q.GetProperty("State").GetString()))
            .ShouldBe([("Alpine CRM quote", "Won"), ("Alpine CRM quote, first try", "Closed")], ignoreOrder: true);
        var opportunity = (await JsonListAsync(databases, folder, "opportunities")).ShouldHaveSingleItem();
        (opportunity.GetProperty("Estimated value").GetDecimal(), opportunity.GetProperty("Estimated close").GetString(), opportunity.GetProperty("Probability %").GetInt32())
            .ShouldBe((30_000m, "2018-01-31", 60));

        var unknown = await CliRun.RunAsync(databases, "contracts", "list", "--format", "yaml");
        unknown.ExitCode.ShouldBe(ExitCodes.Usage);
        unknown.Error.ShouldContain("yaml");
    }

    [Fact]
    public async Task Invoices_run_invoices_a_ready_milestone_once_and_logs_the_run()
    {
        var databases = await TestDatabases.CreateAsync();
        var contract = await WonContractAsync(databases);
        await using (var services = CliRun.Services(databases))
        await using (var scope = services.CreateAsyncScope())
        {
            var contracts = scope.ServiceProvider.GetRequiredService<ContractService>();
            var milestone = (await contracts.GetAsync(contract)).Lines.SelectMany(l => l.Milestones).OrderBy(m => m.InvoiceDate).First();
            await contracts.MarkMilestoneReadyAsync(milestone.Id);
        }

        var run = await CliRun.RunAsync(databases, "invoices", "run", "--date", "2018-03-31");
        run.ExitCode.ShouldBe(ExitCodes.Ok, run.ToString());
        (run.Value("Contracts"), run.Value("Invoiced"), run.Value("Failed")).ShouldBe(("1", "1", "0"));
        var cells = run.Row(contract.ToString());
        (cells[1], cells[2], cells[4], cells[5], cells[6]).ShouldBe(("Alpine CRM quote", "Invoiced", "10,000.00", "USD", "1"));
        Guid.TryParse(cells[3], out _).ShouldBeTrue();
        var again = await CliRun.RunAsync(databases, "invoices", "run", "--date", "2018-03-31");
        (again.Value("Contracts"), again.Value("Invoiced")).ShouldBe(("0", "0"));

        await using (var services = CliRun.Services(databases))
        await using (var scope = services.CreateAsyncScope())
        {
            var runs = await scope.ServiceProvider.GetRequiredService<InvoiceRunLog>().ListAsync(new PageRequest(1, 10));
            runs.Items.Select(h => (h.RunDate, h.ContractCount, h.InvoicedCount, h.Status))
                .ShouldBe([(new DateOnly(2018, 3, 31), 0, 0, InvoiceRunLogStatus.Completed), (new DateOnly(2018, 3, 31), 1, 1, InvoiceRunLogStatus.Completed)]);
            runs.Items[1].Id.ToString().ShouldBe(run.Value("Log"));
        }
    }

    private static async Task<List<JsonElement>> JsonListAsync(TestDatabasePair databases, string folder, string noun)
    {
        var file = Path.Combine(folder, $"{noun}.json");
        var run = await CliRun.RunAsync(databases, noun, "list", "--format", "json", "--out", file);
        run.ExitCode.ShouldBe(ExitCodes.Ok, run.ToString());
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(file));
        return json.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }

    private static async Task<Guid> WonContractAsync(TestDatabasePair databases)
    {
        var seed = await QuotesCommandsTests.Seed.ArrangeAsync(databases);
        await using var services = CliRun.Services(databases);
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<QuoteService>().ActivateAsync(seed.Quote);
        return (await scope.ServiceProvider.GetRequiredService<QuoteClosing>().WinAsync(seed.Quote, new CloseQuoteInput("Best fit"))).Id;
    }
}
