using Microsoft.EntityFrameworkCore;
using PsaBridge.Finance.Currencies;
using PsaBridge.Infrastructure.Paging;
using PsaBridge.Infrastructure.Validation;

namespace PsaBridge.Finance.AddressSetup;

public sealed record CityInput(string? Country, string? State, string? Name);
public sealed record ZipCodeInput(string? Country, string? State, string? City, string? Code);

/// <summary>Reads and maintains countries, states, cities, zip codes and currencies.</summary>
public sealed partial class AddressSetupService(FinanceDb db)
{
    public Task<Page<Country>> CountriesAsync(string? search, PageRequest page, CancellationToken ct = default)
    {
        var query = db.Countries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToLower();
            query = query.Where(c => c.Id.ToLower() == term || c.Iso2.ToLower() == term || c.Name.ToLower().Contains(term));
        }
        return query.OrderBy(c => c.Name).ToPageAsync(page, ct);
    }

    /// <summary>A country by ISO alpha-2, alpha-3 or name, case-insensitive.</summary>
    public async Task<Country?> FindCountryAsync(string? key, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(key)) return null;
        var term = key.Trim().ToLower();
        return await db.Countries.AsNoTracking()
            .Where(c => c.Id.ToLower() == term || c.Iso2.ToLower() == term || c.Name.ToLower() == term)
            .OrderBy(c => c.Id.ToLower() == term ? 0 : c.Iso2.ToLower() == term ? 1 : 2)
            .FirstOrDefaultAsync(ct);
    }

    public async Task<Country> GetCountryAsync(string key, CancellationToken ct = default) =>
        await FindCountryAsync(key, ct) ?? throw new NotFoundException("Country/region", key);

    /// <summary>A state within a country by code (WA or US-WA) or name, case-insensitive.</summary>
    public async Task<State?> FindStateAsync(string countryId, string? key, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(key)) return null;
        var term = key.Trim().ToLower();
        var country = await db.Countries.AsNoTracking().SingleAsync(c => c.Id == countryId, ct);
        var prefix = country.Iso2.ToLower() + "-";
        if (term.StartsWith(prefix)) term = term[prefix.Length..];
        return await db.States.AsNoTracking()
            .Where(s => s.CountryId == countryId && (s.StateId.ToLower() == term || s.Name.ToLower() == term))
            .OrderBy(s => s.StateId.ToLower() == term ? 0 : 1)
            .FirstOrDefaultAsync(ct);
    }

    public async Task<Page<State>> StatesAsync(string country, string? search, PageRequest page, CancellationToken ct = default)
    {
        var c = await GetCountryAsync(country, ct);
        var query = db.States.AsNoTracking().Where(s => s.CountryId == c.Id);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToLower();
            query = query.Where(s => s.StateId.ToLower() == term || s.Name.ToLower().Contains(term));
        }
        return await query.OrderBy(s => s.StateId).ToPageAsync(page, ct);
    }

    public async Task<Page<City>> CitiesAsync(string country, string? state, string? search, PageRequest page, CancellationToken ct = default)
    {
        var query = await CitiesQueryAsync(country, state, ct);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToLower();
            query = query.Where(x => x.Name.ToLower().StartsWith(term));
        }
        return await query.OrderBy(x => x.Name).ThenBy(x => x.StateId).ToPageAsync(page, ct);
    }

    public async Task<Page<ZipCode>> ZipCodesAsync(string country, string? state, string? city, string? code, PageRequest page, CancellationToken ct = default)
    {
        var query = await ZipCodesQueryAsync(country, state, ct);
        if (!string.IsNullOrWhiteSpace(city)) { var term = city.Trim().ToLower(); query = query.Where(z => z.City.ToLower() == term); }
        if (!string.IsNullOrWhiteSpace(code)) { var term = code.Trim().ToUpper(); query = query.Where(z => z.Code.StartsWith(term)); }
        return await query.OrderBy(z => z.Code).ThenBy(z => z.City).ToPageAsync(page, ct);
    }

    /// <summary>The cities of a country (and state), unordered, for a list that sorts, filters, pages and exports them itself.</summary>
    public async Task<IQueryable<City>> CitiesQueryAsync(string country, string? state, CancellationToken ct = default)
    {
        var c = await GetCountryAsync(country, ct);
        var query = db.Cities.AsNoTracking().Where(x => x.CountryId == c.Id);
        if (string.IsNullOrWhiteSpace(state)) return query;
        var s = await FindStateAsync(c.Id, state, ct) ?? throw new NotFoundException("State", $"{c.Id}/{state}");
        return query.Where(x => x.StateId == s.StateId);
    }

    /// <summary>The zip codes of a country (and state), unordered, for a list that sorts, filters, pages and exports them itself.</summary>
    public async Task<IQueryable<ZipCode>> ZipCodesQueryAsync(string country, string? state, CancellationToken ct = default)
    {
        var c = await GetCountryAsync(country, ct);
        var query = db.ZipCodes.AsNoTracking().Where(z => z.CountryId == c.Id);
        if (string.IsNullOrWhiteSpace(state)) return query;
        var s = await FindStateAsync(c.Id, state, ct) ?? throw new NotFoundException("State", $"{c.Id}/{state}");
        return query.Where(z => z.StateId == s.StateId);
    }

    public async Task<City> CreateCityAsync(CityInput input, CancellationToken ct = default)
    {
        var rules = new Rules();
        var (country, state) = await ResolveAsync(input.Country, input.State, rules, ct);
        rules.Required("name", input.Name, 60);
        rules.ThrowIfAny();
        var name = input.Name!.Trim();
        if (await db.Cities.AnyAsync(x => x.CountryId == country!.Id && x.StateId == state!.StateId && x.Name.ToLower() == name.ToLower(), ct))
            throw new ValidationFailedException("name", $"City '{name}' already exists in {state!.Name}, {country!.Name}.");
        var city = new City { CountryId = country!.Id, StateId = state!.StateId, Name = name };
        db.Cities.Add(city);
        await db.SaveChangesAsync(ct);
        return city;
    }

    public async Task<ZipCode> CreateZipCodeAsync(ZipCodeInput input, CancellationToken ct = default)
    {
        var rules = new Rules();
        var (country, state) = await ResolveAsync(input.Country, input.State, rules, ct);
        rules.Required("code", input.Code, 10).Required("city", input.City, 60);
        City? city = null;
        if (rules.Ok)
        {
            var name = input.City!.Trim().ToLower();
            city = await db.Cities.AsNoTracking().FirstOrDefaultAsync(x => x.CountryId == country!.Id && x.StateId == state!.StateId && x.Name.ToLower() == name, ct);
            if (city is null) rules.Add("city", $"City '{input.City}' does not exist in {state!.Name}, {country!.Name}.");
        }
        rules.ThrowIfAny();
        var code = input.Code!.Trim().ToUpperInvariant();
        if (await db.ZipCodes.AnyAsync(z => z.CountryId == country!.Id && z.Code == code && z.StateId == state!.StateId && z.City == city!.Name, ct))
            throw new ValidationFailedException("code", $"Zip code '{code}' already exists for {city!.Name}.");
        var zip = new ZipCode { CountryId = country!.Id, StateId = state!.StateId, City = city!.Name, Code = code };
        db.ZipCodes.Add(zip);
        await db.SaveChangesAsync(ct);
        return zip;
    }

    public async Task DeleteZipCodeAsync(Guid id, CancellationToken ct = default)
    {
        var zip = await db.ZipCodes.SingleOrDefaultAsync(z => z.Id == id, ct) ?? throw new NotFoundException("Zip code", id.ToString());
        db.ZipCodes.Remove(zip);
        await db.SaveChangesAsync(ct);
    }

    public Task<Page<Currency>> CurrenciesAsync(string? search, PageRequest page, CancellationToken ct = default)
    {
        var query = db.Currencies.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToLower();
            query = query.Where(c => c.Code.ToLower() == term || c.Name.ToLower().Contains(term));
        }
        return query.OrderBy(c => c.Code).ToPageAsync(page, ct);
    }

    private async Task<(Country?, State?)> ResolveAsync(string? countryKey, string? stateKey, Rules rules, CancellationToken ct)
    {
        rules.Required("country", countryKey, 100).Required("state", stateKey, 100);
        if (!rules.Ok) return (null, null);
        var country = await FindCountryAsync(countryKey, ct);
        if (country is null) { rules.Add("country", $"Country/region '{countryKey}' does not exist."); return (null, null); }
        var state = await FindStateAsync(country.Id, stateKey, ct);
        if (state is null) rules.Add("state", $"State '{stateKey}' does not exist in {country.Name}.");
        return (country, state);
    }
}
