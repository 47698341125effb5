using Microsoft.EntityFrameworkCore;
using PsaBridge.Cli.Infrastructure;
using PsaBridge.Testing;

namespace PsaBridge.Cli.Tests;

public class ErrorsTests
{
    [Fact]
    public async Task A_validation_error_exits_1_with_one_line_per_field_and_stores_nothing()
    {
        var databases = await TestDatabases.CreateAsync();

        var result = await CliRun.RunAsync(databases, "payment-terms", "add", "Net15", "--net-days", "9999");

        result.ExitCode.ShouldBe(ExitCodes.Failed);
        result.ErrorLines.ShouldBe([
            "error: description: 'description' is required.",
            "error: netDays: 'netDays' is 9999; it must be between 0 and 3650.",
        ]);
        result.Output.ShouldBeEmpty();
        await using var finance = databases.OpenFinance();
        (await finance.PaymentTerms.CountAsync()).ShouldBe(5);
    }

    [Fact]
    public async Task A_number_sequence_with_a_bad_format_names_the_field()
    {
        var databases = await TestDatabases.CreateAsync();

        var result = await CliRun.RunAsync(databases, "number-sequences", "add", "BAD", "--name", "Bad", "--format", "B#-#");

        result.ExitCode.ShouldBe(ExitCodes.Failed);
        result.ErrorLines.ShouldBe(["error: format: Format 'B#-#' must have one run of '#' characters."]);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("customers", "show")]
    [InlineData("customers", "list", "--page", "0")]
    [InlineData("customers", "list", "--page-size", "501")]
    [InlineData("payment-terms", "add", "Net15", "--net-days", "many")]
    [InlineData("db")]
    public async Task A_wrong_command_line_exits_2_and_points_to_help(params string[] args)
    {
        var result = await CliRun.RunAsync(null, args);

        result.ExitCode.ShouldBe(ExitCodes.Usage, result.ToString());
        result.ErrorLines[0].ShouldStartWith("error: ");
        result.ErrorLines[^1].ShouldEndWith("--help' for usage.");
        result.Output.ShouldBeEmpty();
    }
}
