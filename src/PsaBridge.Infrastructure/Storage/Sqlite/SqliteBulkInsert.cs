using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SQLitePCL;

namespace PsaBridge.Infrastructure.Storage.Sqlite;

/// <summary>
/// Rows inserted on SQLite by one prepared INSERT stepped once a row, bound by position through SQLitePCLRaw, the library
/// Microsoft.Data.Sqlite itself calls: its own command binds every parameter by name and allocates a binder for each, which
/// cost the 1M sync more than the 25% (BENCHMARKS.md), and linq2db's multi-row INSERTs cost more still.
/// Invariants: it writes on the caller's connection inside the caller's open transaction; a value is stored as
/// Microsoft.Data.Sqlite would bind it (<see cref="SqliteValues"/>: dates and decimals as its text, GUIDs as 16 bytes), so a
/// row reads back through EF as if EF had saved it; a failed step throws the <see cref="SqliteException"/> EF would have.
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
        if (transaction.Connection != connection) throw new InvalidOperationException("Bulk inserts write inside a transaction of their own connection.");
        var db = connection.Handle!;
        Check(raw.sqlite3_prepare_v2(db, sql, out var statement), db);
        using (statement)
        {
            foreach (var row in rows)
            {
                ct.ThrowIfCancellationRequested();
                for (var i = 0; i < parameters; i++) Check(Bind(statement, i + 1, value(row, i)), db);
                var done = raw.sqlite3_step(statement);
                // Reset before the check: a statement left mid-step would hold its table for the rest of the transaction.
                raw.sqlite3_reset(statement);
                if (done != raw.SQLITE_DONE) Check(done, db);
            }
        }
    }

    private static void Check(int rc, sqlite3 db) => SqliteException.ThrowExceptionForRC(rc, db);

    /// <summary>One value, as Microsoft.Data.Sqlite binds its type; SQLite copies text and blobs before the call returns.</summary>
    private static int Bind(sqlite3_stmt statement, int index, object? value)
    {
        Span<char> text = stackalloc char[64];
        int written;
        switch (value)
        {
            case null or DBNull: return raw.sqlite3_bind_null(statement, index);
            case string s: return BindText(statement, index, s);
            case byte[] b: return raw.sqlite3_bind_blob(statement, index, b);
            case Guid g:
                Span<byte> bytes = stackalloc byte[16];
                g.TryWriteBytes(bytes, bigEndian: true, out _);
                return raw.sqlite3_bind_blob(statement, index, bytes);
            case long l: return raw.sqlite3_bind_int64(statement, index, l);
            case int n: return raw.sqlite3_bind_int64(statement, index, n);
            case short n: return raw.sqlite3_bind_int64(statement, index, n);
            case byte n: return raw.sqlite3_bind_int64(statement, index, n);
            case bool b: return raw.sqlite3_bind_int64(statement, index, b ? 1 : 0);
            case Enum e: return raw.sqlite3_bind_int64(statement, index, Convert.ToInt64(e, CultureInfo.InvariantCulture));
            case double d: return raw.sqlite3_bind_double(statement, index, d);
            case float f: return raw.sqlite3_bind_double(statement, index, f);
            case DateTime d when d.TryFormat(text, out written, SqliteValues.DateTimeFormat, CultureInfo.InvariantCulture):
                return raw.sqlite3_bind_text16(statement, index, text[..written]);
            case DateOnly d when d.TryFormat(text, out written, SqliteValues.DateFormat, CultureInfo.InvariantCulture):
                return raw.sqlite3_bind_text16(statement, index, text[..written]);
            case decimal m when m.TryFormat(text, out written, SqliteValues.DecimalFormat, CultureInfo.InvariantCulture):
                return raw.sqlite3_bind_text16(statement, index, text[..written]);
            default: throw new NotSupportedException($"A {value.GetType().Name} has no SQLite storage format here; add it to {nameof(SqliteValues)} first.");
        }
    }

    /// <summary>
    /// Text as UTF-8, the database's encoding: bound as UTF-16, SQLite would copy it and convert it again for every row.
    /// </summary>
    private static int BindText(sqlite3_stmt statement, int index, string s)
    {
        var most = Encoding.UTF8.GetMaxByteCount(s.Length);
        byte[]? rented = null;
        var utf8 = most <= 1024 ? stackalloc byte[most] : (rented = ArrayPool<byte>.Shared.Rent(most));
        try
        {
            return raw.sqlite3_bind_text(statement, index, utf8[..Encoding.UTF8.GetBytes(s, utf8)]);
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
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
            Columns = columns.Select(c => new Column(c.Owner?.GetGetter(), c.Property.GetGetter(), Converter(c.Property))).ToArray();
            var names = columns.Select(c => $"\"{c.Property.GetColumnName(store)}\"");
            Sql = $"INSERT INTO \"{store.Name}\" ({string.Join(", ", names)}) VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})";
        }

        public string Sql { get; }
        public Column[] Columns { get; }

        // A GUID is bound as its 16 bytes directly, the bytes SqliteGuidConverter would have made in an array of their own.
        private static ValueConverter? Converter(IProperty property) =>
            property.GetTypeMapping().Converter is var converter and not SqliteGuidConverter ? converter : null;
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
