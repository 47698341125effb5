using System.Globalization;
using System.Text.RegularExpressions;
using PsaBridge.Integration.Dynamics;

namespace PsaBridge.Web.Dataverse;

/// <summary>Where a page of accounts starts and ends: after version <see cref="After"/>, up to <see cref="UpTo"/> (null: no bound).</summary>
public sealed record AccountsCursor(long After, long? UpTo, int PageNumber, bool Tracking);

/// <summary>
/// A request for <c>accounts</c> as Dataverse's Web API takes it: <c>$select</c>, the subset of <c>$filter</c> the stand-in
/// serves (<c>accountid eq …</c> joined by <c>or</c>, or <c>versionnumber gt N</c>), <c>$orderby=versionnumber</c> (the
/// order every page is served in), <c>$count=true</c> (capped at 5,000 as Dataverse caps it), <c>$top</c>, <c>Prefer: odata.maxpagesize</c>, <c>odata.track-changes</c>
/// and <c>odata.include-annotations</c>, the <c>$skiptoken</c> of a next link and the <c>$deltatoken</c> of a delta link.
/// Parsed as plain code; a request Dataverse refuses gets Dataverse's message.
/// </summary>
public sealed partial record AccountsQuery(
    IReadOnlyList<string> Select,
    IReadOnlyList<Guid>? Ids,
    long? AfterVersion,
    bool Count,
    int? Top,
    int? MaxPageSize,
    bool TrackChanges,
    bool FormattedValues,
    AccountsCursor? Cursor,
    DeltaToken? Delta)
{
    /// <summary>Dataverse's largest page, and the page without <c>odata.maxpagesize</c>.</summary>
    public const int MaxPage = 5_000;

    /// <summary>Dataverse's cap on <c>@odata.count</c>.</summary>
    public const int MaxCount = 5_000;

    public int PageSize => Math.Min(MaxPageSize ?? MaxPage, MaxPage);

    /// <summary>The query, or the error Dataverse answers (its message; the option at fault as the target).</summary>
    public static (AccountsQuery? Query, (string Message, string Target)? Error) Parse(IQueryCollection query, IEnumerable<string> prefer)
    {
        foreach (var unsupported in new[] { "$skip", "$search", "$format", "$apply" })
            if (query.ContainsKey(unsupported))
                return (null, ($"The query parameter {unsupported} is not supported", unsupported));

        var preferences = Preferences(prefer);
        var tracking = preferences.ContainsKey("odata.track-changes") || query.ContainsKey("$deltatoken");
        if (tracking)
            foreach (var refused in new[] { "$filter", "$orderby", "$expand", "$top" })
                if (query.ContainsKey(refused))
                    return (null, ($"The \"{refused}\" query parameter isn't supported when Change Tracking is enabled.", refused));
        if (query.ContainsKey("$expand"))
            return (null, ("The query parameter $expand is not served by this Dataverse-compatible endpoint (it serves $select, $filter on accountid or versionnumber, $orderby=versionnumber, $count, $top and paging).", "$expand"));
        if (query.TryGetValue("$orderby", out var order) && order.ToString().Trim() is not ("versionnumber" or "versionnumber asc"))
            return (null, ($"The $orderby '{order}' is not served by this Dataverse-compatible endpoint: it serves versionnumber ascending.", "$orderby"));
        var count = query.TryGetValue("$count", out var countText) && countText == "true";

        var select = new List<string>();
        if (query.TryGetValue("$select", out var selected))
            foreach (var name in selected.ToString().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (name != AccountMap.Id && !AccountMap.ByName.ContainsKey(name))
                    return (null, ($"Could not find a property named '{name}' on type 'Microsoft.Dynamics.CRM.{AccountMap.EntityType}'.", "$select"));
                if (name != AccountMap.Id) select.Add(name);
            }
        if (select.Count == 0) select.AddRange(AccountMap.Columns.Select(c => c.Name));

        List<Guid>? ids = null;
        long? afterVersion = null;
        if (query.TryGetValue("$filter", out var filter) && VersionAfter().Match(filter.ToString().Trim()) is { Success: true } after)
            afterVersion = long.Parse(after.Groups["version"].Value, CultureInfo.InvariantCulture);
        else if (query.TryGetValue("$filter", out filter))
        {
            ids = [];
            foreach (var term in filter.ToString().Split(" or ", StringSplitOptions.TrimEntries))
            {
                var m = IdEquals().Match(term.Trim('(', ')', ' '));
                if (!m.Success)
                    return (null, ($"The $filter '{filter}' is not served by this Dataverse-compatible endpoint: it serves accountid eq <guid>, joined by or, and versionnumber gt <number>.", "$filter"));
                ids.Add(Guid.Parse(m.Groups["id"].Value));
            }
        }

        int? top = null;
        if (query.TryGetValue("$top", out var topText))
        {
            if (!int.TryParse(topText, NumberStyles.None, CultureInfo.InvariantCulture, out var t) || t < 1)
                return (null, ($"Invalid value '{topText}' for $top query option found.", "$top"));
            top = t;
        }

        int? maxPageSize = null;
        if (preferences.TryGetValue("odata.maxpagesize", out var size))
        {
            if (!int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
                return (null, ($"The odata.maxpagesize preference '{size}' is not a positive number.", "Prefer"));
            maxPageSize = n;
        }

        AccountsCursor? cursor = null;
        if (query.TryGetValue("$skiptoken", out var skip))
        {
            cursor = ParseCookie(skip.ToString());
            if (cursor is null) return (null, ("The $skiptoken is not a paging cookie this service gave.", "$skiptoken"));
        }

        DeltaToken? delta = null;
        if (query.TryGetValue("$deltatoken", out var token))
        {
            delta = DeltaToken.Parse(token.ToString());
            if (delta is null) return (null, ("The $deltatoken is not a token this service gave.", "$deltatoken"));
        }

        var formatted = preferences.TryGetValue("odata.include-annotations", out var annotations)
                        && (annotations.Contains('*') || annotations.Contains("OData.Community.Display.V1.FormattedValue", StringComparison.Ordinal));
        // Dataverse ignores $top when a page size is preferred.
        return (new AccountsQuery(select, ids, afterVersion, count, maxPageSize is null ? top : null, maxPageSize, tracking, formatted, cursor, delta), null);
    }

    /// <summary>Dataverse's paging cookie, in the form it puts into a next link.</summary>
    public static string Cookie(AccountsCursor c) =>
        $"<cookie pagenumber=\"{c.PageNumber}\" lastversion=\"{c.After}\" maxversion=\"{c.UpTo?.ToString(CultureInfo.InvariantCulture) ?? ""}\" istracking=\"{(c.Tracking ? "True" : "False")}\" />";

    public static AccountsCursor? ParseCookie(string text)
    {
        var m = CookiePattern().Match(text);
        if (!m.Success) return null;
        long? upTo = m.Groups["max"].Value.Length == 0 ? null : long.Parse(m.Groups["max"].Value, CultureInfo.InvariantCulture);
        return new AccountsCursor(long.Parse(m.Groups["last"].Value, CultureInfo.InvariantCulture), upTo,
            int.Parse(m.Groups["page"].Value, CultureInfo.InvariantCulture), m.Groups["tracking"].Value == "True");
    }

    /// <summary>Every <c>Prefer</c> preference of the request (several headers, or several in one, comma-separated).</summary>
    private static Dictionary<string, string> Preferences(IEnumerable<string> prefer)
    {
        var found = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in prefer)
            foreach (var part in PreferencePattern().Matches(header).Cast<Match>())
                found[part.Groups["name"].Value] = part.Groups["value"].Value.Trim('"');
        return found;
    }

    [GeneratedRegex(@"^accountid\s+eq\s+(?<id>[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$")]
    private static partial Regex IdEquals();

    [GeneratedRegex(@"^versionnumber\s+gt\s+(?<version>\d{1,18})$")]
    private static partial Regex VersionAfter();

    [GeneratedRegex("""^<cookie pagenumber="(?<page>\d+)" lastversion="(?<last>\d+)" maxversion="(?<max>\d*)" istracking="(?<tracking>True|False)" />$""")]
    private static partial Regex CookiePattern();

    [GeneratedRegex("""(?<name>[A-Za-z.\-]+)\s*(=\s*(?<value>"[^"]*"|[^,;\s]*))?""")]
    private static partial Regex PreferencePattern();
}

/// <summary>
/// A change-tracking token: the last version the client has seen, and when the token was given. Written as Dataverse writes
/// its tokens (<c>919042!08/22/2017 08:10:44</c>), so it expires after the environment's change-tracking days.
/// </summary>
public sealed record DeltaToken(long Version, DateTime IssuedAt)
{
    public override string ToString() => $"{Version}!{IssuedAt.ToString("MM/dd/yyyy HH:mm:ss", CultureInfo.InvariantCulture)}";

    public static DeltaToken? Parse(string text)
    {
        var bang = text.IndexOf('!');
        if (bang <= 0 || !long.TryParse(text[..bang], NumberStyles.None, CultureInfo.InvariantCulture, out var version)) return null;
        return DateTime.TryParseExact(text[(bang + 1)..], "MM/dd/yyyy HH:mm:ss", CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at) ? new DeltaToken(version, at) : null;
    }
}
