using Microsoft.Extensions.DependencyInjection;
using PsaBridge.Integration.Dynamics;
using PsaBridge.Integration.Hosting;
using PsaBridge.Integration.Sources.Dataverse;
using PsaBridge.Integration.Tests.CustomerSync;
using PsaBridge.Testing;
using PsaBridge.Web.Dataverse;
using PsaBridge.Web.Dynamics;
using PsaBridge.Web.Security;

namespace PsaBridge.Integration.Tests.Dynamics;

/// <summary>The Dataverse source reading a PSA host's Dataverse-compatible API, with tokens from MSAL.</summary>
[Trait("Engine", "Both")]
public sealed class DataverseSourceTests
{
    private static async Task<(PsaBridgeApp Psa, PsaBridgeApp Sync, RequestLog Log, EntraStandIn Entra)> HostsAsync()
    {
        var log = new RequestLog();
        var psa = await PsaBridgeApp.StartAsync(a => a.WithRequestLog(log));
        var entra = new EntraStandIn();
        var sync = await PsaBridgeApp.StartAsync(a => a.ConnectedTo(psa, null, entra).WithSetting("PsaBridge:Dataverse:MaxPageSize", "2"));
        return (psa, sync, log, entra);
    }

    [Fact]
    public async Task A_full_read_pages_to_a_delta_link_and_the_delta_link_then_reads_only_the_changes()
    {
        var (psa, sync, log, entra) = await HostsAsync();
        await using var _ = psa;
        await using var __ = sync;
        var client = psa.CreateClient();
        var alpha = await client.CreateAccountAsync("Alpha", accountNumber: "A1", currency: "EUR", paymentTerms: "Net 30");
        await client.CreateAccountAsync("Beta");
        await client.CreateAccountAsync("Gamma");
        var source = sync.Service<DataverseAccountSource>();

        var first = await source.ReadPageAsync(null, 2_000, CancellationToken.None);
        first.More.ShouldBeTrue();
        first.Accounts.Select(a => a.Name).ShouldBe(["Alpha", "Beta"]);
        var a = first.Accounts[0];
        (a.Id, a.AccountNumber, a.Currency, a.PaymentTerms, a.Telephone1, a.City, a.StateOrProvince, a.PostalCode, a.Country, a.CreditLimit)
            .ShouldBe((alpha, "A1", "EUR", "Net 30", "+1 425 555 0100", "Seattle", "WA", "98101", "US", (decimal?)50_000m));
        var second = await source.ReadPageAsync(first.Position, 2_000, CancellationToken.None);
        second.More.ShouldBeFalse();
        second.Accounts.Select(x => x.Name).ShouldBe(["Gamma"]);
        second.Position.ShouldNotBeNull().ShouldContain("$deltatoken=");

        await client.PatchAccountAsync(alpha, new { telephone1 = "+1 206 555 0199" });
        var delta = await source.ReadPageAsync(second.Position, 2_000, CancellationToken.None);
        delta.Accounts.Select(x => (x.Name, x.Telephone1)).ShouldBe([("Alpha", "+1 206 555 0199")]);

        // One token from Entra for every request, asked for the environment's .default scope with the client's secret.
        var token = entra.TokenRequests.ShouldHaveSingleItem();
        (token["grant_type"], token["client_id"], token["client_secret"], token["scope"], token["tenant"]).ShouldBe(
            ("client_credentials", ConnectedHosts.DataverseClientId, ConnectedHosts.DataverseSecret, "https://psa.crm.dynamics.com/.default", "contoso.onmicrosoft.com"));
        var operatorToken = (await psa.UserAsync(Roles.IntegrationOperator)).Token;
        log.Entries.Where(e => e.Url.StartsWith("/api/data/v9.2/accounts")).Select(e => e.Authorization).Distinct().ShouldBe([$"Bearer {operatorToken}"]);
    }

    [Fact]
    public async Task An_expired_delta_link_reads_every_account_again()
    {
        var (psa, sync, _, _) = await HostsAsync();
        await using var __ = psa;
        await using var ___ = sync;
        var client = psa.CreateClient();
        await client.CreateAccountAsync("Alpha");
        var expired = $"{ConnectedHosts.DataverseUrl}/api/data/v9.2/accounts?$select=name,versionnumber&$deltatoken={Uri.EscapeDataString(new DeltaToken(1, DateTime.UtcNow.AddDays(-30)).ToString())}";
        var source = sync.Service<DataverseAccountSource>();

        var page = await source.ReadPageAsync(expired, 2_000, CancellationToken.None);

        source.ReadAgainInFull.ShouldBeTrue();
        page.Accounts.Select(a => a.Name).ShouldBe(["Alpha"]);
    }

    [Fact]
    public async Task A_429_is_waited_out_for_its_Retry_After_and_the_read_goes_on()
    {
        var (psa, sync, log, _) = await HostsAsync();
        await using var __ = psa;
        await using var ___ = sync;
        await psa.CreateClient().CreateAccountAsync("Alpha");
        psa.Services.GetRequiredKeyedService<ServiceProtection>(DataverseApi.ProtectionKey).RefuseNext(2, 1);
        var started = DateTime.UtcNow;

        var page = await sync.Service<DataverseAccountSource>().ReadPageAsync(null, 2_000, CancellationToken.None);

        page.Accounts.Select(a => a.Name).ShouldBe(["Alpha"]);
        var meter = sync.Services.GetRequiredKeyedService<ThrottleMeter>(ConnectorServices.Dataverse);
        (meter.Refusals, meter.Waited).ShouldBe((2L, TimeSpan.FromSeconds(2)));
        (DateTime.UtcNow - started).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(2));
        log.Entries.Count(e => e.Status == 429).ShouldBe(2);
    }
}
