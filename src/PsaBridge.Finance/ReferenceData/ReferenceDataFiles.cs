using System.Globalization;
using System.IO.Compression;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using PsaBridge.Finance.AddressSetup;
using PsaBridge.Finance.Currencies;

namespace PsaBridge.Finance.ReferenceData;

/// <summary>What an alias names: a country (Code = alpha-3) or a state (Code = state id).</summary>
public enum AddressAliasKind { Country, State }

/// <summary>Another name a country or state is known by (an official or common name, an English name).</summary>
public sealed record AddressAlias(AddressAliasKind Kind, string CountryId, string Code, string Alias);

/// <summary>
/// The reference data embedded in this assembly (<c>ReferenceData/data</c>, built by
/// <c>tools/refdata/build-refdata.py</c>; sources and licences in <c>PROVENANCE.md</c>). Every method streams
/// its file: rows are read as they are enumerated, and each enumeration reads the file again.
/// </summary>
public static class ReferenceDataFiles
{
    public const string CountriesFile = "countries.csv";
    public const string SubdivisionsFile = "subdivisions.csv";
    public const string CurrenciesFile = "currencies.csv";
    public const string AliasesFile = "aliases.csv";
    public const string CitiesFile = "cities.csv.gz";
    public const string ZipCodesFile = "zipcodes.csv.gz";

    /// <summary>ISO 3166-1: all 249 countries; <see cref="Country.Id"/> is alpha-3.</summary>
    public static IEnumerable<Country> Countries() =>
        Rows(CountriesFile, 3).Select(r => new Country { Id = r[0], Iso2 = r[1], Name = r[2] });

    /// <summary>ISO 3166-2: every subdivision, <see cref="State.StateId"/> being the part of the code after the hyphen.</summary>
    public static IEnumerable<State> States() =>
        Rows(SubdivisionsFile, 4).Select(r => new State
        {
            CountryId = r[0],
            StateId = r[1],
            Name = r[2],
            Type = r[3].Length == 0 ? null : r[3],
        });

    /// <summary>Cities (GeoNames, plus every city a reference zip code names).</summary>
    public static IEnumerable<City> Cities() =>
        Rows(CitiesFile, 3).Select(r => new City { CountryId = r[0], StateId = r[1], Name = r[2] });

    /// <summary>
    /// Reference zip codes. Their <see cref="ZipCode.Id"/> is derived from the key (<see cref="ReferenceZipCodeId"/>),
    /// so a zip code has the same id in every database seeded from these files.
    /// </summary>
    public static IEnumerable<ZipCode> ZipCodes() =>
        Rows(ZipCodesFile, 4).Select(r => new ZipCode
        {
            Id = ReferenceZipCodeId(r[0], r[1], r[2], r[3]),
            CountryId = r[0],
            Code = r[1],
            StateId = r[2],
            City = r[3],
            CreatedBySyncAt = null,
        });

    /// <summary>ISO 4217 currencies.</summary>
    public static IEnumerable<Currency> Currencies() =>
        Rows(CurrenciesFile, 3).Select(r => new Currency { Code = r[0], Name = r[1], NumericCode = r[2].Length == 0 ? null : r[2] });

    /// <summary>Other names of countries (ISO official and common names) and states (GeoNames' English names, e.g. Bavaria).</summary>
    public static IEnumerable<AddressAlias> Aliases() =>
        Rows(AliasesFile, 4).Select(r => new AddressAlias(
            r[0] switch
            {
                "country" => AddressAliasKind.Country,
                "state" => AddressAliasKind.State,
                _ => throw new InvalidDataException($"{AliasesFile}: unknown alias kind '{r[0]}'."),
            },
            r[1], r[2], r[3]));

    /// <summary>The data rows of an embedded file (header skipped); each row has at least <paramref name="columns"/> fields.</summary>
    public static IEnumerable<string[]> Rows(string fileName, int columns)
    {
        using var stream = Open(fileName);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        using var parser = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { HasHeaderRecord = true });
        if (!parser.Read()) yield break; // header
        while (parser.Read())
        {
            var record = parser.Record ?? [];
            if (record.Length == 1 && record[0].Length == 0) continue;
            if (record.Length < columns)
                throw new InvalidDataException($"{fileName} row {parser.Row}: {record.Length} fields, expected {columns}.");
            yield return record;
        }
    }

    /// <summary>Opens an embedded data file by name, decompressing <c>.gz</c> files.</summary>
    public static Stream Open(string fileName)
    {
        var assembly = typeof(ReferenceDataFiles).Assembly;
        var name = ResourceName(assembly, fileName);
        var stream = assembly.GetManifestResourceStream(name)
            ?? throw new FileNotFoundException($"Embedded reference data '{fileName}' is missing.", fileName);
        return fileName.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(stream, CompressionMode.Decompress) : stream;
    }

    /// <summary>The names of the embedded data files.</summary>
    public static IReadOnlyList<string> FileNames { get; } =
        [CountriesFile, SubdivisionsFile, CurrenciesFile, AliasesFile, CitiesFile, ZipCodesFile];

    /// <summary>A name-based (SHA-1, version 5 layout) id for a reference zip code: the same key always gives the same id.</summary>
    public static Guid ReferenceZipCodeId(string countryId, string code, string stateId, string city)
    {
        Span<byte> hash = stackalloc byte[20];
        var text = Encoding.UTF8.GetBytes($"psabridge/zipcode\u001f{countryId}\u001f{code}\u001f{stateId}\u001f{city}");
        SHA1.HashData(text, hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50); // version 5
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes, bigEndian: true);
    }

    private static string ResourceName(Assembly assembly, string fileName)
    {
        var suffix = ".ReferenceData.data." + fileName;
        foreach (var name in assembly.GetManifestResourceNames())
            if (name.EndsWith(suffix, StringComparison.Ordinal)) return name;
        throw new FileNotFoundException($"Embedded reference data '{fileName}' is missing.", fileName);
    }
}
