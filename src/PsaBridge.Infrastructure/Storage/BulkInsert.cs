using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
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
    /// One prepared single-row INSERT, stepped once a row through SQLite's C API on the connection's own
    /// handle, inside its transaction: no ADO.NET parameter objects, no SQL text per row. A row's values are
    /// formatted as UTF-8 into one pinned buffer and bound in place (SQLITE_STATIC: SQLite reads them during
    /// the step and copies nothing), through direct calls into the same e_sqlite3 library SQLitePCLRaw
    /// loaded (<see cref="SqliteRowBinder"/>), without its per-call handle reference counting. Values keep the
    /// storage formats EF reads (GUIDs as 16 bytes, decimals and dates as text, booleans as 0/1).
    /// </summary>
    private Task InsertAsync(CancellationToken ct)
    {
        Steps(connection, transaction, table, columns, (binder, done) =>
        {
            foreach (var values in _rows)
            {
                ct.ThrowIfCancellationRequested();
                done(binder.Step(values));
            }
        });
        return Task.CompletedTask;
    }

    /// <summary>
    /// Inserts new entities of one type inside the context's open transaction, with no change tracking: columns and value
    /// conversions from the EF model (<see cref="EntityTable{T}"/>), so a row reads back through EF as if EF had written it.
    /// On SQLite through the table's compiled encoder (<see cref="InsertEntities{T}"/>), on PostgreSQL by one binary COPY
    /// through its compiled writers (<see cref="EntityTable{T}.CopyWriters"/>). A row that cannot be written (a required
    /// owned reference missing) fails the insert; on PostgreSQL it also cancels the COPY, which aborts the transaction: the
    /// caller rolls back.
    /// </summary>
    public static Task InsertEntitiesAsync<T>(DbContext db, IReadOnlyCollection<T> rows, CancellationToken ct) where T : class =>
        EntityBulkCopy.InsertAsync(db, rows, ct);

    private static string CopySql(string table, string[] columns) => $"COPY \"{table}\" ({ColumnList(columns)}) FROM STDIN (FORMAT BINARY)";

    private static string ColumnList(string[] columns) => string.Join(", ", columns.Select(c => $"\"{c}\""));

    /// <summary>
    /// On SQLite, entities inserted as they are, without buffering: each row's values set by the table's compiled encoder
    /// (<see cref="EntityTable{T}.Encoder"/>) and stepped through the same prepared INSERT, with no row array and no boxing.
    /// </summary>
    public static void InsertEntities<T>(SqliteConnection connection, DbTransaction transaction, EntityTable<T> table, IEnumerable<T> rows, CancellationToken ct)
        where T : class
    {
        var encode = table.Encoder;
        Steps(connection, transaction, table.Name, table.Columns, (binder, done) =>
        {
            foreach (var row in rows)
            {
                ct.ThrowIfCancellationRequested();
                done(binder.Step(row, encode));
            }
        });
    }

    /// <summary>Prepares the single-row INSERT on the connection's handle and runs <paramref name="steps"/> with its binder and the check of each step's result.</summary>
    private static void Steps(DbConnection connection, DbTransaction transaction, string table, string[] columns, Action<SqliteRowBinder, Action<int>> steps) =>
        Steps(connection, transaction, table,
            $"INSERT INTO \"{table}\" ({ColumnList(columns)}) VALUES ({string.Join(", ", columns.Select(_ => "?"))})",
            columns.Length, steps);

    /// <summary>
    /// One statement with <paramref name="parameters"/> parameters, executed once for each of <paramref name="rows"/> inside the
    /// caller's transaction: on SQLite stepped through its C API as the bulk INSERT is (no ADO.NET command and parameter objects a
    /// row: 50,000 failure upserts of a full sync took 15 µs each through them), on PostgreSQL in batches of
    /// <see cref="BatchSize"/> commands, one round trip each instead of one a row. The SQL
    /// names its parameters <c>@p0</c>, <c>@p1</c>, … (the names <see cref="PreparedStatement"/> gives them), and here they must
    /// also first appear in that order (one may appear again): SQLite binds them by position. Every row has one value a parameter.
    /// </summary>
    public static async Task ExecuteEachAsync(DbConnection connection, DbTransaction transaction, DatabaseEngine engine, string sql, int parameters,
        IReadOnlyCollection<object?[]> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        // A short row would leave the row before's last values bound, a long one fail half-way: refused before anything runs.
        if (rows.FirstOrDefault(r => r.Length != parameters) is { } wrong)
            throw new ArgumentException($"A row has {wrong.Length} values for the statement's {parameters} parameters: {sql}", nameof(rows));
        if (engine == DatabaseEngine.Sqlite)
        {
            Steps(connection, transaction, "statement", sql, parameters, (binder, done) =>
            {
                foreach (var values in rows)
                {
                    ct.ThrowIfCancellationRequested();
                    done(binder.Step(values));
                }
            });
            return;
        }
        var names = Enumerable.Range(0, parameters).Select(i => "p" + i).ToArray();
        foreach (var chunk in rows.Chunk(BatchSize))
        {
            await using var batch = new NpgsqlBatch((NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
            foreach (var values in chunk)
            {
                var command = batch.CreateBatchCommand();
                command.CommandText = sql;
                for (var i = 0; i < values.Length; i++) command.Parameters.Add(new NpgsqlParameter(names[i], PreparedStatement.ToDb(values[i], engine)));
                batch.BatchCommands.Add(command);
            }
            await batch.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>Commands sent to PostgreSQL in one round trip by <see cref="ExecuteEachAsync"/>.</summary>
    private const int BatchSize = 1_000;

    /// <summary>
    /// Prepares <paramref name="sql"/> on the connection's handle and runs <paramref name="steps"/> with its binder and the check of
    /// each step's result. Its parameters are bound by position: the SQL must have exactly <paramref name="parameters"/> of them.
    /// </summary>
    private static void Steps(DbConnection connection, DbTransaction transaction, string label, string sql, int parameters, Action<SqliteRowBinder, Action<int>> steps)
    {
        // The rows go in through the connection's handle, so they belong to whatever transaction it has open: it must be ours.
        if (transaction.Connection != connection) throw new InvalidOperationException($"{label}: the transaction is not the connection's.");
        var db = ((SqliteConnection)connection).Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        SqliteQuery.Check(db, raw.sqlite3_prepare_v2(db, sql, out var statement));
        using (statement)
        {
            if (raw.sqlite3_bind_parameter_count(statement) != parameters)
                throw new InvalidOperationException($"{label}: the SQL has {raw.sqlite3_bind_parameter_count(statement)} parameters, not {parameters}: {sql}");
            for (var i = 1; i <= parameters; i++)
                if (raw.sqlite3_bind_parameter_name(statement, i).utf8_to_string() is { } name && name != "@p" + (i - 1))
                    throw new InvalidOperationException($"{label}: parameter {i} of the SQL is {name}, not @p{i - 1}: {sql}");
            var added = false;
            statement.DangerousAddRef(ref added);
            try
            {
                steps(new SqliteRowBinder(statement.DangerousGetHandle(), parameters), rc =>
                {
                    if (rc != raw.SQLITE_DONE) SqliteQuery.Check(db, rc == raw.SQLITE_OK ? raw.SQLITE_ERROR : rc);
                });
            }
            finally
            {
                if (added) statement.DangerousRelease();
            }
        }
    }

    private async Task CopyAsync(CancellationToken ct)
    {
        var npgsql = (NpgsqlConnection)connection;
        await using var import = await npgsql.BeginBinaryImportAsync(CopySql(table, columns), ct);
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
