using System.Globalization;
using Microsoft.AspNetCore.Routing.Patterns;

namespace PsaBridge.Web.Infrastructure.Auditing;

/// <summary>How the audit trail names what a request touched, read from its route: <c>/api/psa/time-entries/{id}/approve</c> is a <c>TimeEntry</c>.</summary>
public static class AuditNames
{
    /// <summary>A route segment as a record kind: <c>time-entries</c> → <c>TimeEntry</c>, <c>payment-terms</c> → <c>PaymentTerm</c>.</summary>
    public static string Entity(string segment)
    {
        var words = segment.Split('-', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return segment;
        words[^1] = Singular(words[^1]);
        return string.Concat(words.Select(w => char.ToUpper(w[0], CultureInfo.InvariantCulture) + w[1..]));
    }

    private static string Singular(string word) =>
        word.EndsWith("ies", StringComparison.Ordinal) && word.Length > 3 ? word[..^3] + "y"
        : word.EndsWith("sses", StringComparison.Ordinal) ? word[..^2]
        : word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && word.Length > 1 ? word[..^1]
        : word;

    /// <summary>
    /// The record a route acts on: the literal before its first parameter (with that parameter's name), or, without
    /// parameters, the last plural literal (<c>/actuals/ready-to-invoice</c> acts on actuals).
    /// </summary>
    public static (string Entity, string? Parameter) Record(RoutePattern pattern)
    {
        string? previous = null, lastPlural = null;
        foreach (var segment in pattern.PathSegments)
        {
            if (segment.Parts is [RoutePatternParameterPart parameter] && previous is not null) return (Entity(previous), parameter.Name);
            if (segment.Parts is not [RoutePatternLiteralPart literal]) continue;
            previous = literal.Content;
            if (literal.Content.EndsWith('s') && literal.Content != "api") lastPlural = literal.Content;
        }
        return (Entity(lastPlural ?? previous ?? "request"), null);
    }
}
