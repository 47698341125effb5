using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using SQLitePCL;

namespace PsaBridge.Infrastructure.Storage;

/// <summary>
/// Reads the rows of one query through SQLite's C API on an open connection's handle: the read side of the
/// bulk path (the sync's pages of PSA accounts, a million rows in a full run), as <see cref="BulkInsert"/> is
/// its write side. No data reader and no per-call handle reference counting: each value is read straight from
/// the row the last step returned. Values are read as EF Core stores them (<see cref="SqliteValues"/>).
/// </summary>
public static class SqliteQuery
{
    /// <summary>
    /// Runs <paramref name="sql"/> with <paramref name="parameters"/> bound to its <c>?</c> in order and maps each row.
    /// The connection must be open; a query on a connection with a transaction open reads inside it.
    /// </summary>
    public static List<T> Read<T>(DbConnection connection, string sql, object?[] parameters, Func<SqliteRow, T> map, CancellationToken ct) =>
        [.. Stream(connection, sql, parameters, map, ct)];

    /// <summary>
    /// <see cref="Read{T}"/> on an EF context's connection, opened for the read if it is not open already (EF counts opens,
    /// so one a transaction or the caller holds stays open).
    /// </summary>
    public static async Task<List<T>> ReadAsync<T>(DatabaseFacade database, string sql, object?[] parameters, Func<SqliteRow, T> map, CancellationToken ct)
    {
        await database.OpenConnectionAsync(ct);
        try
        {
            return Read(database.GetDbConnection(), sql, parameters, map, ct);
        }
        finally
        {
            await database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// As <see cref="Read{T}"/>, a row at a time as the caller enumerates: the statement stays open (and the connection
    /// busy with it) until the enumeration ends or is disposed.
    /// </summary>
    public static IEnumerable<T> Stream<T>(DbConnection connection, string sql, object?[] parameters, Func<SqliteRow, T> map, CancellationToken ct)
    {
        var db = ((SqliteConnection)connection).Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        Check(db, raw.sqlite3_prepare_v2(db, sql, out var statement));
        using (statement)
        {
            var added = false;
            statement.DangerousAddRef(ref added);
            try
            {
                var handle = statement.DangerousGetHandle();
                // A missing value would bind NULL and quietly match nothing.
                if (raw.sqlite3_bind_parameter_count(statement) != parameters.Length)
                    throw new ArgumentException($"The query has {raw.sqlite3_bind_parameter_count(statement)} parameters; {parameters.Length} values were given.", nameof(parameters));
                // The binder holds the bound text: it lives until the last step.
                var binder = new SqliteRowBinder(handle, parameters.Length);
                Check(db, binder.Bind(parameters));
                var row = new SqliteRow(handle);
                for (var n = 1; ; n++)
                {
                    var rc = SqliteNative.Step(handle);
                    if (rc == raw.SQLITE_DONE) break;
                    if (rc != raw.SQLITE_ROW) Check(db, rc == raw.SQLITE_OK ? raw.SQLITE_ERROR : rc);
                    yield return map(row);
                    if ((n & 1023) == 0) ct.ThrowIfCancellationRequested();
                }
                GC.KeepAlive(binder);
            }
            finally
            {
                if (added) statement.DangerousRelease();
            }
        }
    }

    internal static void Check(sqlite3 db, int rc)
    {
        if (rc is raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW) return;
        throw new SqliteException($"SQLite Error {rc}: '{raw.sqlite3_errmsg(db).utf8_to_string()}'.", rc, raw.sqlite3_extended_errcode(db));
    }
}

/// <summary>
/// The current row of a <see cref="SqliteQuery"/>, column by index (from 0). Valid only inside the map call: the
/// next step replaces it. Reads convert as EF's readers do (a GUID from its 16 stored bytes, <see cref="SqliteValues.GuidBytes"/>,
/// and, unlike EF, also from text, as older databases stored it; a decimal from text or a number), and fail with the column's index on a value that is not what the caller expects.
/// </summary>
public readonly unsafe struct SqliteRow
{
    private readonly IntPtr _statement;

    internal SqliteRow(IntPtr statement) => _statement = statement;

    public bool IsNull(int column) => SqliteNative.ColumnType(_statement, column) == SqliteNative.Null;

    public long Int64(int column) =>
        SqliteNative.ColumnType(_statement, column) == SqliteNative.Null ? throw NullAt(column) : SqliteNative.ColumnInt64(_statement, column);

    /// <summary>The text of a NOT NULL column.</summary>
    public string String(int column) => Text(column) ?? throw NullAt(column);

    public string? Text(int column)
    {
        var text = SqliteNative.ColumnText(_statement, column);
        if (text is null) return null;
        var length = SqliteNative.ColumnBytes(_statement, column);
        return length == 0 ? "" : Encoding.UTF8.GetString(text, length);
    }

    public Guid Guid(int column)
    {
        switch (SqliteNative.ColumnType(_statement, column))
        {
            case SqliteNative.Null: throw NullAt(column);
            case SqliteNative.Blob:
                var blob = SqliteNative.ColumnBlob(_statement, column);
                var bytes = SqliteNative.ColumnBytes(_statement, column);
                if (bytes == 16) return SqliteValues.Guid(new ReadOnlySpan<byte>(blob, 16));
                throw new InvalidCastException($"Column {column}: a {bytes}-byte blob is not a GUID.");
            default:
                var text = Utf8(column);
                return System.Guid.TryParse(text, out var id)
                    ? id
                    : throw new FormatException($"Column {column}: '{Encoding.UTF8.GetString(text)}' is not a GUID.");
        }
    }

    public decimal? Decimal(int column)
    {
        switch (SqliteNative.ColumnType(_statement, column))
        {
            case SqliteNative.Null: return null;
            case SqliteNative.Integer: return SqliteNative.ColumnInt64(_statement, column);
            case SqliteNative.Float: return (decimal)SqliteNative.ColumnDouble(_statement, column);
            default:
                var text = Utf8(column);
                return decimal.TryParse(text, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var value)
                    ? value
                    : throw new FormatException($"Column {column}: '{Encoding.UTF8.GetString(text)}' is not a decimal.");
        }
    }

    /// <summary>The decimal of a NOT NULL column.</summary>
    public decimal DecimalValue(int column) => Decimal(column) ?? throw NullAt(column);

    public double Double(int column) =>
        SqliteNative.ColumnType(_statement, column) == SqliteNative.Null ? throw NullAt(column) : SqliteNative.ColumnDouble(_statement, column);

    public bool Boolean(int column) => Int64(column) != 0;

    /// <summary>A date as EF stores it (<c>yyyy-MM-dd</c>), or any text <see cref="DateOnly.Parse(string, IFormatProvider)"/> reads.</summary>
    public DateOnly Date(int column)
    {
        var text = String(column);
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : DateOnly.Parse(text, CultureInfo.InvariantCulture);
    }

    /// <summary>A date and time from text, read as Microsoft.Data.Sqlite reads it (<see cref="System.DateTime.Parse(string, IFormatProvider)"/>).</summary>
    public DateTime DateTime(int column)
    {
        var type = SqliteNative.ColumnType(_statement, column);
        if (type is SqliteNative.Integer or SqliteNative.Float)
            throw new InvalidCastException($"Column {column}: a number, not the text EF stores a date and time as.");
        return System.DateTime.Parse(String(column), CultureInfo.InvariantCulture);
    }

    private ReadOnlySpan<byte> Utf8(int column)
    {
        var text = SqliteNative.ColumnText(_statement, column);
        return new ReadOnlySpan<byte>(text, SqliteNative.ColumnBytes(_statement, column));
    }

    private static InvalidCastException NullAt(int column) => new($"Column {column} is NULL.");
}
