using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;

namespace PsaBridge.Infrastructure.Storage;

/// <summary>
/// An entity type's table as the bulk paths see it, built once per EF model from the model itself: its name and
/// columns in one order, compiled writers of an entity's values as EF stores them (EF's converters applied: on SQLite
/// <see cref="Encoder"/>, on PostgreSQL <see cref="CopyWriters"/>), and on SQLite a compiled materializer that reads an
/// entity back as EF would (<see cref="Read"/>).
/// </summary>
public sealed class EntityTable<T> where T : class
{
    // Per model: SQLite and PostgreSQL models convert values differently (a process may hold both).
    private static readonly ConditionalWeakTable<IModel, EntityTable<T>> Cache = new();

    private readonly IEntityType _entityType;
    private readonly IProperty[] _properties;
    /// <summary>For each column, the owned reference its property is on (null for the entity's own): see <see cref="OwnedColumns"/>.</summary>
    private readonly INavigation?[] _owners;
    private readonly Lazy<Func<SqliteRow, int, T>> _read;
    private readonly Lazy<Action<T, SqliteRowBinder>> _encode;
    private readonly Lazy<Func<T, NpgsqlBinaryImporter, CancellationToken, Task>[]> _copy;

    private EntityTable(IEntityType entityType)
    {
        _entityType = entityType;
        Name = entityType.GetTableName()!;
        var store = StoreObjectIdentifier.Table(Name, entityType.GetSchema());
        if (entityType.GetComplexProperties().FirstOrDefault() is { } complex)
            throw new NotSupportedException($"{typeof(T).Name}.{complex.Name} is a complex property; the bulk paths write only plain and owned ones.");
        var columns = entityType.GetProperties().Select(p => (Property: p, Owner: (INavigation?)null)).Concat(OwnedColumns(entityType, Name)).ToArray();
        if (columns.Where(c => c.Property.IsShadowProperty() || c.Property.PropertyInfo is null || c.Owner is { PropertyInfo: null }).Select(c => c.Property).FirstOrDefault() is { } shadow)
            throw new NotSupportedException($"{typeof(T).Name}.{shadow.Name} is not a CLR property; the bulk paths read and write only those.");
        // A converter to a nullable provider type could give NULL for a value: the compiled writers (Column) take the provider's
        // value as present once the property's is, so such a converter is refused rather than failing at a row.
        if (columns.Select(c => c.Property).FirstOrDefault(p => p.GetTypeMapping().Converter is { } c
                && Nullable.GetUnderlyingType(c.ProviderClrType) is not null) is { } nullable)
            throw new NotSupportedException($"{typeof(T).Name}.{nullable.Name} converts to a nullable provider type; the bulk paths write only converters to non-nullable ones.");
        _properties = columns.Select(c => c.Property).ToArray();
        _owners = columns.Select(c => c.Owner).ToArray();
        Columns = _properties.Select(p => p.GetColumnName(store)!).ToArray();
        _read = new Lazy<Func<SqliteRow, int, T>>(CompileRead);
        _encode = new Lazy<Action<T, SqliteRowBinder>>(CompileEncode);
        _copy = new Lazy<Func<T, NpgsqlBinaryImporter, CancellationToken, Task>[]>(CompileCopy);
    }

    /// <summary>
    /// The columns of the owned references kept in the entity's own table (EF's table splitting, as a customer's postal
    /// address): every property of the owned type but its key, which is the owner's key again. Any other owned shape
    /// (a collection, another table, an owned type owning more) is refused: its rows would be left out without a word.
    /// </summary>
    private static IEnumerable<(IProperty Property, INavigation? Owner)> OwnedColumns(IEntityType entityType, string table)
    {
        var owned = entityType.GetNavigations().Where(n => n.TargetEntityType.IsOwned()).ToList();
        if (owned.FirstOrDefault(n => n.IsCollection || n.TargetEntityType.IsMappedToJson() || n.TargetEntityType.GetTableName() != table
                                      || n.TargetEntityType.GetSchema() != entityType.GetSchema()
                                      || n.TargetEntityType.GetNavigations().Any(m => m.TargetEntityType.IsOwned())
                                      || n.TargetEntityType.GetComplexProperties().Any()) is { } other)
            throw new NotSupportedException($"{typeof(T).Name}.{other.Name}: the bulk paths write owned references kept in the entity's own table, and no other owned types.");
        return from n in owned
               from p in n.TargetEntityType.GetProperties()
               where !p.IsPrimaryKey()
               select (p, (INavigation?)n);
    }

