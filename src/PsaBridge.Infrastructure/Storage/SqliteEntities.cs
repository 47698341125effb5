using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace PsaBridge.Infrastructure.Storage;

/// <summary>
/// Reads whole entities of one table through <see cref="SqliteQuery"/>, for the bulk paths' reads on SQLite
/// (an approval batch's 20,000 journal lines): EF's data reader took 30 µs a row for them. Columns and value
/// conversions come from the EF model, as <c>PostingWriter</c>'s do for writing, and each entity type gets one
/// compiled materializer, so an entity reads back as EF would have read it. Untracked, as <c>AsNoTracking</c>.
/// </summary>
public static class SqliteEntities
{
    /// <summary>
    /// The entities of <typeparamref name="T"/>'s table matching <paramref name="condition"/> (SQL over our own column
    /// names, with <c>?</c> for <paramref name="parameters"/>, bound in order).
    /// </summary>
    public static async Task<List<T>> ReadAsync<T>(DbContext db, string condition, object?[] parameters, CancellationToken ct) where T : class
    {
        var map = Of<T>(db.Model);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            return SqliteQuery.Read(db.Database.GetDbConnection(), $"SELECT {map.Select()} FROM \"{map.Table}\" WHERE {condition}", parameters,
                row => map.Read(row, 0), ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync(); // EF counts opens: closes only if this opened it
        }
    }

    /// <summary>The table, columns and materializer of <typeparamref name="T"/> in <paramref name="model"/>, for a query of the caller's own (a join).</summary>
    public static EntityMap<T> Of<T>(IModel model) where T : class => EntityMap<T>.Get(model);

    /// <summary>
    /// One entity type's columns and its compiled materializer. <see cref="Read"/> takes the index of the entity's first
    /// column, so several entities can come from one row (a join), each from its own run of columns.
    /// </summary>
    public sealed class EntityMap<T> where T : class
    {
        // Per model: a process may hold SQLite and PostgreSQL models of the same type.
        private static readonly ConditionalWeakTable<IModel, EntityMap<T>> Cache = new();
        private readonly string[] _columns;
        private readonly Func<SqliteRow, int, T> _read;

        private EntityMap(IEntityType entityType)
        {
            Table = entityType.GetTableName()!;
            var store = StoreObjectIdentifier.Table(Table, entityType.GetSchema());
            var properties = entityType.GetProperties().ToArray();
            if (properties.FirstOrDefault(p => p.IsShadowProperty() || p.PropertyInfo is null) is { } shadow)
                throw new NotSupportedException($"{typeof(T).Name}.{shadow.Name} is not a CLR property; the SQLite entity reader reads only those.");
            if (entityType.GetNavigations().Any(n => n.TargetEntityType.IsOwned()))
                throw new NotSupportedException($"{typeof(T).Name} owns other types; the SQLite entity reader reads one table's own columns.");
            _columns = properties.Select(p => p.GetColumnName(store)!).ToArray();

            var row = Expression.Parameter(typeof(SqliteRow), "row");
            var first = Expression.Parameter(typeof(int), "first");
            var bindings = properties.Select((p, i) => (MemberBinding)Expression.Bind(p.PropertyInfo!, Value(row, Expression.Add(first, Expression.Constant(i)), p)));
            _read = Expression.Lambda<Func<SqliteRow, int, T>>(Expression.MemberInit(Expression.New(typeof(T)), bindings), row, first).Compile();
        }

        public string Table { get; }

        /// <summary>How many columns the entity takes in a row.</summary>
        public int Count => _columns.Length;

        /// <summary>The select list of the entity's columns, each qualified by <paramref name="alias"/> when given.</summary>
        public string Select(string? alias = null) =>
            string.Join(", ", _columns.Select(c => alias is null ? $"\"{c}\"" : $"{alias}.\"{c}\""));

        /// <summary>Where <paramref name="column"/> is among the entity's columns (to add to its first column's index).</summary>
        public int IndexOf(string column) =>
            Array.IndexOf(_columns, column) is >= 0 and var i ? i : throw new ArgumentException($"{Table} has no column {column}.", nameof(column));

        /// <summary>The entity whose columns start at <paramref name="first"/> in the row.</summary>
        public T Read(SqliteRow row, int first) => _read(row, first);

        internal static EntityMap<T> Get(IModel model) =>
            Cache.GetValue(model, m => new EntityMap<T>(m.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.")));

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
    }

    private sealed class ParameterReplacer(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
