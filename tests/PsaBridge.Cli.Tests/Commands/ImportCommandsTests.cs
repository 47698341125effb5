using Microsoft.EntityFrameworkCore;
using PsaBridge.Cli.Infrastructure;
using PsaBridge.Testing;

namespace PsaBridge.Cli.Tests.Commands;

public class ImportCommandsTests
{
    [Fact]
    public async Task Import_accounts_stores_the_good_rows_and_lists_each_bad_row_with_its_messages()
    {
        var databases = await TestDatabases.CreateAsync();
        var file = CliRun.WriteFile("accounts.csv", Accounts.Csv(
            Accounts.FourthCoffee,
            ",,USD,,,,Seattle,WA,98101,US,1000,Net30",
            Accounts.AlpineSkiHouse,
            "Bad Credit,,US Dollars,,,,Seattle,WA,98101,US,lots,Net30"));

        var result = await CliRun.RunAsync(databases, "import", "accounts", file);

        result.ExitCode.ShouldBe(ExitCodes.CompletedWithErrors, result.ToString());
        result.Value("Rows read").ShouldBe("4");
        result.Value("Imported").ShouldBe("2");
        result.Value("Errors").ShouldBe("2");
        result.Output.ShouldContain("Rows in error (2); none of them was stored:");
        result.Row("name: 'name' is required.")[0].ShouldBe("3");
        var badCredit = result.Row("Bad Credit");
        badCredit[0].ShouldBe("5");
        result.Output.ShouldContain("creditLimit: 'lots' is not a number.");
        result.Output.ShouldContain("currency: Currency 'US Dollars' is not an ISO 4217 code (three letters, such as USD).");

        await using var psa = databases.OpenPsa();
        (await psa.Accounts.OrderBy(a => a.Name).Select(a => a.Name).ToListAsync()).ShouldBe(["Alpine Ski House", "Fourth Coffee"]);
        var alpine = await psa.Accounts.SingleAsync(a => a.AccountNumber == "ALPINE");
        alpine.CreditLimit.ShouldBe(75_000m);
        alpine.Address1.StateOrProvince.ShouldBe("Colorado");

        var list = await CliRun.RunAsync(databases, "accounts", "list", "--search", "alpine");
        list.ExitCode.ShouldBe(0, list.ToString());
        list.Row("Alpine Ski House")[0].ShouldBe(alpine.Id.ToString());
        list.Output.ShouldContain("1-1 of 1 accounts (page 1 of 1).");
        list.Output.ShouldNotContain("Fourth Coffee");

        var show = await CliRun.RunAsync(databases, "accounts", "show", alpine.Id.ToString());
        show.ExitCode.ShouldBe(0, show.ToString());
        show.Value("Name").ShouldBe("Alpine Ski House");
        show.Value("Account number").ShouldBe("ALPINE");
        show.Value("City").ShouldBe("Denver");
        show.Value("Credit limit").ShouldBe("75,000.00");
        show.Value("Status").ShouldBe("Active");
    }

    [Fact]
    public async Task Import_accounts_of_a_file_with_unknown_columns_fails_and_stores_nothing()
    {
        var databases = await TestDatabases.CreateAsync();
        var file = CliRun.WriteFile("colours.csv", "name,colour\nFourth Coffee,blue\n");

        var result = await CliRun.RunAsync(databases, "import", "accounts", file);

        result.ExitCode.ShouldBe(ExitCodes.Failed, result.ToString());
        result.ErrorLines.ShouldHaveSingleItem().ShouldStartWith("error: colours.csv: Unknown columns: colour.");
        await using var psa = databases.OpenPsa();
        (await psa.Accounts.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Import_of_a_missing_file_is_a_usage_error()
    {
        var result = await CliRun.RunAsync(null, "import", "accounts", "/nonexistent/accounts.csv");

        result.ExitCode.ShouldBe(ExitCodes.Usage);
        result.ErrorLines[0].ShouldContain("/nonexistent/accounts.csv");
    }

    [Fact]
    public async Task Import_address_data_creates_cities_and_zip_codes_and_lists_bad_rows()
    {
        var databases = await TestDatabases.CreateAsync();
        var file = CliRun.WriteFile("places.csv", """
            country,state,city,zip
            GB,SCT,Tobermory,PA75 6NR
            us,wa,Seattle,98101
            Atlantis,Nowhere,Lost City,00000

            """);

        var result = await CliRun.RunAsync(databases, "import", "address-data", file);

        result.ExitCode.ShouldBe(ExitCodes.CompletedWithErrors, result.ToString());
        result.Value("Rows read").ShouldBe("3");
        result.Value("Imported").ShouldBe("1");
        result.Value("Skipped (already there)").ShouldBe("1");
        result.Value("Errors").ShouldBe("1");
        result.Value("Cities created").ShouldBe("1");
        result.Value("Zip codes created").ShouldBe("1");
        result.Row("4")[1].ShouldBe("country: 'Atlantis' is not a known country (give its alpha-2 or alpha-3 code or its name).");

        var zip = await CliRun.RunAsync(databases, "zip-codes", "list", "GB", "--city", "Tobermory");
        zip.ExitCode.ShouldBe(0, zip.ToString());
        zip.Row("PA75 6NR").ShouldBe(["PA75 6NR", "Tobermory", "SCT", "GBR", ""]);

        // 'import cities' is the same command under the name users look for.
        var again = await CliRun.RunAsync(databases, "import", "cities", file);
        again.Value("Imported").ShouldBe("0");
        again.Value("Skipped (already there)").ShouldBe("2");
    }
}
