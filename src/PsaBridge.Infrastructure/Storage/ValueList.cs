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
            : ($"\"{column}\" IN ({SqliteGuidsOf(name)})", new SqliteParameter(name, JsonArray(values)));

    /// <summary>
    /// On SQLite, the stored GUIDs (<see cref="SqliteValues.GuidBytes"/>) of a <see cref="JsonArray"/> parameter, as a
    /// subquery for <c>IN</c>; the parameter is <c>@name</c>, or <c>?</c> when <paramref name="name"/> is null.
    /// </summary>
    public static string SqliteGuidsOf(string? name) => $"SELECT unhex(value) FROM json_each({(name is null ? "?" : "@" + name)})";

    /// <summary>
    /// The GUIDs as a JSON array of their 32 hexadecimal digits in stored byte order ("N" format), written straight
    /// into one string (a page's thousands of keys would otherwise be two strings each before the serializer writes
    /// them again); <see cref="SqliteGuidsOf"/> turns them back into the stored bytes.
    /// </summary>
    public static string JsonArray(IEnumerable<Guid> values)
    {
        var ids = values as IReadOnlyCollection<Guid> ?? values.ToList();
        if (ids.Count == 0) return "[]";
        return string.Create(1 + ids.Count * 35, ids, static (text, ids) =>
        {
            text[0] = '[';
            var at = 1;
            foreach (var id in ids)
            {
                text[at++] = '"';
                id.TryFormat(text[at..], out var written, "N");
                at += written;
                text[at++] = '"';
                text[at++] = ',';
            }
            text[at - 1] = ']';
        });
    }

    public static (string Condition, DbParameter Parameter) In(DatabaseEngine engine, string column, IEnumerable<string> values, string name = "list") =>
        engine == DatabaseEngine.PostgreSql
            ? ($"\"{column}\" = ANY(@{name})", new NpgsqlParameter(name, values.ToArray()))
            : ($"\"{column}\" IN (SELECT value FROM json_each(@{name}))", new SqliteParameter(name, JsonSerializer.Serialize(values)));
}
