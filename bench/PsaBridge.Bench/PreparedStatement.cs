using System.Data.Common;
using PsaBridge.Infrastructure.Storage;

namespace PsaBridge.Bench;

/// <summary>
/// A prepared statement reused for many rows inside one transaction: the benchmark's data generator and its plain-insert
/// baseline, with no change tracking. Values are written the way EF Core stores them, so EF reads them
/// back unchanged (on SQLite a GUID is 16 bytes, <see cref="SqliteValues.GuidBytes"/>; on PostgreSQL a <c>uuid</c>).
/// </summary>
public sealed class PreparedStatement : IAsyncDisposable
{
    private readonly DbCommand _command;
    private readonly DatabaseEngine _engine;
    private bool _prepared;

    public PreparedStatement(DbConnection connection, DbTransaction? transaction, DatabaseEngine engine, string sql, int parameterCount)
    {
        _engine = engine;
        _command = connection.CreateCommand();
        _command.Transaction = transaction;
        _command.CommandText = sql;
        _command.CommandTimeout = 600;
        for (var i = 0; i < parameterCount; i++)
        {
            var p = _command.CreateParameter();
            p.ParameterName = "p" + i;
            _command.Parameters.Add(p);
        }
    }

    /// <summary>Builds <c>INSERT INTO "table" ("a", "b") VALUES (@p0, @p1)</c>.</summary>
    public static PreparedStatement Insert(DbConnection connection, DbTransaction? transaction, DatabaseEngine engine, string table, params string[] columns) =>
        new(connection, transaction, engine,
            $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})",
            columns.Length);

    public async Task<int> ExecuteAsync(CancellationToken ct, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++) _command.Parameters[i].Value = ToDb(values[i], _engine);
        if (!_prepared)
        {
            await _command.PrepareAsync(ct);
            _prepared = true;
        }
        return await _command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>A value as the engine's ADO.NET provider is to be given it.</summary>
    private static object ToDb(object? value, DatabaseEngine engine) => value switch
    {
        null => DBNull.Value,
        Guid g when engine == DatabaseEngine.Sqlite => SqliteValues.GuidBytes(g),
        DateTime d => DateTime.SpecifyKind(d, DateTimeKind.Utc),
        Enum e => Convert.ToInt32(e),
        _ => value,
    };

    public ValueTask DisposeAsync() => _command.DisposeAsync();
}
