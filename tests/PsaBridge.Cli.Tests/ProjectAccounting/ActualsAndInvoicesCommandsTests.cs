using PsaBridge.Cli.Infrastructure;
using PsaBridge.Psa.Actuals;
using PsaBridge.Psa.Invoicing;
using PsaBridge.Psa.Projects;
using PsaBridge.Psa.Resources;
using PsaBridge.Psa.Sales;
using PsaBridge.Psa.Sales.Estimates;
using PsaBridge.Psa.Sales.Quotes;
using PsaBridge.Psa.Time;
using PsaBridge.Testing;

namespace PsaBridge.Cli.Tests.ProjectAccounting;

/// <summary>The CLI reads of seeds/003 "Reporting on actual transactions": the four actuals of one time entry, and its invoice.</summary>
public sealed class ActualsAndInvoicesCommandsTests
{
    [Fact]
    public async Task Actuals_list_shows_the_seeds_four_actuals_and_filters_them()
    {
        var databases = await TestDatabases.CreateAsync();
        var seed = await Seed.ArrangeAsync(databases);

        var list = await CliRun.RunAsync(databases, "actuals", "list");

        list.ExitCode.ShouldBe(ExitCodes.Ok, list.ToString());
        list.Output.ShouldContain("1-4 of 4 actuals (page 1 of 1).");
        Columns(list.Row(seed.Cost.ToString())).ShouldBe(["2018-02-03", "Cost", "Time", "Alpine Ski House", "Alpine CRM", "Ashley Chinn", "Project Manager", "Chargeable", "8.00", "50.00", "400.00", "USD", ""]);
        Columns(list.Row(seed.Unbilled.ToString())).ShouldBe(["2018-02-03", "UnbilledSales", "Time", "Alpine Ski House", "Alpine CRM", "Ashley Chinn", "Project Manager", "Chargeable", "8.00", "100.00", "800.00", "USD", "CustomerInvoicePosted"]);
        Columns(list.Row(seed.Reversal.ToString())).ShouldBe(["2018-02-04", "UnbilledSales", "Time", "Alpine Ski House", "Alpine CRM", "Ashley Chinn", "Project Manager", "Chargeable", "-8.00", "100.00", "-800.00", "USD", "CustomerInvoicePosted"]);
        Columns(list.Row(seed.Billed.ToString())).ShouldBe(["2018-02-04", "BilledSales", "Time", "Alpine Ski House", "Alpine CRM", "Ashley Chinn", "Project Manager", "Chargeable", "8.00", "100.00", "800.00", "USD", "CustomerInvoicePosted"]);

        var unbilled = await CliRun.RunAsync(databases, "actuals", "list", "--customer", seed.Customer.ToString(), "--type", "UnbilledSales");
        unbilled.Output.ShouldContain("1-2 of 2 actuals (page 1 of 1).");
        unbilled.Row(seed.Unbilled.ToString())[11].ShouldBe("800.00");
        unbilled.Row(seed.Reversal.ToString())[11].ShouldBe("-800.00");

        var billed = await CliRun.RunAsync(databases, "actuals", "list", "--contract", seed.Contract.ToString(), "--type", "BilledSales");
        billed.Output.ShouldContain("1-1 of 1 actuals (page 1 of 1).");
        billed.Row(seed.Billed.ToString())[11].ShouldBe("800.00");

        var paged = await CliRun.RunAsync(databases, "actuals", "list", "--project", seed.Project.ToString(), "--page", "2", "--page-size", "3");
        paged.Output.ShouldContain("4-4 of 4 actuals (page 2 of 2).");
        paged.Row(seed.Billed.ToString())[2].ShouldBe("BilledSales");

        var badType = await CliRun.RunAsync(databases, "actuals", "list", "--type", "Overhead");
        badType.ExitCode.ShouldBe(ExitCodes.Usage);
        badType.Error.ShouldContain("Overhead");
    }

    [Fact]
    public async Task Actuals_show_lists_the_origins_and_connections_of_the_billed_sales()
    {
        var databases = await TestDatabases.CreateAsync();
        var seed = await Seed.ArrangeAsync(databases);

        var show = await CliRun.RunAsync(databases, "actuals", "show", seed.Billed.ToString());

        show.ExitCode.ShouldBe(ExitCodes.Ok, show.ToString());
        show.Value("Transaction type").ShouldBe("BilledSales");
        show.Value("Document date").ShouldBe("2018-02-04");
        show.Value("Customer").ShouldBe("Alpine Ski House");
        show.Value("Resource").ShouldBe("Ashley Chinn");
        (show.Value("Quantity"), show.Value("Unit price"), show.Value("Amount")).ShouldBe(("8.00", "100.00", "800.00"));
        show.Value("Billing status").ShouldBe("CustomerInvoicePosted");
        show.Value("Invoice").ShouldBe(seed.Invoice.ToString());
        show.Output.ShouldContain("Transaction origins (5):");
        show.Row("msdyn_timeentry")[1].ShouldBe(seed.Entry.ToString());
        show.Row("invoice")[1].ShouldBe(seed.Invoice.ToString());
        show.Row("msdyn_journalline").Length.ShouldBe(2);
        show.Output.ShouldContain("Transaction connections (1):");
        show.Row("Billed Sales").ShouldBe([seed.Billed.ToString(), "Billed Sales", "msdyn_actual", seed.Unbilled.ToString(), "Unbilled Sales", "msdyn_actual"]);

        var reversal = await CliRun.RunAsync(databases, "actuals", "show", seed.Reversal.ToString());
        reversal.Value("Amount").ShouldBe("-800.00");
        reversal.Row("Reversing").ShouldBe([seed.Reversal.ToString(), "Reversing", "msdyn_actual", seed.Unbilled.ToString(), "Original", "msdyn_actual"]);

        var missing = await CliRun.RunAsync(databases, "actuals", "show", Guid.Empty.ToString());
        missing.ExitCode.ShouldBe(ExitCodes.Failed);
        missing.ErrorLines.ShouldBe([$"error: Actual '{Guid.Empty}' was not found."]);
    }

