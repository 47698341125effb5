using System.Linq.Expressions;
using PsaBridge.Infrastructure.Validation;

namespace PsaBridge.Psa.Sales;

/// <summary>
/// The sort of a sales list: one of its named keys, <c>-</c> before it for descending, the first key by default;
/// ties broken by id so pages never overlap. An unknown key is a field error on <c>sort</c>.
/// </summary>
public static class SalesSorting
{
    public static IQueryable<T> Apply<T>(IQueryable<T> query, string? sort, Expression<Func<T, Guid>> id, params (string Name, Expression<Func<T, object>> Key)[] keys)
    {
        var text = InputRules.Clean(sort) ?? keys[0].Name;
        var descending = text.StartsWith('-');
        var name = text.TrimStart('-');
        var key = keys.FirstOrDefault(k => string.Equals(k.Name, name, StringComparison.OrdinalIgnoreCase));
        if (key.Key is null)
            throw new ValidationFailedException("sort", $"Sort '{sort}' is not one of {string.Join(", ", keys.Select(k => k.Name))} (put '-' before it for descending).");
        var ordered = descending ? query.OrderByDescending(key.Key) : query.OrderBy(key.Key);
        return ordered.ThenBy(id);
    }
}
