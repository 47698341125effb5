using Microsoft.Extensions.Configuration;
using PsaBridge.Integration.Hosting;
using PsaBridge.Testing;

namespace PsaBridge.Integration.Tests.Dynamics;

/// <summary>Which source and target the customer sync uses, as the sync page and the CLI say it: never a credential.</summary>
public sealed class SyncEndsTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.ToDictionary(s => s.Key, s => (string?)s.Value)).Build();

    [Fact]
    public void Without_connectors_the_sync_runs_between_the_embedded_databases() =>
        SyncEnds.From(Settings()).ToString().ShouldBe("Source: PSA database (embedded) → Target: Finance database (embedded)");

    [Fact]
    public void Dynamics_ends_are_named_with_their_environment_and_legal_entity_and_never_a_credential()
    {
        var ends = SyncEnds.From(Settings(
            (ConnectorServices.SourceSetting, "Dataverse"), ("PsaBridge:Dataverse:EnvironmentUrl", "https://app:hunter2@psa.crm.dynamics.com/?sig=s3cret"),
            ("PsaBridge:Dataverse:ClientSecret", "dataverse-secret"),
            (ConnectorServices.TargetSetting, "FinanceAndOperations"), ("PsaBridge:FinanceAndOperations:EnvironmentUrl", "https://finance.operations.dynamics.com/"),
            ("PsaBridge:FinanceAndOperations:LegalEntity", "USMF"), ("PsaBridge:FinanceAndOperations:ClientSecret", "finance-secret")));

        ends.ToString().ShouldBe("Source: Dataverse https://psa.crm.dynamics.com → Target: Finance and Operations https://finance.operations.dynamics.com, legal entity usmf");
        foreach (var secret in new[] { "hunter2", "s3cret", "dataverse-secret", "finance-secret" }) ends.ToString().ShouldNotContain(secret);
    }

    [Fact]
    public async Task The_sync_page_shows_the_source_and_target_the_job_uses()
    {
        await using var app = await PsaBridgeApp.StartAsync(a => a.ConnectedTo(null, null, new EntraStandIn())
            .WithSetting(ConnectorServices.SourceSetting, "Dataverse").WithSetting(ConnectorServices.TargetSetting, "FinanceAndOperations"));

        var page = await app.CreateClient().GetStringAsync("/integration/sync");

        page.ShouldContain($"Source: <strong>Dataverse {ConnectedHosts.DataverseUrl}</strong> → Target: <strong>Finance and Operations {ConnectedHosts.FinanceUrl}, legal entity usmf</strong>");
        page.ShouldNotContain(ConnectedHosts.DataverseSecret);
        page.ShouldNotContain(ConnectedHosts.FinanceSecret);
    }
}