    [Fact]
    public async Task Invoices_list_and_show_read_the_confirmed_invoice_with_its_line_and_detail()
    {
        var databases = await TestDatabases.CreateAsync();
        var seed = await Seed.ArrangeAsync(databases);

        var list = await CliRun.RunAsync(databases, "invoices", "list", "--contract", seed.Contract.ToString());
        list.ExitCode.ShouldBe(ExitCodes.Ok, list.ToString());
        list.Output.ShouldContain("1-1 of 1 invoices (page 1 of 1).");
        list.Row(seed.Invoice.ToString())[1..7].ShouldBe(["Alpine CRM 2018-02-04", "2018-02-04", "Confirmed", "1", "800.00", "USD"]);
        (await CliRun.RunAsync(databases, "invoices", "list", "--customer", seed.Customer.ToString(), "--status", "Confirmed")).Row(seed.Invoice.ToString())[3].ShouldBe("Confirmed");
        (await CliRun.RunAsync(databases, "invoices", "list", "--status", "Draft")).Output.ShouldContain("No invoices");

        var show = await CliRun.RunAsync(databases, "invoices", "show", seed.Invoice.ToString());
        show.ExitCode.ShouldBe(ExitCodes.Ok, show.ToString());
        show.Value("Name").ShouldBe("Alpine CRM 2018-02-04");
        show.Value("Status").ShouldBe("Confirmed");
        show.Value("Total").ShouldBe("800.00");
        show.Value("Contract").ShouldBe(seed.Contract.ToString());
        show.Output.ShouldContain("Line CRM implementation: chargeable 800.00, non-chargeable 0.00, complimentary 0.00 (1 details):");
        var detail = show.Row(seed.Unbilled.ToString());
        detail[1..8].ShouldBe(["2018-02-03", "Time", "Chargeable", "8.00", "100.00", "800.00", seed.Unbilled.ToString()]);
    }

