namespace PsaBridge.Cli.Tests;

/// <summary>PSA accounts as CSV: two that synchronize and one whose state finance does not know.</summary>
public static class Accounts
{
    public const string Header = "name,accountNumber,currency,telephone1,emailAddress1,line1,city,stateOrProvince,postalCode,country,creditLimit,paymentTerms";
    public const string FourthCoffee = "Fourth Coffee,,USD,+1 425 555 0100,ap@fourthcoffee.com,1 Main St,Seattle,WA,98101,US,50000,Net30";
    public const string AlpineSkiHouse = "Alpine Ski House,ALPINE,USD,+1 970 555 0134,billing@alpineskihouse.com,100 Mountain Rd,Denver,Colorado,80202,USA,75000,Net45";
    public const string BlueYonder = "Blue Yonder Airlines,,USD,,,3 Airport Way,Seattle,Washingtn,98158,US,150000,Net30";
    public const string BlueYonderError = "State: 'Washingtn' does not exist in finance for United States (USA).";

    public static string Csv(params string[] rows) => string.Join('\n', [Header, .. rows]) + "\n";

    /// <summary>Imports the rows through the CLI, as a user would, and checks that they all went in.</summary>
    public static async Task ImportAsync(Testing.TestDatabasePair databases, params string[] rows)
    {
        var result = await CliRun.RunAsync(databases, "import", "accounts", CliRun.WriteFile("accounts.csv", Csv(rows)));
        result.ExitCode.ShouldBe(0, result.ToString());
    }
}
