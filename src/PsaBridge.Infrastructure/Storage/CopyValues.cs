using Npgsql;
using NpgsqlTypes;

namespace PsaBridge.Infrastructure.Storage;

/// <summary>
/// The typed writes of a binary COPY's values, called by <see cref="EntityTable{T}.CopyWriter"/>: the importer keeps one
/// parameter a column of the value's own type, so the column's PostgreSQL type is resolved once, not a value.
/// </summary>
internal static class CopyValues
{
    public static void Value<TValue>(NpgsqlBinaryImporter importer, TValue value) where TValue : struct => importer.Write(value);

    public static void Reference<TValue>(NpgsqlBinaryImporter importer, TValue? value) where TValue : class
    {
        if (value is null) importer.WriteNull();
        else importer.Write(value);
    }

    /// <summary>As EF Core's PostgreSQL provider stores a <see cref="DateTime"/>: <c>timestamptz</c>, the value taken as UTC.</summary>
    public static void Timestamp(NpgsqlBinaryImporter importer, DateTime value) =>
        importer.Write(DateTime.SpecifyKind(value, DateTimeKind.Utc), NpgsqlDbType.TimestampTz);
}
