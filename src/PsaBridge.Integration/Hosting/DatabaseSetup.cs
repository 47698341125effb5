using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PsaBridge.Finance;
using PsaBridge.Finance.ReferenceData;
using PsaBridge.Infrastructure.Storage;
using PsaBridge.Psa;

namespace PsaBridge.Integration.Hosting;

public sealed record UpgradeResult(string System, string Location, IReadOnlyList<string> Applied, IReadOnlyList<string> All);

/// <summary>
/// Brings both databases to the current schema (hand-written migrations; existing rows are kept)
/// and loads what every installation starts with: reference data, payment terms, customer groups,
/// the customer number sequence. Safe to run at every start.
/// </summary>
public static class DatabaseSetup
{
    public static async Task<IReadOnlyList<UpgradeResult>> UpgradeAsync(IServiceProvider services, CancellationToken ct = default)
    {
        var results = new List<UpgradeResult>();
        await using (var psa = await services.GetRequiredService<IDbContextFactory<PsaDb>>().CreateDbContextAsync(ct))
        {
            var applied = SchemaMigrator.Upgrade(psa);
            results.Add(new UpgradeResult("PSA", services.GetRequiredKeyedService<DatabaseLocation>(PsaServices.DatabaseName).ToString(), applied, SchemaMigrator.Known(psa)));
        }
        await using (var finance = await services.GetRequiredService<IDbContextFactory<FinanceDb>>().CreateDbContextAsync(ct))
        {
            var applied = SchemaMigrator.Upgrade(finance);
            await ReferenceDataSeeder.SeedAsync(finance, ct);
            await FinanceServices.SeedDefaultsAsync(finance, ct);
            results.Add(new UpgradeResult("Finance", services.GetRequiredKeyedService<DatabaseLocation>(FinanceServices.DatabaseName).ToString(), applied, SchemaMigrator.Known(finance)));
        }
        return results;
    }
}
