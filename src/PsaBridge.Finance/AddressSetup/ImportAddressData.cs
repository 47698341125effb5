using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using PsaBridge.Finance.ReferenceData;
using PsaBridge.Infrastructure.Validation;

namespace PsaBridge.Finance.AddressSetup;

public enum AddressImportStatus { Imported, Skipped, Error }

/// <summary>One CSV row's outcome. <see cref="RowNumber"/> is the row in the file (the header is row 1).</summary>
public sealed record AddressImportRow(int RowNumber, AddressImportStatus Status, string Message);

public sealed record AddressImportResult(
    IReadOnlyList<AddressImportRow> Rows,
    int Imported,
    int Skipped,
    int Errors,
    int CitiesCreated,
    int ZipCodesCreated)
{
    public int RowsRead => Rows.Count;
}

/// <summary>
/// Imports cities and zip codes from CSV with the headers <c>country,state,city,zip</c> (zip optional, headers in
/// any case and order). The country may be given by alpha-2, alpha-3 or name, the state by id, ISO code or name,
/// all case-insensitive. Existing cities and zip codes are skipped, not duplicated; a bad row fails alone with a
/// message naming the field and value; rows are written in batches of <see cref="BatchSize"/>, each in one
/// transaction. Countries and states are not created: they come from ISO reference data.
/// </summary>
public sealed class ImportAddressData(FinanceDb db)
{
    public const int BatchSize = 1000;
    public static readonly string[] RequiredHeaders = ["country", "state", "city"];

    private AddressLookup? _lookup;
    // Per country (loaded when the file first names it): city key -> stored name, and zip code keys.
    private readonly Dictionary<string, Dictionary<string, string>> _cities = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _zips = new(StringComparer.Ordinal);

    public async Task<AddressImportResult> ImportAsync(TextReader csvText, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        _lookup = new AddressLookup(
            await db.Countries.AsNoTracking().ToListAsync(ct),
            await db.States.AsNoTracking().ToListAsync(ct),
            aliases: ReferenceDataFiles.Aliases());

        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = true,
            PrepareHeaderForMatch = a => a.Header.Trim().ToLowerInvariant(),
            MissingFieldFound = null,
            BadDataFound = null,
            DetectDelimiter = true,
        };
        using var csv = new CsvReader(csvText, config);
        if (!await csv.ReadAsync() || !csv.ReadHeader())
            throw new ValidationFailedException("header", "The file is empty; expected the headers country,state,city[,zip].");
        var headers = (csv.HeaderRecord ?? []).Select(h => h.Trim().ToLowerInvariant()).ToHashSet();
        var missing = RequiredHeaders.Where(h => !headers.Contains(h)).ToList();
        if (missing.Count > 0)
            throw new ValidationFailedException("header",
                $"The header has no {string.Join(", ", missing.Select(m => $"'{m}'"))} column; expected country,state,city[,zip] but found '{string.Join(",", csv.HeaderRecord ?? [])}'.");
        var hasZip = headers.Contains("zip");

        var report = new List<AddressImportRow>();
        var batch = new List<Pending>(BatchSize);
        var processed = 0;
        while (await csv.ReadAsync())
        {
            ct.ThrowIfCancellationRequested();
            var row = csv.Parser.Row;
            var pending = await StageAsync(row, csv.GetField("country"), csv.GetField("state"), csv.GetField("city"),
                hasZip ? csv.GetField("zip") : null, ct);
            if (pending.NewCity is null && pending.NewZip is null) report.Add(pending.Outcome);
            else batch.Add(pending);
            processed++;
            if (batch.Count >= BatchSize) { report.AddRange(await WriteAsync(batch, ct)); batch.Clear(); }
            if (processed % BatchSize == 0) progress?.Report(processed);
        }
        if (batch.Count > 0) report.AddRange(await WriteAsync(batch, ct));
        if (processed == 0 || processed % BatchSize != 0) progress?.Report(processed);

