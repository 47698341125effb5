using System.Text.Json;
using PsaBridge.Finance.AddressSetup;
using PsaBridge.Finance.PaymentTerms;
using PsaBridge.Finance.ReferenceData;
using PsaBridge.Integration.CustomerSync;
using PsaBridge.Integration.Sources;

namespace PsaBridge.Integration.Targets.FinanceAndOperations;

/// <summary>
/// The reference data the rules check, read from F&amp;O's public entities once a run: countries/regions (named by their
/// en-us translation), states, terms of payment and customer groups of the legal entity; the cities and postal codes of a
/// country the first time a page mentions it. Country and state aliases are PsaBridge's own (what people type), as for
/// the finance database.
/// </summary>
public static class FinanceAndOperationsReference
{
    public static async Task<FinanceReference> LoadAsync(FinanceAndOperationsClient client, CancellationToken ct)
    {
        var company = $"dataAreaId eq '{client.LegalEntity}'";
        var countryRows = await client.ReadAllAsync("AddressCountryRegions", null, "CountryRegion,ISOcode", ct);
        var names = (await client.ReadAllAsync("AddressCountryRegionTranslations", "LanguageId eq 'en-us'", "CountryRegionId,ShortName", ct))
            .ToDictionary(r => Text(r, "CountryRegionId"), r => Text(r, "ShortName"), StringComparer.OrdinalIgnoreCase);
        var countries = countryRows.Select(r => new Country
        {
            Id = Text(r, "CountryRegion"), Iso2 = Text(r, "ISOcode"), Name = names.GetValueOrDefault(Text(r, "CountryRegion")) ?? Text(r, "CountryRegion"),
        }).ToList();
        var states = (await client.ReadAllAsync("AddressStates", null, "CountryRegionId,State,Name", ct))
            .Select(r => new State { CountryId = Text(r, "CountryRegionId"), StateId = Text(r, "State"), Name = Text(r, "Name") }).ToList();
        var terms = (await client.ReadAllAsync("PaymentTerms", company, "Name,Description,NumberOfDays", ct))
            .Select(r => new PaymentTerm { Code = Text(r, "Name"), Description = Text(r, "Description"), NetDays = r.GetProperty("NumberOfDays").GetInt32() }).ToList();
        var groups = (await client.ReadAllAsync("CustomerGroups", company, "CustomerGroupId", ct)).Select(r => Text(r, "CustomerGroupId")).ToList();
        var currencies = await CurrenciesAsync(client, ct);
        return new FinanceReference(new AddressLookup(countries, states, aliases: ReferenceDataFiles.Aliases()), terms, groups, currencies);
    }

    /// <summary>The currencies F&amp;O knows (a customer's currency must be one, where the finance database takes any).</summary>
    public static async Task<HashSet<string>> CurrenciesAsync(FinanceAndOperationsClient client, CancellationToken ct) =>
        (await client.ReadAllAsync("Currencies", null, "CurrencyCode", ct)).Select(r => Text(r, "CurrencyCode")).ToHashSet(StringComparer.OrdinalIgnoreCase);

    public static async Task PrefetchAsync(FinanceAndOperationsClient client, FinanceReference reference, HashSet<string> loadedCountries,
        IEnumerable<PsaAccountRecord> page, CancellationToken ct)
    {
        var wanted = page.Where(a => !string.IsNullOrWhiteSpace(a.City) || !string.IsNullOrWhiteSpace(a.PostalCode))
            .Select(a => reference.FindCountry(a.Country)?.Id).OfType<string>()
            .Where(id => !loadedCountries.Contains(id)).Distinct().ToList();
        foreach (var country in wanted)
        {
            var inCountry = $"CountryRegionId eq '{country.Replace("'", "''")}'";
            foreach (var city in await client.ReadAllAsync("AddressCities", inCountry, "Name,StateId", ct))
                reference.AddCity(new City { CountryId = country, StateId = Text(city, "StateId"), Name = Text(city, "Name") });
            foreach (var zip in await client.ReadAllAsync("AddressPostalCodesV3", inCountry, "ZipCode,StateId,CityId", ct))
                reference.AddZip(country, Text(zip, "ZipCode"), Text(zip, "StateId"), Text(zip, "CityId"));
            loadedCountries.Add(country);
        }
    }

    private static string Text(JsonElement row, string name) => row.TryGetProperty(name, out var v) ? v.GetString() ?? "" : "";
}
