using System.Globalization;

namespace PsaBridge.Web.Pages.Shared;

/// <summary>
/// Links that keep the list's current query (search, filters) and change one value. Lists page with
/// <c>?p=N</c>: Razor Pages keeps its own <c>page</c> route value, which a query named <c>page</c> would clash with.
/// </summary>
public static class Links
{
    public const string PageParameter = "p";

    public static string With(HttpRequest request, string key, string? value, params string[] drop)
    {
        var query = request.Query
            .Where(q => !string.Equals(q.Key, key, StringComparison.OrdinalIgnoreCase) && !drop.Contains(q.Key, StringComparer.OrdinalIgnoreCase))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
            .ToList();
        if (!string.IsNullOrEmpty(value)) query.Add(new(key, value));
        return request.PathBase + request.Path + QueryString.Create(query);
    }

    /// <summary>The current query's values except <paramref name="drop"/>, for hidden inputs that carry them through a GET form.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Keep(HttpRequest request, IEnumerable<string> drop)
    {
        var dropped = new HashSet<string>(drop, StringComparer.OrdinalIgnoreCase);
        return request.Query.Where(q => !dropped.Contains(q.Key))
            .SelectMany(q => q.Value.Where(v => v is not null).Select(v => new KeyValuePair<string, string>(q.Key, v!)));
    }

    /// <summary>The same list with several values changed at once (a null value removes its key).</summary>
    public static string WithAll(HttpRequest request, params (string Key, string? Value)[] changes)
    {
        var keys = changes.Select(c => c.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var query = request.Query.Where(q => !keys.Contains(q.Key))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v))).ToList();
        query.AddRange(changes.Where(c => !string.IsNullOrEmpty(c.Value)).Select(c => new KeyValuePair<string, string?>(c.Key, c.Value)));
        return request.PathBase + request.Path + QueryString.Create(query);
    }

    /// <summary>The same list on another page.</summary>
    public static string ToPage(HttpRequest request, int pageNumber) =>
        With(request, PageParameter, pageNumber <= 1 ? null : pageNumber.ToString(CultureInfo.InvariantCulture));

    /// <summary>The same list with another filter value, back on its first page.</summary>
    public static string Filtered(HttpRequest request, string key, string? value) => With(request, key, value, PageParameter);

    public static string PsaAccount(Guid id) => $"/psa/accounts/{id}";
    public static string Customer(string customerAccount) => $"/finance/customers/{Uri.EscapeDataString(customerAccount)}";
    public static string LogDetails(Guid headerId) => $"/integration/log/{headerId}";
    public static string RunProgress(Guid headerId) => $"/integration/sync/runs/{headerId}";
    public static string City(string country, string state, string name) =>
        $"/setup/cities/{Uri.EscapeDataString(country)}/{Uri.EscapeDataString(state)}/{Uri.EscapeDataString(name)}";
    public static string ZipCode(Guid id) => $"/setup/zip-codes/{id}";
    public static string PaymentTerm(string code) => $"/setup/payment-terms/{Uri.EscapeDataString(code)}";
    public static string FailingAccounts(string? error = null) => error is null ? "/integration/failing" : $"/integration/failing?error={Uri.EscapeDataString(error)}";
}
