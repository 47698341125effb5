using System.Data.Common;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace PsaBridge.Infrastructure.Storage;

/// <summary>
/// A list of keys passed as ONE parameter, for <c>WHERE column IN (…)</c> over a page of a thousand
/// keys: a JSON array read by <c>json_each</c> on SQLite, an array with <c>= ANY</c> on PostgreSQL.
/// A thousand separate parameters would cost more to bind than the query costs to run.
/// </summary>
public static class ValueList
{
    /// <summary>The condition <c>"column" IN list</c> and its parameter (named <paramref name="name"/>).</summary>
    public static (string Condition, DbParameter Parameter) In(DatabaseEngine engine, string column, IEnumerable<Guid> values, string name = "list") =>
        engine == DatabaseEngine.PostgreSql
            ? ($"\"{column}\" = ANY(@{name})", new NpgsqlParameter(name, values.ToArray()))
            : ($"\"{column}\" IN (SELECT value FROM json_each(@{name}))",
                new SqliteParameter(name, JsonSerializer.Serialize(values.Select(SqliteValues.Guid))));

    public static (string Condition, DbParameter Parameter) In(DatabaseEngine engine, string column, IEnumerable<string> values, string name = "list") =>
        engine == DatabaseEngine.PostgreSql
            ? ($"\"{column}\" = ANY(@{name})", new NpgsqlParameter(name, values.ToArray()))
            : ($"\"{column}\" IN (SELECT value FROM json_each(@{name}))", new SqliteParameter(name, JsonSerializer.Serialize(values)));
}
