namespace PsaBridge.Cli.Tests.Dynamics;

public sealed class ConnectionsCommandsTests
{
    [Fact]
    public async Task Connections_test_says_an_end_nobody_configured_is_not_used_and_succeeds()
    {
        var result = await CliRun.RunAsync(null, "connections", "test");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Row("Dataverse (PSA)").ShouldBe(["Dataverse (PSA)", "settings", "OK",
            "Not used: PsaBridge:CustomerSync:Source is not Dataverse and no environment is set."]);
        result.Row("Finance and Operations").ShouldBe(["Finance and Operations", "settings", "OK", "Not used: no environment is set."]);
    }
}
