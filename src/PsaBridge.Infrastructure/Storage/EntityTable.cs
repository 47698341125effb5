using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace PsaBridge.Infrastructure.Storage;

/// <summary>
/// An entity type's table as the bulk paths see it, built once per EF model from the model itself: its name and
/// columns in one order, the row of provider values a bulk insert writes (<see cref="Values"/>, EF's converters
/// applied), and on SQLite a compiled materializer that reads an entity back as EF would (<see cref="Read"/>).
/// </summary>
public sealed class EntityTable<T> where T : class
{
    // Per model: SQLite and PostgreSQL models convert values differently (a process may hold both).
    private static readonly ConditionalWeakTable<IModel, EntityTable<T>> Cache = new();

    private readonly IEntityType _entityType;
    private readonly IProperty[] _properties;
    private readonly IClrPropertyGetter[] _getters;
    private readonly Func<object?, object?>?[] _toProvider;
    private readonly Lazy<Func<SqliteRow, int, T>> _read;

    private EntityTable(IEntityType entityType)
    {
        _entityType = entityType;
        Name = entityType.GetTableName()!;
        var store = StoreObjectIdentifier.Table(Name, entityType.GetSchema());
        _properties = entityType.GetProperties().ToArray();
        if (_properties.FirstOrDefault(p => p.IsShadowProperty() || p.PropertyInfo is null) is { } shadow)
            throw new NotSupportedException($"{typeof(T).Name}.{shadow.Name} is not a CLR property; the bulk paths read and write only those.");
        Columns = _properties.Select(p => p.GetColumnName(store)!).ToArray();
        _getters = _properties.Select(p => p.GetGetter()).ToArray();
        _toProvider = _properties.Select(p => p.GetTypeMapping().Converter?.ConvertToProvider).ToArray();
        _read = new Lazy<Func<SqliteRow, int, T>>(CompileRead);
    }

    public string Name { get; }

    /// <summary>The columns, in the order of <see cref="Values"/> and of <see cref="Select"/>.</summary>
    public string[] Columns { get; }

    /// <summary>How many columns the entity takes in a row.</summary>
    public int Count => Columns.Length;

    public static EntityTable<T> Get(IModel model) =>
        Cache.GetValue(model, m => new EntityTable<T>(m.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.")));

    /// <summary>The row's values as the database stores them, in <see cref="Columns"/> order.</summary>
    public object?[] Values(T row)
    {
        var values = new object?[_getters.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var value = _getters[i].GetClrValue(row);
            values[i] = value is not null && _toProvider[i] is { } convert ? convert(value) : value;
        }
        return values;
    }

    /// <summary>The select list of the entity's columns, each qualified by <paramref name="alias"/> when given.</summary>
    public string Select(string? alias = null) =>
        string.Join(", ", Columns.Select(c => alias is null ? $"\"{c}\"" : $"{alias}.\"{c}\""));

    /// <summary>Where <paramref name="column"/> is among the entity's columns (to add to its first column's index).</summary>
    public int IndexOf(string column) =>
        Array.IndexOf(Columns, column) is >= 0 and var i ? i : throw new ArgumentException($"{Name} has no column {column}.", nameof(column));

    /// <summary>
    /// The entity whose columns start at <paramref name="first"/> in a row of a <see cref="SqliteQuery"/>, so several
    /// entities can come from one row (a join), each from its own run of columns.
    /// </summary>
    public T Read(SqliteRow row, int first) => _read.Value(row, first);

    /// <summary>Builds the SQLite materializer now: an entity it cannot read fails here.</summary>
    public void EnsureReadable() => _ = _read.Value;

    private Func<SqliteRow, int, T> CompileRead()
    {
        if (_entityType.GetNavigations().Any(n => n.TargetEntityType.IsOwned()))
            throw new NotSupportedException($"{typeof(T).Name} owns other types; the SQLite entity reader reads one table's own columns.");
        var row = Expression.Parameter(typeof(SqliteRow), "row");
        var first = Expression.Parameter(typeof(int), "first");
        var bindings = _properties.Select((p, i) => (MemberBinding)Expression.Bind(p.PropertyInfo!, Value(row, Expression.Add(first, Expression.Constant(i)), p)));
        return Expression.Lambda<Func<SqliteRow, int, T>>(Expression.MemberInit(Expression.New(typeof(T)), bindings), row, first).Compile();
    }

    /// <summary>The property's value from column <paramref name="i"/>: the provider's value, converted back as EF converts it; NULL for a nullable property.</summary>
    private static Expression Value(ParameterExpression row, Expression i, IProperty property)
    {
        var type = property.ClrType;
        var converter = property.GetTypeMapping().Converter;
        var provider = Nullable.GetUnderlyingType(converter?.ProviderClrType ?? type) ?? converter?.ProviderClrType ?? type;
        Expression value = ReadProvider(row, i, provider, property);
        if (converter is not null)
        {
            var fromProvider = converter.ConvertFromProviderExpression;
            value = new ParameterReplacer(fromProvider.Parameters[0], Expression.Convert(value, fromProvider.Parameters[0].Type)).Visit(fromProvider.Body);
        }
        if (value.Type != type) value = Expression.Convert(value, type);
        if (!property.IsNullable) return value;
        return Expression.Condition(Expression.Call(row, nameof(SqliteRow.IsNull), null, i), Expression.Default(type), value);
    }

    private static Expression ReadProvider(ParameterExpression row, Expression column, Type provider, IProperty property)
    {
        Expression Call(string method) => Expression.Call(row, method, null, column);
        if (provider == typeof(Guid)) return Call(nameof(SqliteRow.Guid));
        if (provider == typeof(string)) return Call(property.IsNullable ? nameof(SqliteRow.Text) : nameof(SqliteRow.String));
        if (provider == typeof(decimal)) return Call(nameof(SqliteRow.DecimalValue));
        if (provider == typeof(bool)) return Call(nameof(SqliteRow.Boolean));
        if (provider == typeof(double)) return Call(nameof(SqliteRow.Double));
        if (provider == typeof(float)) return Expression.Convert(Call(nameof(SqliteRow.Double)), typeof(float));
        if (provider == typeof(DateOnly)) return Call(nameof(SqliteRow.Date));
        if (provider == typeof(DateTime)) return Call(nameof(SqliteRow.DateTime));
        if (provider == typeof(long)) return Call(nameof(SqliteRow.Int64));
        // Narrowed checked: a value too large for the property fails, as EF's reader fails, instead of wrapping.
        if (provider.IsEnum) return Expression.Convert(Expression.ConvertChecked(Call(nameof(SqliteRow.Int64)), Enum.GetUnderlyingType(provider)), provider);
        if (provider == typeof(int) || provider == typeof(short) || provider == typeof(byte))
            return Expression.ConvertChecked(Call(nameof(SqliteRow.Int64)), provider);
        throw new NotSupportedException($"{typeof(T).Name}.{property.Name}: the SQLite entity reader does not read {provider.Name} values.");
    }

    private sealed class ParameterReplacer(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
