using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using SQLitePCL;

namespace PsaBridge.Infrastructure.Storage;

/// <summary>
/// Rows for one table, buffered and written in one go: on SQLite one prepared INSERT stepped through
/// SQLite's C API, on PostgreSQL binary COPY. The bulk path of the sync, the posting and the reference
/// data; values are written as EF Core stores them (see <see cref="SqliteValues"/>).
/// </summary>
public sealed class BulkInsert(DbConnection connection, DbTransaction transaction, DatabaseEngine engine, string table, params string[] columns)
{
    private readonly List<object?[]> _rows = [];

    public int Count => _rows.Count;

    public void Add(params object?[] values)
    {
        if (values.Length != columns.Length) throw new ArgumentException($"{table}: {values.Length} values for {columns.Length} columns.");
        _rows.Add(values);
    }

    public async Task FlushAsync(CancellationToken ct)
    {
        if (_rows.Count == 0) return;
        if (engine == DatabaseEngine.PostgreSql) await CopyAsync(ct);
        else await InsertAsync(ct);
        _rows.Clear();
    }

    /// <summary>
    /// One prepared single-row INSERT, stepped once a row through SQLite's C API (SQLitePCLRaw) on the
    /// connection's own handle, inside its transaction: no ADO.NET parameter objects, no SQL text per
    /// row, strings encoded to UTF-8 into one reused buffer. Values keep EF Core's storage formats
    /// (GUIDs upper-case text, decimals and dates as text, booleans as 0/1).
    /// </summary>
    private Task InsertAsync(CancellationToken ct)
    {
        // The rows go in through the connection's handle, so they belong to whatever transaction it has open: it must be ours.
        if (transaction.Connection != connection) throw new InvalidOperationException($"{table}: the transaction is not the connection's.");
        var db = ((SqliteConnection)connection).Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        var sql = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select(_ => "?"))})";
        Check(db, raw.sqlite3_prepare_v2(db, sql, out var statement));
        using (statement)
        {
            var scratch = new byte[256];
            foreach (var row in _rows)
            {
                ct.ThrowIfCancellationRequested();
                for (var i = 0; i < row.Length; i++) Check(db, Bind(statement, i + 1, row[i], ref scratch));
                var rc = raw.sqlite3_step(statement);
                if (rc != raw.SQLITE_DONE)
                {
                    raw.sqlite3_reset(statement);
                    Check(db, rc);
                }
                raw.sqlite3_reset(statement);
            }
        }
        return Task.CompletedTask;
    }

    private static int Bind(sqlite3_stmt statement, int index, object? value, ref byte[] scratch) => value switch
    {
        null => raw.sqlite3_bind_null(statement, index),
        string s => BindText(statement, index, s, ref scratch),
        Guid g => BindGuid(statement, index, g, scratch),
        bool b => raw.sqlite3_bind_int64(statement, index, b ? 1 : 0),
        int i => raw.sqlite3_bind_int64(statement, index, i),
        long l => raw.sqlite3_bind_int64(statement, index, l),
        Enum e => raw.sqlite3_bind_int64(statement, index, Convert.ToInt64(e, CultureInfo.InvariantCulture)),
        decimal d => BindFormatted(statement, index, d, SqliteValues.DecimalFormat, scratch),
        DateTime t => BindFormatted(statement, index, t, SqliteValues.DateTimeFormat, scratch),
        DateOnly d => BindFormatted(statement, index, d, SqliteValues.DateFormat, scratch),
        double f => raw.sqlite3_bind_double(statement, index, f),
        _ => BindText(statement, index, Convert.ToString(value, CultureInfo.InvariantCulture) ?? "", ref scratch),
    };

    /// <summary>EF's SQLite GUID (upper-case "D"), formatted straight into UTF-8 without a string.</summary>
    private static int BindGuid(sqlite3_stmt statement, int index, Guid value, byte[] scratch)
    {
        value.TryFormat(scratch, out var length, "D");
        for (var i = 0; i < length; i++)
            if (scratch[i] is >= (byte)'a' and <= (byte)'f') scratch[i] -= 32;
        return raw.sqlite3_bind_text(statement, index, scratch.AsSpan(0, length));
    }

    private static int BindFormatted<T>(sqlite3_stmt statement, int index, T value, string? format, byte[] scratch) where T : IUtf8SpanFormattable
    {
        if (!value.TryFormat(scratch, out var length, format, CultureInfo.InvariantCulture))
            throw new InvalidOperationException($"{value} does not fit the bulk insert's buffer.");
        return raw.sqlite3_bind_text(statement, index, scratch.AsSpan(0, length));
    }

    private static int BindText(sqlite3_stmt statement, int index, string value, ref byte[] scratch)
    {
        var max = System.Text.Encoding.UTF8.GetMaxByteCount(value.Length);
        if (scratch.Length < max) scratch = new byte[Math.Max(max, scratch.Length * 2)];
        var length = System.Text.Encoding.UTF8.GetBytes(value, scratch);
        // SQLitePCLRaw binds spans with SQLITE_TRANSIENT: SQLite copies the bytes, so the buffer is free again at once.
        return raw.sqlite3_bind_text(statement, index, scratch.AsSpan(0, length));
    }

    private static void Check(sqlite3 db, int rc)
    {
        if (rc is raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW) return;
        throw new SqliteException($"SQLite Error {rc}: '{raw.sqlite3_errmsg(db).utf8_to_string()}'.", rc, raw.sqlite3_extended_errcode(db));
    }

    private async Task CopyAsync(CancellationToken ct)
    {
        var npgsql = (NpgsqlConnection)connection;
        var sql = $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)";
        await using var import = await npgsql.BeginBinaryImportAsync(sql, ct);
        foreach (var row in _rows)
        {
            await import.StartRowAsync(ct);
            foreach (var value in row)
            {
                switch (value)
                {
                    case null: await import.WriteNullAsync(ct); break;
                    case Enum e: await import.WriteAsync(Convert.ToInt32(e), ct); break;
                    case DateTime d: await import.WriteAsync(DateTime.SpecifyKind(d, DateTimeKind.Utc), NpgsqlTypes.NpgsqlDbType.TimestampTz, ct); break;
                    default: await import.WriteAsync(value, ct); break;
                }
            }
        }
        await import.CompleteAsync(ct);
    }
}
