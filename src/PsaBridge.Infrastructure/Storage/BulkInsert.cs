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
    /// <summary>
    /// Parameters per SQLite statement. Microsoft.Data.Sqlite binds by name and SQLite finds a name by
    /// a linear search, so binding costs grow with the square of the parameters: a few rows per
    /// statement beat both one row (more executions) and many (slow binding).
    /// </summary>
    public const int ParametersPerStatement = 64;

    private readonly List<object?[]> _rows = [];
    private int RowsPerStatement => Math.Max(1, ParametersPerStatement / columns.Length);

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

    private async Task InsertAsync(CancellationToken ct)
    {
        var full = _rows.Count / RowsPerStatement;
        if (full > 0)
        {
            await using var statement = Statement(RowsPerStatement);
            for (var b = 0; b < full; b++) await statement.ExecuteAsync(ct, Values(b * RowsPerStatement, RowsPerStatement));
        }
        var rest = _rows.Count - full * RowsPerStatement;
        if (rest > 0)
        {
            await using var statement = Statement(rest);
            await statement.ExecuteAsync(ct, Values(full * RowsPerStatement, rest));
        }
    }

    private PreparedStatement Statement(int rows)
    {
        var names = string.Join(", ", columns.Select(c => $"\"{c}\""));
        var tuples = string.Join(", ", Enumerable.Range(0, rows).Select(r =>
            "(" + string.Join(", ", Enumerable.Range(0, columns.Length).Select(c => "@p" + (r * columns.Length + c))) + ")"));
        return new PreparedStatement(connection, transaction, engine, $"INSERT INTO \"{table}\" ({names}) VALUES {tuples}", rows * columns.Length);
    }

    private object?[] Values(int first, int count)
    {
        var values = new object?[count * columns.Length];
        for (var r = 0; r < count; r++) Array.Copy(_rows[first + r], 0, values, r * columns.Length, columns.Length);
        return values;
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
