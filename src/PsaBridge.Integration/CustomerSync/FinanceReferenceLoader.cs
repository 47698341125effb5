using Microsoft.EntityFrameworkCore;
using PsaBridge.Finance;
using PsaBridge.Integration.Sources;

namespace PsaBridge.Integration.CustomerSync;

/// <summary>
/// Fills a <see cref="FinanceReference"/> from the finance database: the small tables at once, the
/// cities and zip codes of a country the first time a page mentions it (one query each, then memory).
/// </summary>
public static class FinanceReferenceLoader
{
    public static async Task<FinanceReference> LoadAsync(FinanceDb db, CancellationToken ct)
    {
        var countries = await db.Countries.AsNoTracking().ToListAsync(ct);
        var states = await db.States.AsNoTracking().ToListAsync(ct);
        var terms = await db.PaymentTerms.AsNoTracking().ToListAsync(ct);
        var groups = await db.CustomerGroups.AsNoTracking().Select(g => g.Id).ToListAsync(ct);
        return new FinanceReference(countries, states, terms, groups);
    }

    public static async Task PrefetchAsync(FinanceDb db, FinanceReference reference, HashSet<string> loadedCountries,
        IEnumerable<PsaAccountRecord> page, CancellationToken ct)
    {
        var wanted = page.Where(a => !string.IsNullOrWhiteSpace(a.City) || !string.IsNullOrWhiteSpace(a.PostalCode))
            .Select(a => reference.FindCountry(a.Country)?.Id).OfType<string>()
            .Where(id => !loadedCountries.Contains(id)).Distinct().ToList();
        foreach (var countryId in wanted)
        {
            var cities = await db.Cities.AsNoTracking().Where(c => c.CountryId == countryId).ToListAsync(ct);
            foreach (var city in cities) reference.AddCity(city);
            var zips = await db.ZipCodes.AsNoTracking().Where(z => z.CountryId == countryId)
                .Select(z => new { z.Code, z.StateId, z.City }).ToListAsync(ct);
            foreach (var z in zips) reference.AddZip(countryId, z.Code, z.StateId, z.City);
            loadedCountries.Add(countryId);
        }
    }
}