    public string Name { get; }

    /// <summary>The columns, in the order the compiled writers write them and <see cref="Select"/> lists them.</summary>
    public string[] Columns { get; }

    /// <summary>How many columns the entity takes in a row.</summary>
    public int Count => Columns.Length;

    public static EntityTable<T> Get(IModel model) =>
        Cache.GetValue(model, m => new EntityTable<T>(m.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.")));

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

    /// <summary>
    /// On SQLite, the row's values set on <paramref name="binder"/> in <see cref="Columns"/> order through a compiled
    /// encoder: each property read and converted as EF converts it, then formatted by the binder's typed setter, with no
    /// row array and no boxing (a bulk insert of approval writes 700,000 rows).
    /// </summary>
    internal Action<T, SqliteRowBinder> Encoder => _encode.Value;

    /// <summary>
    /// On PostgreSQL, one compiled writer a column, in <see cref="Columns"/> order, for a binary COPY's current row: the
    /// property converted as EF converts it and written by the importer's typed <c>WriteAsync&lt;T&gt;</c>, with no row
    /// array and no boxing. Each is awaited: the importer sends its buffer whenever it fills, often within a row.
    /// </summary>
    internal Func<T, NpgsqlBinaryImporter, CancellationToken, Task>[] CopyWriters => _copy.Value;

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

    private Action<T, SqliteRowBinder> CompileEncode()
    {
        var row = Expression.Parameter(typeof(T), "row");
        var binder = Expression.Parameter(typeof(SqliteRowBinder), "binder");
        // A GUID is written as the converter's bytes straight into the binder's buffer, not through an array a value.
        var sets = _properties.Select((_, i) => Column(row, i, v => Set(binder, i, v), Expression.Call(binder, nameof(SqliteRowBinder.Null), null, Expression.Constant(i)),
            writesUnconverted: c => c is SqliteGuidConverter));
        return Expression.Lambda<Action<T, SqliteRowBinder>>(Expression.Block(sets), row, binder).Compile();
    }

    private Func<T, NpgsqlBinaryImporter, CancellationToken, Task>[] CompileCopy() => _properties.Select((_, i) =>
    {
        var row = Expression.Parameter(typeof(T), "row");
        var importer = Expression.Parameter(typeof(NpgsqlBinaryImporter), "importer");
        var ct = Expression.Parameter(typeof(CancellationToken), "ct");
        var write = Column(row, i, v => Copy(importer, ct, v), Expression.Call(importer, nameof(NpgsqlBinaryImporter.WriteNullAsync), null, ct));
        return Expression.Lambda<Func<T, NpgsqlBinaryImporter, CancellationToken, Task>>(write, row, importer, ct).Compile();
    }).ToArray();

    /// <summary>
    /// Column <paramref name="i"/> of <paramref name="row"/> written, the same way for every engine's compiled writer: the
    /// property's value (on its owned reference when it is on one), converted to the provider's value as EF converts it
    /// (unless the engine's writer writes the value itself: <paramref name="writesUnconverted"/>), written by
    /// <paramref name="write"/>; <paramref name="writeNull"/> when the value is null or the owned reference is missing, and
    /// a required owned reference missing refused as EF would refuse to save it (see <see cref="Missing"/>).
    /// </summary>
    private Expression Column(ParameterExpression row, int i, Func<Expression, Expression> write, Expression writeNull,
        Func<ValueConverter, bool>? writesUnconverted = null)
    {
        var property = _properties[i];
        var type = writeNull.Type;
        if (_owners[i] is not { } owner) return Value(Expression.Property(row, property.PropertyInfo!));
        var owned = Expression.Property(row, owner.PropertyInfo!);
        return Expression.Condition(IsNull(owned),
            owner.ForeignKey.IsRequiredDependent
                ? Expression.Block(Expression.Call(((Action<INavigation>)Missing).Method, Expression.Constant(owner)), Expression.Default(type))
                : writeNull,
            Value(Expression.Property(owned, property.PropertyInfo!)), type);

        Expression Value(Expression value)
        {
            // A nullable value type: the converter and the writer see the value; NULL when it has none.
            if (Nullable.GetUnderlyingType(value.Type) is not null)
                return Expression.Condition(Expression.Property(value, "HasValue"), Value(Expression.Property(value, "Value")), writeNull, type);
            // Without a converter a reference (a string) goes to the writer as it is, null included.
            if (property.GetTypeMapping().Converter is not { } converter || writesUnconverted?.Invoke(converter) == true) return write(value);
            var converted = write(ToProvider(value, converter));
            return value.Type.IsValueType ? converted : Expression.Condition(IsNull(value), writeNull, converted, type);
        }

        static Expression IsNull(Expression value) => Expression.Equal(value, Expression.Constant(null, value.Type));
    }

    /// <summary>The refusal of an entity without a required owned reference, which EF would refuse to save.</summary>
    private static void Missing(INavigation owner) =>
        throw new InvalidOperationException($"{typeof(T).Name}.{owner.Name} is required and missing; the row was not written.");

    /// <summary>Column <paramref name="i"/> set on SQLite from a provider value, by the binder's setter for its type.</summary>
    private static Expression Set(ParameterExpression binder, int i, Expression v)
    {
        var type = v.Type;
        Expression Call(string method, Expression argument) => Expression.Call(binder, method, null, Expression.Constant(i), argument);
        if (type == typeof(string)) return Call(nameof(SqliteRowBinder.Text), v);
        if (type == typeof(Guid)) return Call(nameof(SqliteRowBinder.Guid), v);
        if (type == typeof(decimal)) return Call(nameof(SqliteRowBinder.Decimal), v);
        if (type == typeof(DateTime)) return Call(nameof(SqliteRowBinder.DateTime), v);
        if (type == typeof(DateOnly)) return Call(nameof(SqliteRowBinder.Date), v);
        if (type == typeof(bool)) return Call(nameof(SqliteRowBinder.Integer), Expression.Condition(v, Expression.Constant(1L), Expression.Constant(0L)));
        if (type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte))
            return Call(nameof(SqliteRowBinder.Integer), Expression.Convert(v, typeof(long)));
        if (type == typeof(double) || type == typeof(float)) return Call(nameof(SqliteRowBinder.Real), Expression.Convert(v, typeof(double)));
        // Anything else (an enum without EF's number converter, which EF always adds): formatted as BulkInsert formats it.
        return Call(nameof(SqliteRowBinder.Value), Expression.Convert(v, typeof(object)));
    }

    /// <summary>
    /// A column written to a binary COPY from a provider value, by the importer's typed write. The types are those the untyped
    /// COPY (<see cref="BulkInsert"/>'s rows) infers from each boxed value: an enum without a converter as its number
    /// (checked, as <see cref="Convert.ToInt32(object)"/> is), a date and time as <c>timestamptz</c>.
    /// </summary>
    private static Expression Copy(ParameterExpression importer, ParameterExpression ct, Expression v)
    {
        if (v.Type == typeof(DateTime)) return Expression.Call(((Func<NpgsqlBinaryImporter, DateTime, CancellationToken, Task>)CopyValues.Timestamp).Method, importer, v, ct);
        if (v.Type.IsEnum) v = Expression.ConvertChecked(v, typeof(int));
        var write = v.Type.IsValueType ? nameof(CopyValues.Value) : nameof(CopyValues.Reference);
        return Expression.Call(typeof(CopyValues), write, [v.Type], importer, v, ct);
    }

    /// <summary>The value converted to the provider's value by the converter's own expression, inlined.</summary>
    private static Expression ToProvider(Expression value, ValueConverter converter)
    {
        var toProvider = converter.ConvertToProviderExpression;
        return new ParameterReplacer(toProvider.Parameters[0], Expression.Convert(value, toProvider.Parameters[0].Type)).Visit(toProvider.Body);
    }

    /// <summary>The property's value from column <paramref name="i"/>: the provider's value, converted back as EF converts it; NULL for a nullable property.</summary>
    private static Expression Value(ParameterExpression row, Expression i, IProperty property)
    {
        var type = property.ClrType;
        var converter = property.GetTypeMapping().Converter;
        if (converter is SqliteGuidConverter) converter = null; // read from the blob by the row, as the binder wrote it
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
