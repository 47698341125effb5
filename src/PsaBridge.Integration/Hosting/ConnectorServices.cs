using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using PsaBridge.Integration.CustomerSync;
using PsaBridge.Integration.Dynamics;
using PsaBridge.Integration.Sources;
using PsaBridge.Integration.Sources.Dataverse;
using PsaBridge.Integration.Targets.FinanceAndOperations;

namespace PsaBridge.Integration.Hosting;

/// <summary>
/// The connections to Dynamics 365: a Dataverse environment (the PSA source) and a Finance and Operations environment
/// (the customer target), each with its own MSAL token source, HTTP client and throttle meter. Registered always; used
/// when <c>PsaBridge:CustomerSync:Source</c> or <c>:Target</c> choose them.
/// </summary>
public static class ConnectorServices
{
    public const string Dataverse = "dataverse", FinanceAndOperations = "finance-and-operations";
    public const string SourceSetting = "PsaBridge:CustomerSync:Source", EmbeddedSource = "Psa";
    public const string TargetSetting = "PsaBridge:CustomerSync:Target", EmbeddedTarget = "Finance";

    public static IServiceCollection AddDynamicsConnectors(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DataverseOptions>(configuration.GetSection(DataverseOptions.Section));
        services.Configure<FinanceAndOperationsOptions>(configuration.GetSection(FinanceAndOperationsOptions.Section));
        services.AddHttpClient(MsalHttpClients.Name);
        services.AddSingleton<IMsalHttpClientFactory, MsalHttpClients>();
        services.AddKeyedSingleton<ThrottleMeter>(Dataverse);
        services.AddKeyedSingleton<ThrottleMeter>(FinanceAndOperations);
        services.AddKeyedSingleton<IAccessTokenSource>(Dataverse, (sp, _) =>
            new MsalAccessTokens(sp.GetRequiredService<IOptions<DataverseOptions>>().Value, sp.GetRequiredService<IMsalHttpClientFactory>()));
        services.AddKeyedSingleton<IAccessTokenSource>(FinanceAndOperations, (sp, _) =>
            new MsalAccessTokens(sp.GetRequiredService<IOptions<FinanceAndOperationsOptions>>().Value, sp.GetRequiredService<IMsalHttpClientFactory>()));

        var dataverse = configuration.GetSection(DataverseOptions.Section).Get<DataverseOptions>() ?? new DataverseOptions();
        services.AddDynamicsClient(DataverseClient.HttpClientName, dataverse.MaxConcurrentRequests, dataverse.MaxRetries,
            sp => sp.GetRequiredKeyedService<IAccessTokenSource>(Dataverse), sp => sp.GetRequiredKeyedService<ThrottleMeter>(Dataverse));
        var fno = configuration.GetSection(FinanceAndOperationsOptions.Section).Get<FinanceAndOperationsOptions>() ?? new FinanceAndOperationsOptions();
        services.AddDynamicsClient(FinanceAndOperationsClient.HttpClientName, fno.MaxConcurrentRequests, fno.MaxRetries,
            sp => sp.GetRequiredKeyedService<IAccessTokenSource>(FinanceAndOperations), sp => sp.GetRequiredKeyedService<ThrottleMeter>(FinanceAndOperations));

        services.AddTransient(sp => new DataverseClient(sp.GetRequiredService<IHttpClientFactory>().CreateClient(DataverseClient.HttpClientName),
            sp.GetRequiredService<IOptions<DataverseOptions>>().Value));
        services.AddTransient(sp => new FinanceAndOperationsClient(sp.GetRequiredService<IHttpClientFactory>().CreateClient(FinanceAndOperationsClient.HttpClientName),
            sp.GetRequiredService<IOptions<FinanceAndOperationsOptions>>().Value, sp.GetRequiredKeyedService<ThrottleMeter>(FinanceAndOperations)));
        services.AddTransient<DataverseAccountSource>();
        services.AddSingleton(SyncEnds.From(configuration));
        services.AddTransient(sp => new ConnectionCheck(sp, configuration[SourceSetting], sp.GetRequiredService<IOptions<DataverseOptions>>(),
            sp.GetRequiredService<IOptions<FinanceAndOperationsOptions>>()));

        // The embedded PSA database stays the source unless the configuration chooses Dataverse.
        var source = configuration[SourceSetting];
        if (string.Equals(source, Dataverse, StringComparison.OrdinalIgnoreCase))
            services.AddTransient<IPsaAccountSource>(sp => sp.GetRequiredService<DataverseAccountSource>());
        else if (!string.IsNullOrEmpty(source) && !string.Equals(source, EmbeddedSource, StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"{SourceSetting} is '{source}': it takes {EmbeddedSource} (the default) or Dataverse.");

        // The embedded finance database stays the target unless the configuration chooses Finance and Operations.
        services.AddSingleton<SyncIntentLedger>();
        services.AddScoped<FinanceAndOperationsTarget>();
        var target = configuration[TargetSetting];
        if (string.Equals(target, "FinanceAndOperations", StringComparison.OrdinalIgnoreCase))
            services.AddScoped<ICustomerTarget>(sp => sp.GetRequiredService<FinanceAndOperationsTarget>());
        else if (!string.IsNullOrEmpty(target) && !string.Equals(target, EmbeddedTarget, StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"{TargetSetting} is '{target}': it takes {EmbeddedTarget} (the default) or FinanceAndOperations.");
        return services;
    }
}
