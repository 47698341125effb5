using Microsoft.Extensions.Options;
using PsaBridge.Web.Dataverse;
using PsaBridge.Web.FinanceOData;

namespace PsaBridge.Web.Dynamics;

/// <summary>The Dataverse- and F&amp;O-compatible endpoints' settings and service protection, one limiter each.</summary>
public static class CompatibleEndpoints
{
    public static IServiceCollection AddCompatibleEndpoints(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DataverseServeOptions>(configuration.GetSection(DataverseServeOptions.Section));
        services.Configure<FinanceServeOptions>(configuration.GetSection(FinanceServeOptions.Section));
        services.AddKeyedSingleton(DataverseApi.ProtectionKey, (sp, _) =>
            new ServiceProtection(sp.GetRequiredService<IOptions<DataverseServeOptions>>().Value.Limits, sp.GetRequiredService<TimeProvider>()));
        services.AddKeyedSingleton(FinanceODataApi.ProtectionKey, (sp, _) =>
            new ServiceProtection(sp.GetRequiredService<IOptions<FinanceServeOptions>>().Value.Limits, sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