    [Fact]
    public async Task Report_prints_profitability_and_utilization_as_a_table_or_csv_and_writes_xlsx_to_a_file()
    {
        var databases = await TestDatabases.CreateAsync();
        await Seed.ArrangeAsync(databases);

        var table = await CliRun.RunInTerminalAsync(databases, "report", "profitability");
        table.ExitCode.ShouldBe(ExitCodes.Ok, table.ToString());
        table.Row("Alpine CRM implementation").ShouldBe(["Alpine CRM implementation", "Alpine Ski House", "Contoso Consulting US", "USD", "400.00", "0.00", "800.00",
            "800.00", "400.00", "50.00", "10,000.00", ""]); // the contract was made without a quote

        var folder = Path.Combine(Path.GetTempPath(), "psabridge-tests", "cli-files", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var csvFile = Path.Combine(folder, "utilization.csv");
        var csv = await CliRun.RunAsync(databases, "report", "utilization", "--from", "2018-02-01", "--to", "2018-02-28", "--format", "csv", "--out", csvFile);
        csv.ExitCode.ShouldBe(ExitCodes.Ok, csv.ToString());
        csv.Output.ShouldContain("1 rows written to");
        var lines = (await File.ReadAllTextAsync(csvFile)).Trim('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("Month,Resource,Role,Unit,Capacity hours,Actual hours,Chargeable hours,Chargeable utilization %");
        lines.Length.ShouldBe(2);
        var ashley = lines[1].Split(',');
        ashley[..4].ShouldBe(["2018-02-01", "Ashley Chinn", "Project Manager", "Contoso Consulting US"]);
        ashley[4..].Select(v => decimal.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe([160m, 8m, 8m, 5m]);

        var file = Path.Combine(folder, "pipeline.xlsx");
        var xlsx = await CliRun.RunAsync(databases, "report", "pipeline", "--format", "xlsx", "--out", file);
        xlsx.ExitCode.ShouldBe(ExitCodes.Ok, xlsx.ToString());
        xlsx.Output.ShouldContain("0 rows written to");
        new FileInfo(file).Length.ShouldBeGreaterThan(0);

        var refused = await CliRun.RunAsync(databases, "report", "forecast");
        refused.ExitCode.ShouldNotBe(ExitCodes.Ok);
    }

    [Fact]
    public async Task Report_shows_a_projects_quote_estimate_from_the_won_quote_its_contract_came_from()
    {
        var databases = await TestDatabases.CreateAsync();
        await using (var world = await PricedWorld.ArrangeAsync(databases, "Contoso Consulting US", "Project Manager", costRate: 50.00m, salesRate: 100.00m))
        {
            T S<T>() where T : notnull => world.Get<T>();
            var ashley = await S<ResourceService>().CreateResourceAsync(new ResourceInput("Ashley Chinn", ResourceType.User, world.Unit.Id, world.Role.Id));
            var project = await S<ProjectService>().CreateAsync(new ProjectInput("Alpine CRM implementation", world.Unit.Id, world.Customer.Id, ashley.Id,
                TeamMembers: [new TeamMemberInput(ashley.Id, world.Role.Id)]));
            var quote = await S<QuoteService>().CreateAsync(new QuoteInput("Alpine CRM quote", world.Customer.Id, world.Unit.Id, Lines:
            [
                new SalesLineInput("CRM implementation", BillingMethod.TimeAndMaterial, project.Id,
                    Details: [new LineDetailInput(TransactionClass.Time, 100m, new(2018, 2, 1), new(2018, 4, 30), RoleId: world.Role.Id)]),
            ]));
            await S<QuoteService>().ActivateAsync(quote.Id);
            await S<QuoteClosing>().WinAsync(quote.Id, new CloseQuoteInput("Best fit"));
            var time = S<TimeEntryService>();
            var entry = await time.CreateAsync(new TimeEntryInput(new DateOnly(2018, 2, 3), 480, ashley.Id, project.Id, Description: "Project management"));
            await time.SubmitAsync(entry.Id);
            await time.ApproveAsync(entry.Id);
        }

        var table = await CliRun.RunInTerminalAsync(databases, "report", "profitability");

        table.ExitCode.ShouldBe(ExitCodes.Ok, table.ToString());
        table.Row("Alpine CRM implementation").ShouldBe(["Alpine CRM implementation", "Alpine Ski House", "Contoso Consulting US", "USD", "400.00", "800.00", "0.00",
            "800.00", "400.00", "50.00", "", "10,000.00"]);
    }

    /// <summary>Table cells after the id column.</summary>
    private static string[] Columns(string[] row) => row[1..];

    /// <summary>The seed's flow through the PSA services: Ashley Chinn's 8 hours on 2018-02-03, approved, invoiced on 2018-02-04.</summary>
    private sealed record Seed(Guid Customer, Guid Contract, Guid Project, Guid Entry, Guid Invoice, Guid Cost, Guid Unbilled, Guid Reversal, Guid Billed)
    {
        public static async Task<Seed> ArrangeAsync(TestDatabasePair databases)
        {
            await using var world = await PricedWorld.ArrangeAsync(databases, "Contoso Consulting US", "Project Manager", costRate: 50.00m, salesRate: 100.00m);
            T S<T>() where T : notnull => world.Get<T>();
            var (unit, role, customer) = (world.Unit, world.Role, world.Customer);
            var ashley = await S<ResourceService>().CreateResourceAsync(new ResourceInput("Ashley Chinn", ResourceType.User, unit.Id, role.Id));
            var project = await S<ProjectService>().CreateAsync(new ProjectInput("Alpine CRM implementation", unit.Id, customer.Id, ashley.Id,
                TeamMembers: [new TeamMemberInput(ashley.Id, role.Id)]));
            var contract = await S<ContractService>().CreateAsync(new ContractInput("Alpine CRM", customer.Id, unit.Id,
                Lines: [new SalesLineInput("CRM implementation", BillingMethod.TimeAndMaterial, project.Id, 10_000m)]));
            var time = S<TimeEntryService>();
            var entry = await time.CreateAsync(new TimeEntryInput(new DateOnly(2018, 2, 3), 480, ashley.Id, project.Id, Description: "Project management"));
            await time.SubmitAsync(entry.Id);
            await time.ApproveAsync(entry.Id);
            var invoices = S<InvoiceService>();
            var draft = await invoices.CreateDraftAsync(new InvoiceInput(contract.Id, new DateOnly(2018, 2, 4)));
            await invoices.ConfirmAsync(draft.Id);

            var actuals = (await S<ActualQueries>().ListAsync(new ActualFilter(ContractId: contract.Id), new(1, 10))).Items;
            actuals.Select(a => a.Amount).ShouldBe([400.00m, 800.00m, -800.00m, 800.00m]);
            return new Seed(customer.Id, contract.Id, project.Id, entry.Id, draft.Id, actuals[0].Id, actuals[1].Id, actuals[2].Id, actuals[3].Id);
        }
    }
}
