using System.ComponentModel;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using PsaBridge.Infrastructure.Validation;

namespace PsaBridge.Web.Pages.Shared.Grid;

/// <summary>The per-column filters as database expressions: text contains (any case), a choice equals, a date range.</summary>
public static class GridFilters
{
    public const string From = "-from", To = "-to";
    public const string DateFormat = "yyyy-MM-dd";

    public static IQueryable<T> Apply<T>(IQueryable<T> query, GridColumn<T> column, GridQuery request, List<FieldError> errors)
    {
        var body = column.Expression.Body;
        var parameters = column.Expression.Parameters;
        IQueryable<T> Where(Expression condition) => query.Where(Expression.Lambda<Func<T, bool>>(condition, parameters));
        if (column.Predicate is { } predicate && request.Value(column.Key) is { } asked)
        {
            if (column.Filter == GridFilterKind.Choice && !column.Choices.Any(c => string.Equals(c.Value, asked, StringComparison.OrdinalIgnoreCase)))
            {
                errors.Add(new FieldError(column.Key, $"{column.Header}: '{asked}' is not one of {string.Join(", ", column.Choices.Select(c => c.Label))}."));
                return query;
            }
            return query.Where(predicate(asked));
        }
        switch (column.Filter)
        {
            case GridFilterKind.Text when request.Value(column.Key) is { } text:
            {
                var lower = Expression.Call(body, nameof(string.ToLower), Type.EmptyTypes);
                var contains = Expression.Call(lower, nameof(string.Contains), Type.EmptyTypes, Expression.Constant(text.ToLowerInvariant()));
                return Where(Expression.AndAlso(Expression.NotEqual(body, Expression.Constant(null, typeof(string))), contains));
            }
            case GridFilterKind.Choice when request.Value(column.Key) is { } choice:
            {
                var type = Nullable.GetUnderlyingType(body.Type) ?? body.Type;
                if (!TryParse(type, choice, out var value) || (column.Choices.Count > 0 && !column.Choices.Any(c => string.Equals(c.Value, choice, StringComparison.OrdinalIgnoreCase))))
                {
                    errors.Add(new FieldError(column.Key, $"{column.Header}: '{choice}' is not one of {string.Join(", ", column.Choices.Select(c => c.Label))}."));
                    return query;
                }
                return Where(Expression.Equal(body, Expression.Constant(value, body.Type)));
            }
            case GridFilterKind.DateRange:
            {
                var from = Date(request.Value(column.Key + From), column, "from", errors);
                var to = Date(request.Value(column.Key + To), column, "to", errors);
                // A DateOnly column (a document date) compares with days, a DateTime column with the moments they begin.
                var days = (Nullable.GetUnderlyingType(body.Type) ?? body.Type) == typeof(DateOnly);
                object Bound(DateTime d) => days ? DateOnly.FromDateTime(d) : d;
                if (from is { } f) query = Where(Expression.GreaterThanOrEqual(body, Expression.Constant(Bound(f), body.Type)));
                if (to is { } t) query = Where(Expression.LessThan(body, Expression.Constant(Bound(t.AddDays(1)), body.Type)));
                return query;
            }
            default:
                return query;
        }
    }

    /// <summary>An enum's names (labelled by their description when they have one), or yes/no.</summary>
    public static IReadOnlyList<(string Value, string Label)> ChoicesOf(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(bool)) return [("true", "Yes"), ("false", "No")];
        if (!type.IsEnum) return [];
        return Enum.GetNames(type)
            .Select(name => (name, type.GetField(name)!.GetCustomAttribute<DescriptionAttribute>()?.Description ?? name))
            .ToList();
    }

    public static Func<string, TKey?> Parser<TKey>() => text => TryParse(Nullable.GetUnderlyingType(typeof(TKey)) ?? typeof(TKey), text, out var v) ? (TKey?)v : default;

    private static bool TryParse(Type type, string text, out object? value)
    {
        value = null;
        if (type == typeof(string)) value = text;
        else if (type.IsEnum && Enum.TryParse(type, text, ignoreCase: true, out var e) && Enum.IsDefined(type, e!)) value = e;
        else if (type == typeof(bool) && bool.TryParse(text, out var b)) value = b;
        else if (type == typeof(Guid) && Guid.TryParse(text, out var g)) value = g;
        else if (type == typeof(int) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i)) value = i;
        return value is not null;
    }

    private static DateTime? Date<T>(string? text, GridColumn<T> column, string end, List<FieldError> errors)
    {
        if (text is null) return null;
        if (DateTime.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date))
            return DateTime.SpecifyKind(date, DateTimeKind.Utc);
        errors.Add(new FieldError(column.Key + (end == "from" ? From : To), $"{column.Header} {end}: '{text}' is not a date (year-month-day, e.g. 2026-12-31)."));
        return null;
    }
}
