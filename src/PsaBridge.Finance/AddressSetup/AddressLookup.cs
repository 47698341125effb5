using System.Text;
using PsaBridge.Finance.ReferenceData;

namespace PsaBridge.Finance.AddressSetup;

/// <summary>
/// Finds countries, states and cities by what people type: a country by alpha-2, alpha-3 or name; a state
/// by its id, its ISO code ("US-WA") or its name within a country; a city by name within a country and state.
/// Matching ignores case, surrounding and repeated spaces, and (when nothing matches exactly) accents.
/// Pure and in memory: build it once per run from the finance tables (or <see cref="ReferenceDataFiles"/>);
/// every lookup is a dictionary hit. A name that fits several entries (an ambiguous alias) finds none.
/// Lookups may run on several threads at once; <see cref="AddCity"/> must not run concurrently with them.
/// </summary>
public sealed class AddressLookup
{
    // Lower rank wins: a code beats a name, a name beats a name derived from it, which beats an alias.
    private const int RankCode = 0, RankName = 1, RankDerived = 2, RankAlias = 3;

    private readonly Index<Country> _countries = new();
    private readonly Dictionary<string, Index<State>> _states = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Country> _countryById = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, City> _cities = new(StringComparer.Ordinal);
    private readonly Dictionary<string, City?> _foldedCities = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<State>> _statesOf = new(StringComparer.OrdinalIgnoreCase);

    public AddressLookup(
        IEnumerable<Country> countries,
        IEnumerable<State> states,
        IEnumerable<City>? cities = null,
        IEnumerable<AddressAlias>? aliases = null)
    {
        foreach (var c in countries)
        {
            _countryById[c.Id] = c;
            _countries.Add(c.Id, c, RankCode);
            _countries.Add(c.Iso2, c, RankCode);
            _countries.Add(c.Name, c, RankName);
            foreach (var derived in DerivedNames(c.Name)) _countries.Add(derived, c, RankDerived);
        }

        foreach (var s in states)
        {
            if (!_states.TryGetValue(s.CountryId, out var index)) _states[s.CountryId] = index = new Index<State>();
            if (!_statesOf.TryGetValue(s.CountryId, out var list)) _statesOf[s.CountryId] = list = [];
            list.Add(s);
            index.Add(s.StateId, s, RankCode);
            if (_countryById.TryGetValue(s.CountryId, out var country)) index.Add($"{country.Iso2}-{s.StateId}", s, RankCode);
            index.Add($"{s.CountryId}-{s.StateId}", s, RankCode);
            index.Add(s.Name, s, RankName);
            foreach (var derived in DerivedNames(s.Name)) index.Add(derived, s, RankDerived);
        }

        foreach (var a in aliases ?? [])
        {
            if (a.Kind == AddressAliasKind.Country)
            {
                if (_countryById.TryGetValue(a.Code, out var country)) _countries.Add(a.Alias, country, RankAlias);
            }
            else if (_states.TryGetValue(a.CountryId, out var index) && index.ByCode(a.Code) is { } state)
            {
                index.Add(a.Alias, state, RankAlias);
            }
        }

        foreach (var city in cities ?? []) AddCity(city);
    }

    /// <summary>Builds a lookup from the embedded reference files (countries, states and aliases; cities only if asked).</summary>
    public static AddressLookup FromReferenceData(bool withCities = false) =>
        new(ReferenceDataFiles.Countries(), ReferenceDataFiles.States(),
            withCities ? ReferenceDataFiles.Cities() : null, ReferenceDataFiles.Aliases());

    public int CountryCount => _countryById.Count;
    public int CityCount => _cities.Count;

    /// <summary>A country by alpha-2 ("us"), alpha-3 ("USA"), name ("United States") or alias ("United States of America").</summary>
    public Country? FindCountry(string? text) => _countries.Find(text);

    /// <summary>A country by its id (alpha-3) only.</summary>
    public Country? CountryById(string? id) => id is null ? null : _countryById.GetValueOrDefault(id.Trim());

    /// <summary>
    /// A state of the country (<paramref name="countryId"/> is the alpha-3 id) by its id ("WA"), its ISO code
    /// ("US-WA"), its name ("Washington") or an alias ("Bavaria").
    /// </summary>
    public State? FindState(string countryId, string? text) =>
        _states.TryGetValue(countryId, out var index) ? index.Find(text) : null;

    /// <summary>The states of a country, in the order given.</summary>
    public IReadOnlyList<State> StatesOf(string countryId) =>
        _statesOf.TryGetValue(countryId, out var list) ? list : [];

    /// <summary>A city by name within a country and state (ids), ignoring case and spacing, then accents.</summary>
    public City? FindCity(string countryId, string stateId, string? name)
    {
        var normal = Normalize(name);
        if (normal.Length == 0) return null;
        var prefix = CityPrefix(countryId, stateId);
        if (_cities.TryGetValue(prefix + normal.ToUpperInvariant(), out var city)) return city;
        return _foldedCities.GetValueOrDefault(prefix + Fold(normal));
    }

    /// <summary>Adds a city (for example one created during the run). A city already known by that name is kept.</summary>
    public void AddCity(City city)
    {
        var normal = Normalize(city.Name);
        if (normal.Length == 0) return;
        var prefix = CityPrefix(city.CountryId, city.StateId);
        if (!_cities.TryAdd(prefix + normal.ToUpperInvariant(), city)) return;
        var folded = prefix + Fold(normal);
        // Two cities that differ only in accents: the folded key is ambiguous and finds neither.
        if (_foldedCities.TryGetValue(folded, out var existing)) { if (existing is not null && !ReferenceEquals(existing, city)) _foldedCities[folded] = null; }
        else _foldedCities[folded] = city;
    }

