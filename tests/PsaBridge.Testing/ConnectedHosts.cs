using Microsoft.Extensions.DependencyInjection;
using PsaBridge.Integration.Dynamics;
using PsaBridge.Integration.Sources.Dataverse;
using PsaBridge.Integration.Targets.FinanceAndOperations;
using PsaBridge.Web.Security;

namespace PsaBridge.Testing;

/// <summary>
/// Points a host's Dynamics connectors at two other PsaBridge hosts: one serving the Dataverse-compatible API (the PSA
/// environment), one serving the F&amp;O-compatible OData (the finance environment), with tokens from an
/// <see cref="EntraStandIn"/>. Requests travel through the other hosts' in-memory servers.
/// </summary>
public static class ConnectedHosts
{
    public const string DataverseUrl = "https://psa.crm.dynamics.com", FinanceUrl = "https://finance.operations.dynamics.com";
    public const string DataverseClientId = "11111111-1111-1111-1111-111111111111", FinanceClientId = "22222222-2222-2222-2222-222222222222";
    public const string DataverseSecret = "dataverse-secret-never-logged", FinanceSecret = "finance-secret-never-logged";

    private static async Task<string> TokenAsync(PsaBridgeApp? environment) =>
        environment is null ? "no-environment" : (await environment.UserAsync(Roles.IntegrationOperator)).Token;

    public static PsaBridgeApp ConnectedTo(this PsaBridgeApp app, PsaBridgeApp? psa, PsaBridgeApp? finance, EntraStandIn entra)
    {
        // Each environment accepts the token of its own Integration operator, as a real one accepts its application user.
        entra.Register(DataverseClientId, DataverseSecret, () => TokenAsync(psa)).Register(FinanceClientId, FinanceSecret, () => TokenAsync(finance));
        app.WithSetting("PsaBridge:Dataverse:EnvironmentUrl", DataverseUrl).WithSetting("PsaBridge:Dataverse:TenantId", "contoso.onmicrosoft.com")
            .WithSetting("PsaBridge:Dataverse:ClientId", DataverseClientId).WithSetting("PsaBridge:Dataverse:ClientSecret", DataverseSecret)
            .WithSetting("PsaBridge:FinanceAndOperations:EnvironmentUrl", FinanceUrl).WithSetting("PsaBridge:FinanceAndOperations:TenantId", "contoso.onmicrosoft.com")
            .WithSetting("PsaBridge:FinanceAndOperations:ClientId", FinanceClientId).WithSetting("PsaBridge:FinanceAndOperations:ClientSecret", FinanceSecret)
            .WithSetting("PsaBridge:FinanceAndOperations:LegalEntity", "usmf");
        return app.WithServices(s =>
        {
            s.AddHttpClient(MsalHttpClients.Name).ConfigurePrimaryHttpMessageHandler(() => entra);
            if (psa is not null) s.AddHttpClient(DataverseClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => psa.Server.CreateHandler());
            if (finance is not null) s.AddHttpClient(FinanceAndOperationsClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => finance.Server.CreateHandler());
        });
    }
}
