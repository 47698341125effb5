using Microsoft.EntityFrameworkCore;
using PsaBridge.Cli.Infrastructure;
using PsaBridge.Testing;

namespace PsaBridge.Cli.Tests.Commands;

public class MasterDataCommandsTests
{
    [Fact]
    public async Task Address_setup_lists_find_countries_states_cities_zip_codes_and_currencies()
    {
        var databases = await TestDatabases.CreateAsync();

        var countries = await CliRun.RunAsync(databases, "countries", "list", "--search", "de");
        countries.Row("DEU").ShouldBe(["DEU", "DE", "Germany"]);

        var states = await CliRun.RunAsync(databases, "states", "list", "united states", "--search", "washington");
        states.Row("WA")[..3].ShouldBe(["USA", "WA", "Washington"]);

        var cities = await CliRun.RunAsync(databases, "cities", "list", "US", "--state", "Washington", "--search", "seattl");
        cities.Row("Seattle").ShouldBe(["Seattle", "WA", "USA"]);

        var zips = await CliRun.RunAsync(databases, "zip-codes", "list", "usa", "--city", "seattle", "--code", "98101");
        zips.Row("98101")[..4].ShouldBe(["98101", "Seattle", "WA", "USA"]);

        var currencies = await CliRun.RunAsync(databases, "currencies", "list", "--search", "eur");
        currencies.Row("EUR")[..2].ShouldBe(["EUR", "Euro"]);

        var unknown = await CliRun.RunAsync(databases, "states", "list", "Atlantis");
        unknown.ExitCode.ShouldBe(ExitCodes.Failed);
        unknown.ErrorLines.ShouldBe(["error: Country/region 'Atlantis' was not found."]);
    }

    [Fact]
    public async Task Payment_terms_are_added_listed_and_removed()
    {
        var databases = await TestDatabases.CreateAsync();

        var add = await CliRun.RunAsync(databases, "payment-terms", "add", "Net15", "--description", "Net 15 days", "--net-days", "15");
        add.ExitCode.ShouldBe(0, add.ToString());
        add.Output.Trim().ShouldBe("Payment term Net15 added: Net 15 days, net 15 days.");

        var list = await CliRun.RunAsync(databases, "payment-terms", "list");
        list.Row("Net15").ShouldBe(["Net15", "Net 15 days", "15"]);
        list.Output.ShouldContain("1-6 of 6 payment terms (page 1 of 1).");

        var remove = await CliRun.RunAsync(databases, "payment-terms", "remove", "Net15");
        remove.ExitCode.ShouldBe(0, remove.ToString());
        await using var finance = databases.OpenFinance();
        (await finance.PaymentTerms.AnyAsync(t => t.Code == "Net15")).ShouldBeFalse();
    }

    [Fact]
    public async Task A_payment_term_in_use_cannot_be_removed()
    {
        var databases = await TestDatabases.CreateAsync();
        await Accounts.ImportAsync(databases, Accounts.FourthCoffee);
        (await CliRun.RunAsync(databases, "sync", "customers")).ExitCode.ShouldBe(ExitCodes.Ok);

        var result = await CliRun.RunAsync(databases, "payment-terms", "remove", "Net30");

        result.ExitCode.ShouldBe(ExitCodes.Failed);
        result.ErrorLines.ShouldBe(["error: Payment term 'Net30' is used by 1 customers and cannot be deleted."]);
    }

    [Fact]
    public async Task Customer_groups_are_added_and_listed()
    {
        var databases = await TestDatabases.CreateAsync();

        var add = await CliRun.RunAsync(databases, "customer-groups", "add", "40", "--description", "Public sector", "--payment-terms", "Net45");
        add.ExitCode.ShouldBe(0, add.ToString());
        add.Output.Trim().ShouldBe("Customer group 40 added: Public sector, default payment terms Net45.");

        var list = await CliRun.RunAsync(databases, "customer-groups", "list");
        list.Row("40").ShouldBe(["40", "Public sector", "Net45"]);
        list.Row("10").ShouldBe(["10", "Domestic customers", "Net30"]);
    }

    [Fact]
    public async Task Number_sequences_are_added_shown_and_give_their_next_numbers()
    {
        var databases = await TestDatabases.CreateAsync();

        var add = await CliRun.RunAsync(databases, "number-sequences", "add", "VEND", "--name", "Vendor account", "--format", "V-####", "--next", "42");
        add.ExitCode.ShouldBe(0, add.ToString());
        add.Output.Trim().ShouldBe("Number sequence VEND added: V-####, 1 to 9999, next V-0042.");

        var next = await CliRun.RunAsync(databases, "number-sequences", "next", "VEND", "--count", "3");
        next.ExitCode.ShouldBe(0, next.ToString());
        next.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ShouldBe(["V-0042", "V-0043", "V-0044"]);
        next.ErrorLines.ShouldBe(["Took 3 number(s) from VEND: 42 to 44."]);

        var show = await CliRun.RunAsync(databases, "number-sequences", "show", "VEND");
        show.Value("Next").ShouldBe("45 (V-0045)");
        show.Value("Numbers left").ShouldBe("9955");

        var list = await CliRun.RunAsync(databases, "number-sequences", "list");
        list.Row("CUST")[..4].ShouldBe(["CUST", "Customer account", "C######", "1"]);
        list.Row("VEND")[3].ShouldBe("45");
    }

    [Fact]
    public async Task An_exhausted_sequence_fails_with_a_clear_message()
    {
        var databases = await TestDatabases.CreateAsync();
        (await CliRun.RunAsync(databases, "number-sequences", "add", "TINY", "--name", "Tiny", "--format", "T#", "--largest", "2")).ExitCode.ShouldBe(0);
        (await CliRun.RunAsync(databases, "number-sequences", "next", "TINY", "--count", "2")).ExitCode.ShouldBe(0);

        var result = await CliRun.RunAsync(databases, "number-sequences", "next", "TINY");

        result.ExitCode.ShouldBe(ExitCodes.Failed);
        result.ErrorLines.ShouldBe(["error: Number sequence 'TINY' has been exceeded: the highest number allowed is 2 (T2)."]);
    }
}
