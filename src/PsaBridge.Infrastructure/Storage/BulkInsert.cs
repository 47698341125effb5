using System.Data.Common;
using Npgsql;

namespace PsaBridge.Infrastructure.Storage;

/// <summary>
/// Rows for one table, buffered and written in one go: multi-row prepared INSERTs on SQLite (fewer,
/// larger statements cost less than one statement a row) and binary COPY on PostgreSQL. The bulk
/// path of the sync and the posting; values are written as EF Core stores them (see <see cref="PreparedStatement"/>).
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
    /// All buffered rows in ONE statement with ONE parameter: a JSON array of rows that SQLite unpacks
    /// with <c>json_each</c>. No per-row binding at all, which is where Microsoft.Data.Sqlite spends
    /// its time on wide rows. Values keep EF Core's storage formats (GUIDs upper-case, decimals and
    /// dates as text, booleans as 0/1).
    /// </summary>
    private async Task InsertAsync(CancellationToken ct)
    {
        using var buffer = new MemoryStream(_rows.Count * columns.Length * 16);
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var row in _rows)
            {
                writer.WriteStartArray();
                foreach (var value in row) WriteValue(writer, value);
                writer.WriteEndArray();
            }
            writer.WriteEndArray();
        }
        var names = string.Join(", ", columns.Select(c => $"\"{c}\""));
        var values = string.Join(", ", Enumerable.Range(0, columns.Length).Select(i => $"value ->> {i}"));
        await using var statement = new PreparedStatement(connection, transaction, engine,
            $"INSERT INTO \"{table}\" ({names}) SELECT {values} FROM json_each(@p0)", 1);
        await statement.ExecuteAsync(ct, System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    private static void WriteValue(System.Text.Json.Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case string s: writer.WriteStringValue(s); break;
            case Guid g: writer.WriteStringValue(SqliteValues.Guid(g)); break;
            case bool b: writer.WriteNumberValue(b ? 1 : 0); break;
            case int i: writer.WriteNumberValue(i); break;
            case long l: writer.WriteNumberValue(l); break;
            case Enum e: writer.WriteNumberValue(Convert.ToInt64(e)); break;
            case decimal d: writer.WriteStringValue(d.ToString(System.Globalization.CultureInfo.InvariantCulture)); break;
            case DateTime t: writer.WriteStringValue(SqliteValues.DateTime(t)); break;
            case DateOnly d: writer.WriteStringValue(SqliteValues.Date(d)); break;
            case double f: writer.WriteNumberValue(f); break;
            default: writer.WriteStringValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)); break;
        }
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
