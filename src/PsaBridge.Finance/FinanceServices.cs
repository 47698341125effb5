using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PsaBridge.Finance.AddressSetup;
using PsaBridge.Finance.Audit;
using PsaBridge.Finance.CustomerGroups;
using PsaBridge.Finance.Identity;
using PsaBridge.Finance.Customers;
using PsaBridge.Finance.NumberSequences;
using PsaBridge.Finance.PaymentTerms;
using PsaBridge.Infrastructure.Storage;

namespace PsaBridge.Finance;

public static class FinanceServices
{
    public const string DatabaseName = "Finance";

    public static IServiceCollection AddFinance(this IServiceCollection services, IConfiguration configuration)
    {
        var location = DatabaseLocation.FromConfiguration(configuration, DatabaseName);
        services.AddKeyedSingleton(DatabaseName, location);
        services.AddPooledDbContextFactory<FinanceDb>(location.Configure);
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<FinanceDb>>().CreateDbContext());
        services.AddScoped<CustomerQueries>();
        services.AddScoped<PaymentTermService>();
        services.AddScoped<CustomerGroupService>();
        services.AddScoped<AddressSetupService>();
        services.AddScoped<NumberSequenceService>();
        services.AddSingleton<NumberSequenceAllocator>();
        UserAccounts.Register(services);
        services.AddScoped<UserAccounts>();
        services.TryAddScoped<IAuditActor, OperatingSystemActor>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<AuditQueries>();
        return services;
    }

    /// <summary>Master data every finance database starts with: payment terms, customer groups, the customer number sequence.</summary>
    public static async Task SeedDefaultsAsync(FinanceDb db, CancellationToken ct = default)
    {
        if (!await db.PaymentTerms.AnyAsync(ct)) db.PaymentTerms.AddRange(PaymentTerm.Defaults());
        if (!await db.CustomerGroups.AnyAsync(ct)) db.CustomerGroups.AddRange(CustomerGroup.Defaults());
        if (!await db.NumberSequences.AnyAsync(ct)) db.NumberSequences.Add(NumberSequence.CustomerDefault());
        await db.SaveChangesAsync(ct);
    }
}
