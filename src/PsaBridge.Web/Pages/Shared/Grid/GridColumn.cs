using System.Linq.Expressions;
using PsaBridge.Infrastructure.Export;

namespace PsaBridge.Web.Pages.Shared.Grid;

/// <summary>How a column can be filtered: not at all, by text (contains), by a choice of values, or by a date range.</summary>
public enum GridFilterKind { None, Text, Choice, DateRange }

/// <summary>
/// One column of a <see cref="ListGrid{T}"/>: its key (in the query string), its header (the words on screen, in
/// filters and in exports), its value as an expression (sorted and filtered in the database, exported per row) and type.
/// </summary>
public sealed class GridColumn<T>
{
    internal GridColumn(string key, string header, LambdaExpression value, ExportType type)
    {
        Key = key;
        Header = header;
        Expression = value;
        Type = type;
        Read = System.Linq.Expressions.Expression.Lambda<Func<T, object?>>(
            System.Linq.Expressions.Expression.Convert(value.Body, typeof(object)), value.Parameters).Compile();
    }

    public string Key { get; }
    public string Header { get; }
    public ExportType Type { get; }
    public LambdaExpression Expression { get; }
    public Func<T, object?> Read { get; private set; }
    public bool Sortable { get; internal set; } = true;
    public GridFilterKind Filter { get; internal set; }
    /// <summary>For a choice filter: each value and its label.</summary>
    public IReadOnlyList<(string Value, string Label)> Choices { get; internal set; } = [];
    public bool Numeric => Type is ExportType.Number or ExportType.Integer;
    /// <summary>False for a column that is only shown, never exported (e.g. a link column).</summary>
    public bool Exported { get; internal set; } = true;
    /// <summary>False for a filter that is not a column of the table (e.g. a search over two columns).</summary>
    public bool Shown { get; internal set; } = true;
    /// <summary>A filter's own condition for a value, instead of the column's value compared with it.</summary>
    public Func<string, Expression<Func<T, bool>>>? Predicate { get; internal set; }

    internal GridColumn<T> ReadWith(Func<T, object?> read)
    {
        Read = read;
        return this;
    }

    public ExportColumn<T> ToExport() => new(Header, Read, Type);

    public Expression<Func<T, TValue>> As<TValue>() => (Expression<Func<T, TValue>>)Expression;
}
