using PsaBridge.Cli.Infrastructure;
using PsaBridge.Psa.Actuals;
using PsaBridge.Psa.Projects;
using PsaBridge.Psa.Resources;
using PsaBridge.Psa.Sales;
using PsaBridge.Psa.Sales.Estimates;
using PsaBridge.Psa.Sales.InvoiceFrequencies;
using PsaBridge.Psa.Sales.Opportunities;
using PsaBridge.Psa.Sales.Quotes;
using PsaBridge.Testing;

namespace PsaBridge.Cli.Tests.Sales;

/// <summary>The CLI reads of the sales pipeline: issue 22's opportunity "Alpine CRM" and its quote with two lines.</summary>
public sealed class QuotesCommandsTests
{
    [Fact]
    public async Task Quotes_list_and_show_print_the_worked_examples_rollups_lines_and_detail()
    {
        var databases = await TestDatabases.CreateAsync();
        var seed = await Seed.ArrangeAsync(databases);

        var list = await CliRun.RunAsync(databases, "quotes", "list", "--format", "table");
        list.ExitCode.ShouldBe(ExitCodes.Ok, list.ToString());
        list.Output.ShouldContain("1-2 of 2 quotes (page 1 of 1).");
        list.Row(seed.Quote.ToString())[1..9].ShouldBe(["Alpine CRM quote", "Draft", "InProgress", "30,000.00", "5,000.00", "25,000.00", "83.33", "USD"]);
        list.Row(seed.Lost.ToString())[2..4].ShouldBe(["Closed", "Lost"]);

        var drafts = await CliRun.RunAsync(databases, "quotes", "list", "--state", "Draft", "--opportunity", seed.Opportunity.ToString(), "--format", "table");
        drafts.Output.ShouldContain("1-1 of 1 quotes (page 1 of 1).");
        drafts.Output.ShouldNotContain(seed.Lost.ToString());

        var show = await CliRun.RunAsync(databases, "quotes", "show", seed.Quote.ToString());
        show.ExitCode.ShouldBe(ExitCodes.Ok, show.ToString());
        (show.Value("State"), show.Value("Order type"), show.Value("Opportunity")).ShouldBe(("Draft", "WorkBased", seed.Opportunity.ToString()));
        (show.Value("Sales"), show.Value("Chargeable cost"), show.Value("Gross margin"), show.Value("Profitability %"))
            .ShouldBe(("30,000.00", "5,000.00", "25,000.00", "83.33"));
        show.Output.ShouldContain("Lines (2):");
        show.Row("CRM implementation")[2..9].ShouldBe(["CRM implementation", "TimeAndMaterial", seed.Implementation.ToString(), "", "10,000.00", "5,000.00", "5,000.00"]);
        show.Lines("CRM implementation", 10).ShouldBe(["2018-02-28", "2018-03-31", "2018-04-30"]);
        show.Lines("CRM go-live", 9).ShouldBe(["2018-03-01 10,000.00", "2018-04-30 10,000.00"]);
        show.Output.ShouldContain("Details (1):");
        show.Row("Project Manager")[1..].ShouldBe(["CRM implementation", "Time", "Project Manager", "", "100.00", "100.00", "10,000.00", "50.00", "5,000.00", "5,000.00"]);

        var missing = await CliRun.RunAsync(databases, "quotes", "show", Guid.Empty.ToString());
        missing.ExitCode.ShouldBe(ExitCodes.Failed);
        missing.ErrorLines.ShouldBe([$"error: Quote '{Guid.Empty}' was not found."]);
    }

    [Fact]
    public async Task Opportunities_list_shows_the_pipeline_and_filters_by_state()
    {
        var databases = await TestDatabases.CreateAsync();
        var seed = await Seed.ArrangeAsync(databases);

        var list = await CliRun.RunAsync(databases, "opportunities", "list", "--customer", seed.Customer.ToString(), "--format", "table");
        list.ExitCode.ShouldBe(ExitCodes.Ok, list.ToString());
        list.Output.ShouldContain("1-1 of 1 opportunities (page 1 of 1).");
        list.Row(seed.Opportunity.ToString())[1..10].ShouldBe(["Alpine CRM", "Open", "InProgress", "WorkBased", "30,000.00", "USD", "2018-01-31", "60", "0"]);

        var won = await CliRun.RunAsync(databases, "opportunities", "list", "--state", "Won", "--format", "table");
        won.Output.ShouldContain("No opportunities.");

        var badState = await CliRun.RunAsync(databases, "opportunities", "list", "--state", "Maybe");
        badState.ExitCode.ShouldBe(ExitCodes.Usage);
        badState.Error.ShouldContain("Maybe");
    }

    /// <summary>Issue 22's world through the services: the opportunity, its quote with both lines, and a second quote closed as lost.</summary>
    internal sealed record Seed(Guid Customer, Guid Opportunity, Guid Quote, Guid Lost, Guid Implementation)
    {
        public static async Task<Seed> ArrangeAsync(TestDatabasePair databases)
        {
            await using var world = await PricedWorld.ArrangeAsync(databases, "Contoso US", "Project Manager", costRate: 50.00m, salesRate: 100.00m);
            T S<T>() where T : notnull => world.Get<T>();
            var (unit, role, customer) = (world.Unit, world.Role, world.Customer);
            var implementation = await S<ProjectService>().CreateAsync(new ProjectInput("Alpine CRM implementation", unit.Id, customer.Id));
            var goLive = await S<ProjectService>().CreateAsync(new ProjectInput("Alpine CRM go-live", unit.Id, customer.Id));
            var opportunity = await S<OpportunityService>().CreateAsync(new OpportunityInput("Alpine CRM", customer.Id, OrderType.WorkBased, unit.Id,
                EstimatedValue: 30_000m, EstimatedCloseDate: new(2018, 1, 31), CloseProbability: 60));
            var quotes = S<QuoteService>();
            var quote = await quotes.CreateAsync(new QuoteInput("Alpine CRM quote", OpportunityId: opportunity.Id, Lines:
            [
                new SalesLineInput("CRM implementation", BillingMethod.TimeAndMaterial, implementation.Id, InvoiceFrequencyId: InvoiceFrequency.MonthlyLastDayId,
                    BillingStartDate: new(2018, 2, 1), RequestedDeliveryDate: new(2018, 4, 30),
                    Details: [new LineDetailInput(TransactionClass.Time, 100m, new(2018, 2, 1), new(2018, 4, 30), RoleId: role.Id)]),
                new SalesLineInput("CRM go-live", BillingMethod.FixedPrice, goLive.Id, Amount: 20_000m,
                    Milestones: [new MilestoneInput("Design signed off", new(2018, 3, 1), 10_000m), new MilestoneInput("Go-live", new(2018, 4, 30), 10_000m)]),
            ]));
            var other = await quotes.CreateAsync(new QuoteInput("Alpine CRM quote, first try", OpportunityId: opportunity.Id, Lines: []));
            await S<QuoteClosing>().LoseAsync(other.Id, new CloseQuoteInput("Priced too high"));
            return new Seed(customer.Id, opportunity.Id, quote.Id, other.Id, implementation.Id);
        }
    }
}