    private static string CityPrefix(string countryId, string stateId) =>
        string.Concat(countryId.Trim().ToUpperInvariant(), "\u001f", stateId.Trim().ToUpperInvariant(), "\u001f");

    /// <summary>
    /// Shorter forms of an ISO name: "Bolivia, Plurinational State of" → "Bolivia"; "Wales [Cymru GB-CYM]" → "Wales",
    /// "Cymru"; "Sofia (stolitsa)" → "Sofia".
    /// </summary>
    internal static IEnumerable<string> DerivedNames(string name)
    {
        var bracket = name.IndexOf('[');
        if (bracket > 0)
        {
            yield return name[..bracket];
            var close = name.IndexOf(']', bracket);
            if (close > bracket)
            {
                var inner = name[(bracket + 1)..close];
                // "[Cymru GB-CYM]": the alternative name, without the alternative code.
                var words = inner.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                    .Where(w => !(w.Length > 3 && w[2] == '-' && w.ToUpperInvariant() == w));
                yield return string.Join(' ', words);
            }
        }
        var paren = name.IndexOf('(');
        if (paren > 0) yield return name[..paren];
        var comma = name.IndexOf(',');
        if (comma > 0) yield return name[..comma];
    }

    /// <summary>Trims and collapses runs of white space.</summary>
    internal static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var s = text.Trim();
        var needs = false;
        for (var i = 1; i < s.Length; i++)
            if (char.IsWhiteSpace(s[i]) && (char.IsWhiteSpace(s[i - 1]) || s[i] != ' ')) { needs = true; break; }
        if (!needs) return s;
        var b = new StringBuilder(s.Length);
        foreach (var ch in s)
        {
            if (char.IsWhiteSpace(ch)) { if (b[^1] != ' ') b.Append(' '); }
            else b.Append(ch);
        }
        return b.ToString();
    }

    /// <summary>
    /// Upper case without accents ("Montréal" → "MONTREAL", "Straße" → "STRASSE"). The app runs with invariant
    /// globalization, where string.Normalize does not decompose, so Latin letters are folded by table.
    /// </summary>
    internal static string Fold(string text)
    {
        var b = new StringBuilder(text.Length + 4);
        foreach (var ch in text)
        {
            if (ch < 0x80) { b.Append(char.ToUpperInvariant(ch)); continue; }
            if (Folds.TryGetValue(ch, out var folded)) b.Append(folded);
            else b.Append(char.ToUpperInvariant(ch));
        }
        return b.ToString();
    }

    private static readonly Dictionary<char, string> Folds = BuildFolds();

    private static Dictionary<char, string> BuildFolds()
    {
        var map = new Dictionary<char, string>();
        void Add(string letters, string to) { foreach (var ch in letters) map[ch] = to; }
        Add("ÀÁÂÃÄÅĀĂĄàáâãäåāăą", "A"); Add("ÇĆĈĊČçćĉċč", "C"); Add("ĎĐďđ", "D");
        Add("ÈÉÊËĒĔĖĘĚèéêëēĕėęě", "E"); Add("ĜĞĠĢĝğġģ", "G"); Add("ĤĦĥħ", "H");
        Add("ÌÍÎÏĨĪĬĮİìíîïĩīĭįı", "I"); Add("Ĵĵ", "J"); Add("Ķķ", "K"); Add("ĹĻĽĿŁĺļľŀł", "L");
        Add("ÑŃŅŇñńņň", "N"); Add("ÒÓÔÕÖØŌŎŐòóôõöøōŏő", "O"); Add("ŔŖŘŕŗř", "R");
        Add("ŚŜŞŠśŝşšȘș", "S"); Add("ŢŤŦţťŧȚț", "T"); Add("ÙÚÛÜŨŪŬŮŰŲùúûüũūŭůűų", "U");
        Add("Ŵŵ", "W"); Add("ÝŸŶýÿŷ", "Y"); Add("ŹŻŽźżž", "Z");
        Add("ß", "SS"); Add("Ææ", "AE"); Add("Œœ", "OE"); Add("Þþ", "TH"); Add("Ðð", "D");
        Add("\u2019\u2018`´", "'"); Add("\u2013\u2014", "-");
        return map;
    }

    /// <summary>Two dictionaries per kind of entry: by case-insensitive text, then by folded text.</summary>
    private sealed class Index<T> where T : class
    {
        private readonly Dictionary<string, (T? Value, int Rank)> _exact = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, (T? Value, int Rank)> _folded = new(StringComparer.Ordinal);
        private readonly Dictionary<string, T> _codes = new(StringComparer.OrdinalIgnoreCase);

        public void Add(string? text, T value, int rank)
        {
            var key = Normalize(text);
            if (key.Length == 0) return;
            if (rank == RankCode) _codes.TryAdd(key, value);
            Put(_exact, key, value, rank);
            Put(_folded, Fold(key), value, rank);
        }

        public T? ByCode(string code) => _codes.GetValueOrDefault(code.Trim());

        public T? Find(string? text)
        {
            var key = Normalize(text);
            if (key.Length == 0) return null;
            if (_exact.TryGetValue(key, out var hit)) return hit.Value;
            return _folded.TryGetValue(Fold(key), out hit) ? hit.Value : null;
        }

        private static void Put(Dictionary<string, (T? Value, int Rank)> map, string key, T value, int rank)
        {
            if (!map.TryGetValue(key, out var current) || rank < current.Rank) map[key] = (value, rank);
            else if (rank == current.Rank && !ReferenceEquals(current.Value, value)) map[key] = (null, rank); // ambiguous
        }
    }
}
