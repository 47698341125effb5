using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using PsaBridge.Finance;
using PsaBridge.Finance.AddressSetup;
using PsaBridge.Finance.ReferenceData;
using PsaBridge.Infrastructure.Storage;
using PsaBridge.Integration.CustomerSync;
using PsaBridge.Integration.Sources;

namespace PsaBridge.Integration.Targets;

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
        var currencies = await db.Currencies.AsNoTracking().Select(c => c.Code).ToListAsync(ct);
        return new FinanceReference(new AddressLookup(countries, states, aliases: ReferenceDataFiles.Aliases()), terms, groups, currencies);
    }

    public static async Task PrefetchAsync(FinanceDb db, FinanceReference reference, HashSet<string> loadedCountries,
        IEnumerable<PsaAccountRecord> page, CancellationToken ct)
    {
        var wanted = page.Where(a => !string.IsNullOrWhiteSpace(a.City) || !string.IsNullOrWhiteSpace(a.PostalCode))
            .Select(a => reference.FindCountry(a.Country)?.Id).OfType<string>()
            .Where(id => !loadedCountries.Contains(id)).Distinct().ToList();
        if (wanted.Count == 0) return;
        // Plain readers: a country can have tens of thousands of cities and zip codes, read once per run.
        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();
        foreach (var countryId in wanted)
        {
            await using (var cities = Command(connection, "SELECT \"StateId\", \"Name\" FROM \"Cities\" WHERE \"CountryId\" = @p0", countryId))
            await using (var reader = await cities.ExecuteReaderAsync(ct))
                while (await reader.ReadAsync(ct))
                    AddCity(reference, countryId, reader.GetString(0), reader.GetString(1));
            await using (var zips = Command(connection, "SELECT \"Code\", \"StateId\", \"City\" FROM \"ZipCodes\" WHERE \"CountryId\" = @p0", countryId))
            await using (var reader = await zips.ExecuteReaderAsync(ct))
                while (await reader.ReadAsync(ct))
                    reference.AddZip(countryId, reader.GetString(0), reader.GetString(1), reader.GetString(2));
            loadedCountries.Add(countryId);
        }
    }

    private static void AddCity(FinanceReference reference, string countryId, string stateId, string name) =>
        reference.AddCity(new City { CountryId = countryId, StateId = stateId, Name = name });

    private static DbCommand Command(DbConnection connection, string sql, string value)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.AddParameter("@p0", value);
    }
}
