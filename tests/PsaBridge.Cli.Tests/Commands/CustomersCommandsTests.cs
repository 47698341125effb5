using PsaBridge.Cli.Infrastructure;
using PsaBridge.Testing;

namespace PsaBridge.Cli.Tests.Commands;

public class CustomersCommandsTests
{
    [Fact]
    public async Task Customers_list_and_show_read_the_customers_a_sync_made()
    {
        var databases = await TestDatabases.CreateAsync();
        await Accounts.ImportAsync(databases, Accounts.FourthCoffee, Accounts.AlpineSkiHouse);
        (await CliRun.RunAsync(databases, "sync", "customers")).ExitCode.ShouldBe(ExitCodes.Ok);

        var list = await CliRun.RunAsync(databases, "customers", "list");
        list.ExitCode.ShouldBe(0, list.ToString());
        list.Row("ALPINE")[..9].ShouldBe(["ALPINE", "Alpine Ski House", "10", "USD", "Net45", "75,000.00", "Denver", "CO", "USA"]);
        list.Row("C000001")[..9].ShouldBe(["C000001", "Fourth Coffee", "10", "USD", "Net30", "50,000.00", "Seattle", "WA", "USA"]);
        list.Output.ShouldContain("1-2 of 2 customers (page 1 of 1).");

        var paged = await CliRun.RunAsync(databases, "customers", "list", "--page", "2", "--page-size", "1");
        paged.Row("C000001")[1].ShouldBe("Fourth Coffee");
        paged.Output.ShouldNotContain("ALPINE");
        paged.Output.ShouldContain("2-2 of 2 customers (page 2 of 2).");

        var search = await CliRun.RunAsync(databases, "customers", "list", "--search", "coffee");
        search.Output.ShouldContain("1-1 of 1 customers (page 1 of 1).");
        search.Row("C000001")[1].ShouldBe("Fourth Coffee");

        var show = await CliRun.RunAsync(databases, "customers", "show", "C000001");
        show.ExitCode.ShouldBe(0, show.ToString());
        show.Value("Name").ShouldBe("Fourth Coffee");
        show.Value("Relation type").ShouldBe("Organization");
        show.Value("Phone").ShouldBe("+1 425 555 0100");
        show.Value("Email").ShouldBe("ap@fourthcoffee.com");
        show.Value("Street").ShouldBe("1 Main St");
        show.Value("Zip code").ShouldBe("98101");
        show.Value("Country/region").ShouldBe("USA");
        show.Row("Customer C000001 created.")[2..4].ShouldBe(["Completed", "Created"]);
    }

    [Fact]
    public async Task An_unknown_customer_is_not_found()
    {
        var databases = await TestDatabases.CreateAsync();

        var result = await CliRun.RunAsync(databases, "customers", "show", "NOPE");

        result.ExitCode.ShouldBe(ExitCodes.Failed);
        result.ErrorLines.ShouldBe(["error: Customer 'NOPE' was not found."]);
        result.Output.ShouldBeEmpty();
    }
}
