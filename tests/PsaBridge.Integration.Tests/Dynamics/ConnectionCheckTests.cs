using PsaBridge.Integration.Dynamics;
using PsaBridge.Testing;

namespace PsaBridge.Integration.Tests.Dynamics;

/// <summary><c>psabridge connections test</c>'s checks against hosts that speak Dataverse's and F&amp;O's protocols.</summary>
public sealed class ConnectionCheckTests
{
    [Fact]
    public async Task Both_ends_pass_their_settings_token_read_and_reference_data_checks()
    {
        await using var environments = await PsaBridgeApp.StartAsync();
        var entra = new EntraStandIn();
        await using var sync = await PsaBridgeApp.StartAsync(a => a.ConnectedTo(environments, environments, entra).WithSetting("PsaBridge:CustomerSync:Source", "Dataverse"));

        var findings = await sync.Service<ConnectionCheck>().RunAsync(CancellationToken.None);

        findings.Select(f => (f.End, f.Check, f.Ok)).ShouldBe([
            (ConnectionCheck.DataverseEnd, "settings", true), (ConnectionCheck.DataverseEnd, "token", true), (ConnectionCheck.DataverseEnd, "read", true),
            (ConnectionCheck.FinanceEnd, "settings", true), (ConnectionCheck.FinanceEnd, "token", true), (ConnectionCheck.FinanceEnd, "reference data", true),
        ]);
        findings[1].Sentence.ShouldBe($"Entra ID gave {ConnectedHosts.DataverseClientId} a token for https://psa.crm.dynamics.com/.default.");
        findings[5].Sentence.ShouldStartWith("Legal entity 'usmf': ");
        findings[5].Sentence.ShouldContain(" 3 customer groups, "); // the finance side's groups 10, 20 and 30
    }

    [Fact]
    public async Task A_wrong_secret_fails_the_token_check_with_Entras_reason_and_never_shows_the_secret()
    {
        await using var environments = await PsaBridgeApp.StartAsync();
        var entra = new EntraStandIn();
        await using var sync = await PsaBridgeApp.StartAsync(a => a.ConnectedTo(environments, null, entra)
            .WithSetting("PsaBridge:Dataverse:ClientSecret", "a-wrong-secret").WithSetting("PsaBridge:FinanceAndOperations:LegalEntity", ""));

        var findings = await sync.Service<ConnectionCheck>().RunAsync(CancellationToken.None);

        var token = findings.Single(f => f is { End: ConnectionCheck.DataverseEnd, Check: "token" });
        token.Ok.ShouldBeFalse();
        token.Sentence.ShouldContain("AADSTS7000215: Invalid client secret provided.");
        findings.ShouldNotContain(f => f.End == ConnectionCheck.DataverseEnd && f.Check == "read"); // not called without a token
        var finance = findings.Single(f => f.End == ConnectionCheck.FinanceEnd);
        (finance.Check, finance.Ok, finance.Sentence).ShouldBe(("settings", false, "PsaBridge:FinanceAndOperations:LegalEntity is not set to the legal entity (dataAreaId)."));
        findings.ShouldAllBe(f => !f.Sentence.Contains("a-wrong-secret") && !f.Sentence.Contains(ConnectedHosts.FinanceSecret));
    }
}
