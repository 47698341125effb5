using System.Text.Json;
using PsaBridge.Cli.Infrastructure;
using PsaBridge.Testing;

namespace PsaBridge.Cli.Tests.Commands;

/// <summary><c>psabridge audit</c>, and the CLI's own changes recorded as the operating-system user.</summary>
[Trait("Engine", "Both")]
public sealed class AuditCommandsTests
{
    [Fact]
    public async Task A_payment_term_added_and_removed_in_the_cli_is_in_the_trail_as_the_operating_system_user()
    {
        var databases = await TestDatabases.CreateAsync();
        var add = await CliRun.RunAsync(databases, "payment-terms", "add", "Net75", "--description", "Net 75 days", "--net-days", "75");
        add.ExitCode.ShouldBe(ExitCodes.Ok, add.ToString());
        var remove = await CliRun.RunAsync(databases, "payment-terms", "remove", "Net75");
        remove.ExitCode.ShouldBe(ExitCodes.Ok, remove.ToString());

        var file = Path.Combine(Path.GetTempPath(), $"audit-{Guid.NewGuid():N}.json");
        var json = await CliRun.RunAsync(databases, "audit", "--entity", "PaymentTerm", "--format", "json", "--out", file);

        json.ExitCode.ShouldBe(ExitCodes.Ok, json.ToString());
        var lines = JsonDocument.Parse(await File.ReadAllTextAsync(file)).RootElement.EnumerateArray()
            .Select(e => (e.GetProperty("User").GetString(), e.GetProperty("Through").GetString(), e.GetProperty("Action").GetString(), e.GetProperty("Record id").GetString()))
            .ToList();
        lines.ShouldBe([(Environment.UserName, "CLI", "DeletePaymentTerm", "Net75"), (Environment.UserName, "CLI", "CreatePaymentTerm", "Net75")]);
        File.Delete(file);

        var table = await CliRun.RunInTerminalAsync(databases, "audit", "--record", "Net75", "--user", Environment.UserName, "--sort", "action", "--ascending");
        table.Output.IndexOf("CreatePaymentTerm", StringComparison.Ordinal).ShouldBeLessThan(table.Output.IndexOf("DeletePaymentTerm", StringComparison.Ordinal));
        table.Row("CreatePaymentTerm")[1].ShouldBe(Environment.UserName);
        table.Output.ShouldContain("1-2 of 2 audit lines (page 1 of 1).");
    }
}
