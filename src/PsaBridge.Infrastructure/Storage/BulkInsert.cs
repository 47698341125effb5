using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace PsaBridge.Infrastructure.Storage;

/// <summary>
/// Rows for one table, buffered and written in one go inside the caller's transaction: on SQLite one prepared INSERT
/// executed once a row, on PostgreSQL binary COPY. The bulk path of the reference data; values are written as EF Core
/// stores them (see <see cref="SqliteValues"/>).
/// </summary>
public sealed class BulkInsert(DbConnection connection, DbTransaction transaction, string table, params string[] columns)
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
        if (connection is NpgsqlConnection) await CopyAsync(ct);
        else Sqlite.SqliteBulkInsert.Execute((SqliteConnection)connection, (SqliteTransaction)transaction,
            $"INSERT INTO \"{table}\" ({ColumnList(columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})",
            columns.Length, _rows, static (row, i) => SqliteValues.ToDb(row[i]), ct);
        _rows.Clear();
    }

    /// <summary>
    /// Inserts new entities of one type inside the context's open transaction, with no change tracking: columns and value
    /// conversions from the EF model, so a row reads back through EF as if EF had written it (<see cref="EntityBulkCopy"/>).
    /// </summary>
    public static Task InsertEntitiesAsync<T>(DbContext db, IReadOnlyCollection<T> rows, CancellationToken ct) where T : class =>
        EntityBulkCopy.InsertAsync(db, rows, ct);

    private static string ColumnList(string[] columns) => string.Join(", ", columns.Select(c => $"\"{c}\""));

    private async Task CopyAsync(CancellationToken ct)
    {
        var npgsql = (NpgsqlConnection)connection;
        await using var import = await npgsql.BeginBinaryImportAsync($"COPY \"{table}\" ({ColumnList(columns)}) FROM STDIN (FORMAT BINARY)", ct);
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
