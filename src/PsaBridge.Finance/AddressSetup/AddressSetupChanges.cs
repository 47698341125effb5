using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Validation;

namespace PsaBridge.Finance.AddressSetup;

/// <summary>Renaming and deleting cities, changing zip codes: what the setup pages do besides adding them.</summary>
public sealed partial class AddressSetupService
{
    /// <summary>Renames a city; its zip codes follow it. The name is part of the city's key, so the row is replaced.</summary>
    public async Task<City> RenameCityAsync(string country, string state, string name, string? newName, CancellationToken ct = default)
    {
        var city = await FindCityAsync(country, state, name, ct);
        var rules = new Rules().Required("name", newName, 60);
        rules.ThrowIfAny();
        var renamed = newName!.Trim();
        if (renamed == city.Name) return city;
        if (!string.Equals(renamed, city.Name, StringComparison.OrdinalIgnoreCase)
            && await db.Cities.AnyAsync(x => x.CountryId == city.CountryId && x.StateId == city.StateId && x.Name.ToLower() == renamed.ToLower(), ct))
            throw new ValidationFailedException("name", $"City '{renamed}' already exists in state {city.StateId}.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var replacement = new City { CountryId = city.CountryId, StateId = city.StateId, Name = renamed };
        db.Cities.Add(replacement);
        await db.SaveChangesAsync(ct);
        await db.ZipCodes.Where(z => z.CountryId == city.CountryId && z.StateId == city.StateId && z.City == city.Name)
            .ExecuteUpdateAsync(u => u.SetProperty(z => z.City, renamed), ct);
        await db.Cities.Where(x => x.CountryId == city.CountryId && x.StateId == city.StateId && x.Name == city.Name).ExecuteDeleteAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return replacement;
    }

    /// <summary>Deletes a city that no zip code refers to (a zip code names its city, so those go first).</summary>
    public async Task DeleteCityAsync(string country, string state, string name, CancellationToken ct = default)
    {
        var city = await FindCityAsync(country, state, name, ct);
        var zips = await db.ZipCodes.CountAsync(z => z.CountryId == city.CountryId && z.StateId == city.StateId && z.City == city.Name, ct);
        if (zips > 0) throw new ConflictException($"City '{city.Name}' ({city.StateId}) has {zips} zip code{(zips == 1 ? "" : "s")}; delete or move them first.");
        await db.Cities.Where(x => x.CountryId == city.CountryId && x.StateId == city.StateId && x.Name == city.Name).ExecuteDeleteAsync(ct);
    }

    public async Task<ZipCode> GetZipCodeAsync(Guid id, CancellationToken ct = default) =>
        await db.ZipCodes.AsNoTracking().SingleOrDefaultAsync(z => z.Id == id, ct) ?? throw new NotFoundException("Zip code", id.ToString());

    /// <summary>Changes a zip code's code or city (a city of the same state); its country and state stay.</summary>
    public async Task<ZipCode> UpdateZipCodeAsync(Guid id, string? code, string? city, CancellationToken ct = default)
    {
        var zip = await db.ZipCodes.SingleOrDefaultAsync(z => z.Id == id, ct) ?? throw new NotFoundException("Zip code", id.ToString());
        var rules = new Rules().Required("code", code, 10).Required("city", city, 60);
        City? target = null;
        if (rules.Ok)
        {
            var cityName = city!.Trim().ToLower();
            target = await db.Cities.AsNoTracking().FirstOrDefaultAsync(x => x.CountryId == zip.CountryId && x.StateId == zip.StateId && x.Name.ToLower() == cityName, ct);
            if (target is null) rules.Add("city", $"City '{city.Trim()}' does not exist in state {zip.StateId}.");
        }
        rules.ThrowIfAny();
        var newCode = code!.Trim().ToUpperInvariant();
        if (await db.ZipCodes.AnyAsync(z => z.Id != id && z.CountryId == zip.CountryId && z.Code == newCode && z.StateId == zip.StateId && z.City == target!.Name, ct))
            throw new ValidationFailedException("code", $"Zip code '{newCode}' already exists for {target!.Name}.");
        zip.Code = newCode;
        zip.City = target!.Name;
        await db.SaveChangesAsync(ct);
        return zip;
    }

    private async Task<City> FindCityAsync(string country, string state, string name, CancellationToken ct) =>
        await db.Cities.AsNoTracking().SingleOrDefaultAsync(x => x.CountryId == country && x.StateId == state && x.Name == name, ct)
        ?? throw new NotFoundException("City", $"{country}/{state}/{name}");
}
