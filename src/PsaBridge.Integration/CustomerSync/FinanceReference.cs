using PsaBridge.Finance.AddressSetup;
using PsaBridge.Finance.PaymentTerms;

namespace PsaBridge.Integration.CustomerSync;

/// <summary>
/// The finance reference data one sync run validates against, in memory. Countries, states,
/// payment terms, customer groups and currencies are loaded whole; cities and zip codes are added page by page
/// for the places the page mentions (see <see cref="FinanceReferenceLoader"/>), so a run over a
/// million accounts never holds the whole gazetteer. Zip codes the run creates are added as it goes.
/// </summary>
public sealed class FinanceReference
{
    private readonly AddressLookup _places;
    private readonly Dictionary<(string Country, string City), List<City>> _cities = new(KeyComparer.Instance);
    private readonly HashSet<(string Country, string Code, string State, string City)> _zips = new(ZipComparer.Instance);
    private readonly HashSet<(string Country, string Code)> _zipsInCountry = new(KeyComparer.Instance);
    private readonly Dictionary<string, PaymentTerm> _terms = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _groups = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _currencies = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>
    /// Zip codes are the one part two threads touch: the sync maps a page ahead (reads, and the prefetch
    /// adds) while it adds the zip codes the page before created. Everything else is written by the
    /// thread that maps, before it maps.
    /// </summary>
    private readonly Lock _zipGate = new();

    public FinanceReference(AddressLookup places, IEnumerable<PaymentTerm> terms, IEnumerable<string> customerGroups, IEnumerable<string> currencies)
    {
        _places = places;
        foreach (var t in terms) { _terms.TryAdd(Squash(t.Description), t); _terms[Squash(t.Code)] = t; }
        foreach (var g in customerGroups) _groups.Add(g);
        foreach (var c in currencies) _currencies.Add(c);
    }

    /// <summary>By ISO alpha-2, alpha-3, name or a known alias, ignoring case, spacing and (failing an exact match) accents.</summary>
    public Country? FindCountry(string? key) => _places.FindCountry(key);

    /// <summary>By code (WA or US-WA), name or alias within the country.</summary>
    public State? FindState(string countryId, string? key) => _places.FindState(countryId, key);

    /// <summary>Cities of that name in the country, within one state when given.</summary>
    public IReadOnlyList<City> FindCities(string countryId, string? stateId, string name)
    {
        if (!_cities.TryGetValue((countryId, Squeeze(name)), out var found)) return [];
        if (stateId is null) return found;
        List<City>? inState = null; // most names are in one state: then no new list
        for (var i = 0; i < found.Count; i++)
        {
            var same = string.Equals(found[i].StateId, stateId, StringComparison.OrdinalIgnoreCase);
            if (!same && inState is null) inState = found[..i];
            else if (same) inState?.Add(found[i]);
        }
        return inState ?? found;
    }

    public bool ZipExists(string countryId, string code, string stateId, string city)
    {
        lock (_zipGate) return _zips.Contains((countryId, code, stateId, city));
    }

    public bool ZipExistsInCountry(string countryId, string code)
    {
        lock (_zipGate) return _zipsInCountry.Contains((countryId, code));
    }

    public PaymentTerm? FindPaymentTerm(string? key) => Blank(key) ? null : _terms.GetValueOrDefault(Squash(key!));

    public IEnumerable<string> PaymentTermCodes => _terms.Values.Select(t => t.Code).Distinct().Order();

    public bool CustomerGroupExists(string id) => _groups.Contains(id);

    /// <summary>By its ISO code, ignoring case.</summary>
    public bool CurrencyExists(string code) => _currencies.Contains(code);

    public void AddCity(City city)
    {
        var key = (city.CountryId, Squeeze(city.Name));
        if (!_cities.TryGetValue(key, out var list)) _cities[key] = list = [];
        if (!list.Any(c => c.StateId == city.StateId && c.Name == city.Name)) list.Add(city);
    }

    public void AddZip(string countryId, string code, string stateId, string city)
    {
        lock (_zipGate)
        {
            _zips.Add((countryId, code, stateId, city));
            _zipsInCountry.Add((countryId, code));
        }
    }


    public static string Normalize(string value) => Squeeze(value).ToUpperInvariant();

    /// <summary>
    /// Runs of white space as one space, none at the ends; the same string when it already is (most
    /// are: no new string a lookup). City keys need no more: their comparer ignores case.
    /// </summary>
    private static string Squeeze(string value)
    {
        var squeezed = value.Length > 0 && value[0] != ' ' && value[^1] != ' ';
        for (var i = 0; squeezed && i < value.Length; i++)
            if (char.IsWhiteSpace(value[i]) && (value[i] != ' ' || value[i - 1] == ' ')) squeezed = false;
        return squeezed ? value : string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    public static string NormalizeZip(string value) => Normalize(value);

    /// <summary>Without white space (the terms' keys ignore case); the same string when it has none, as most have.</summary>
    private static string Squash(string value)
    {
        foreach (var c in value)
            if (char.IsWhiteSpace(c)) return string.Concat(value.Where(x => !char.IsWhiteSpace(x)));
        return value;
    }

    private static bool Blank(string? value) => string.IsNullOrWhiteSpace(value);

    private sealed class KeyComparer : IEqualityComparer<(string, string)>
    {
        public static readonly KeyComparer Instance = new();
        public bool Equals((string, string) x, (string, string) y) =>
            StringComparer.OrdinalIgnoreCase.Equals(x.Item1, y.Item1) && StringComparer.OrdinalIgnoreCase.Equals(x.Item2, y.Item2);
        public int GetHashCode((string, string) obj) =>
            HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Item1), StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Item2));
    }

    private sealed class ZipComparer : IEqualityComparer<(string, string, string, string)>
    {
        public static readonly ZipComparer Instance = new();
        private static readonly StringComparer C = StringComparer.OrdinalIgnoreCase;
        public bool Equals((string, string, string, string) x, (string, string, string, string) y) =>
            C.Equals(x.Item1, y.Item1) && C.Equals(x.Item2, y.Item2) && C.Equals(x.Item3, y.Item3) && C.Equals(x.Item4, y.Item4);
        public int GetHashCode((string, string, string, string) o) =>
            HashCode.Combine(C.GetHashCode(o.Item1), C.GetHashCode(o.Item2), C.GetHashCode(o.Item3), C.GetHashCode(o.Item4));
    }
}