        report.Sort((a, b) => a.RowNumber.CompareTo(b.RowNumber));
        return new AddressImportResult(report,
            Imported: report.Count(r => r.Status == AddressImportStatus.Imported),
            Skipped: report.Count(r => r.Status == AddressImportStatus.Skipped),
            Errors: report.Count(r => r.Status == AddressImportStatus.Error),
            CitiesCreated: _citiesCreated,
            ZipCodesCreated: _zipsCreated);
    }

    private int _citiesCreated, _zipsCreated;

    /// <summary>A validated row: what it would create (nothing for a skipped or bad row) and its report line.</summary>
    private sealed record Pending(int RowNumber, City? NewCity, ZipCode? NewZip, AddressImportRow Outcome);

    private async Task<Pending> StageAsync(int row, string? countryText, string? stateText, string? cityText, string? zipText, CancellationToken ct)
    {
        Pending Error(string message) => new(row, null, null, new AddressImportRow(row, AddressImportStatus.Error, message));

        if (string.IsNullOrWhiteSpace(countryText)) return Error("country: a country is required.");
        var country = _lookup!.FindCountry(countryText);
        if (country is null) return Error($"country: '{countryText.Trim()}' is not a known country (give its alpha-2 or alpha-3 code or its name).");

        if (string.IsNullOrWhiteSpace(stateText)) return Error($"state: a state of {country.Name} ({country.Id}) is required.");
        var state = _lookup.FindState(country.Id, stateText);
        if (state is null) return Error($"state: '{stateText.Trim()}' is not a state of {country.Name} ({country.Id}) (give its code or its name).");

        var cityName = AddressLookup.Normalize(cityText);
        if (cityName.Length == 0) return Error("city: a city is required.");
        if (cityName.Length > 60) return Error($"city: '{cityName}' is {cityName.Length} characters long; at most 60 are allowed.");

        string? zip = null;
        if (!string.IsNullOrWhiteSpace(zipText))
        {
            zip = AddressLookup.Normalize(zipText).ToUpperInvariant();
            if (zip.Length > 10) return Error($"zip: '{zip}' is {zip.Length} characters long; at most 10 are allowed.");
        }

        var (cities, zips) = await KnownAsync(country.Id, ct);
        var cityKey = CityKey(state.StateId, cityName);
        City? newCity = null;
        if (!cities.TryGetValue(cityKey, out var storedCity))
        {
            storedCity = cityName;
            newCity = new City { CountryId = country.Id, StateId = state.StateId, Name = cityName };
            cities[cityKey] = cityName;
        }

        ZipCode? newZip = null;
        if (zip is not null && zips.Add(ZipKey(zip, state.StateId, storedCity)))
            newZip = new ZipCode { CountryId = country.Id, Code = zip, StateId = state.StateId, City = storedCity };

        var where = $"{storedCity} ({state.StateId}, {country.Id})";
        var parts = new List<string>();
        if (newCity is not null) parts.Add($"created city {where}");
        if (newZip is not null) parts.Add($"created zip code {zip} for {where}");
        var outcome = parts.Count > 0
            ? new AddressImportRow(row, AddressImportStatus.Imported, Capitalize(string.Join("; ", parts)) + ".")
            : new AddressImportRow(row, AddressImportStatus.Skipped,
                zip is null ? $"City {where} already exists." : $"Zip code {zip} for {where} already exists.");
        return new Pending(row, newCity, newZip, outcome);
    }

    /// <summary>Writes a batch in one transaction; if that fails, each row alone, so a bad row fails by itself.</summary>
    private async Task<IEnumerable<AddressImportRow>> WriteAsync(List<Pending> batch, CancellationToken ct)
    {
        try
        {
            await SaveAsync(batch, ct);
            Count(batch);
            return batch.Select(p => p.Outcome);
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException && !ct.IsCancellationRequested)
        {
            var outcomes = new List<AddressImportRow>(batch.Count);
            foreach (var p in batch)
            {
                try
                {
                    await SaveAsync([p], ct);
                    Count([p]);
                    outcomes.Add(p.Outcome);
                }
                catch (Exception rowEx) when (rowEx is DbUpdateException or InvalidOperationException && !ct.IsCancellationRequested)
                {
                    Forget(p);
                    var reason = (rowEx.InnerException ?? rowEx).Message;
                    var what = p.NewZip is not null ? $"zip: '{p.NewZip.Code}' for city '{p.NewZip.City}'" : $"city: '{p.NewCity!.Name}'";
                    outcomes.Add(new AddressImportRow(p.RowNumber, AddressImportStatus.Error, $"{what} could not be stored: {reason}"));
                }
            }
            return outcomes;
        }
    }

    private async Task SaveAsync(IReadOnlyCollection<Pending> rows, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            foreach (var p in rows)
            {
                if (p.NewCity is not null) db.Cities.Add(p.NewCity);
                if (p.NewZip is not null) db.ZipCodes.Add(p.NewZip);
            }
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private void Count(IEnumerable<Pending> rows)
    {
        foreach (var p in rows)
        {
            if (p.NewCity is not null) _citiesCreated++;
            if (p.NewZip is not null) _zipsCreated++;
        }
    }

    /// <summary>A row whose write failed: what it staged is not in the database, so later rows must not count on it.</summary>
    private void Forget(Pending p)
    {
        if (p.NewCity is not null && _cities.TryGetValue(p.NewCity.CountryId, out var cities))
            cities.Remove(CityKey(p.NewCity.StateId, p.NewCity.Name));
        if (p.NewZip is not null && _zips.TryGetValue(p.NewZip.CountryId, out var zips))
            zips.Remove(ZipKey(p.NewZip.Code, p.NewZip.StateId, p.NewZip.City));
    }

    private async Task<(Dictionary<string, string> Cities, HashSet<string> Zips)> KnownAsync(string countryId, CancellationToken ct)
    {
        if (!_cities.TryGetValue(countryId, out var cities))
        {
            cities = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var rows = await db.Cities.AsNoTracking().Where(c => c.CountryId == countryId)
                .Select(c => new { c.StateId, c.Name }).ToListAsync(ct);
            foreach (var c in rows) cities.TryAdd(CityKey(c.StateId, c.Name), c.Name);
            _cities[countryId] = cities;

            var zips = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var zipRows = await db.ZipCodes.AsNoTracking().Where(z => z.CountryId == countryId)
                .Select(z => new { z.Code, z.StateId, z.City }).ToListAsync(ct);
            foreach (var z in zipRows) zips.Add(ZipKey(z.Code, z.StateId, z.City));
            _zips[countryId] = zips;
        }
        return (cities, _zips[countryId]);
    }

    private static string CityKey(string stateId, string city) => string.Concat(stateId, "\u001f", city);
    private static string ZipKey(string zip, string stateId, string city) => string.Concat(zip, "\u001f", stateId, "\u001f", city);
    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
