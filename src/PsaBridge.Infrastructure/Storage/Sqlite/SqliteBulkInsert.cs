using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PsaBridge.Infrastructure.Storage.Sqlite;

/// <summary>
/// Rows inserted on SQLite by one prepared INSERT executed once a row, where linq2db's multi-row INSERTs build, and SQLite
/// parses, the text of every batch (BENCHMARKS.md). Invariants: it writes inside the caller's transaction on its connection;
/// for entities every column of the EF model is written, its value converted by the model's converter and bound by
/// Microsoft.Data.Sqlite as EF binds it, so a row reads back and compares as if EF had saved it.
/// </summary>
internal static class SqliteBulkInsert
{
    private static readonly ConditionalWeakTable<IEntityType, Table> Tables = new();

    public static void Insert<T>(DbContext db, IReadOnlyCollection<T> rows, CancellationToken ct) where T : class
    {
        var table = Tables.GetValue(db.Model.FindEntityType(typeof(T))!, entity => new Table(entity));
        Execute((SqliteConnection)db.Database.GetDbConnection(), (SqliteTransaction)db.Database.CurrentTransaction!.GetDbTransaction(), table.Sql,
            table.Columns.Length, rows, (row, i) => table.Columns[i].Value(row), ct);
    }

    /// <summary>
    /// Executes <paramref name="sql"/>, whose parameters are <c>@p0</c> … <c>@p{n-1}</c>, once for each row, with the value
    /// <paramref name="value"/> gives each parameter (null for SQL NULL), inside <paramref name="transaction"/>.
    /// </summary>
    public static void Execute<TRow>(SqliteConnection connection, SqliteTransaction transaction, string sql, int parameters, IEnumerable<TRow> rows,
        Func<TRow, int, object?> value, CancellationToken ct)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        var bound = new SqliteParameter[parameters];
        for (var i = 0; i < parameters; i++) bound[i] = command.Parameters.Add(new SqliteParameter("@p" + i, null));
        command.Prepare();
        foreach (var row in rows)
        {
            ct.ThrowIfCancellationRequested();
            for (var i = 0; i < parameters; i++) bound[i].Value = value(row, i) ?? DBNull.Value;
            command.ExecuteNonQuery();
        }
    }

    /// <summary>An entity type's INSERT and its columns: its own properties, then those of owned references kept in its table.</summary>
    private sealed class Table
    {
        public Table(IEntityType entity)
        {
            var store = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var own = entity.GetProperties().Select(p => (Owner: (INavigation?)null, Property: p));
            var owned = entity.GetNavigations().Where(n => n.TargetEntityType.IsOwned() && n.TargetEntityType.GetTableName() == entity.GetTableName())
                .SelectMany(n => n.TargetEntityType.GetProperties().Where(p => !p.IsPrimaryKey()).Select(p => (Owner: (INavigation?)n, Property: p)));
            var columns = own.Concat(owned).ToList();
            Columns = columns.Select(c => new Column(c.Owner?.GetGetter(), c.Property.GetGetter(), c.Property.GetTypeMapping().Converter)).ToArray();
            var names = columns.Select(c => $"\"{c.Property.GetColumnName(store)}\"");
            Sql = $"INSERT INTO \"{store.Name}\" ({string.Join(", ", names)}) VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})";
        }

        public string Sql { get; }
        public Column[] Columns { get; }
    }

    private sealed class Column(IClrPropertyGetter? owner, IClrPropertyGetter property, ValueConverter? converter)
    {
        /// <summary>The provider's value of the column for <paramref name="row"/>; null when it or its owned reference has none.</summary>
        public object? Value(object row)
        {
            var holder = owner is null ? row : owner.GetClrValue(row);
            if (holder is null) return null;
            var value = property.GetClrValue(holder);
            return value is null || converter is null ? value : converter.ConvertToProvider(value);
        }
    }
}
