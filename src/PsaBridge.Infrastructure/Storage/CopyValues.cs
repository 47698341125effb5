using Npgsql;
using NpgsqlTypes;

namespace PsaBridge.Infrastructure.Storage;

/// <summary>
/// The typed writes of a binary COPY's values, called by <see cref="EntityTable{T}.CopyWriters"/>: no value boxed, and
/// the importer keeps one parameter a column of the value's own type. A write that fits the importer's buffer completes
/// at once; one that fills it sends the buffer.
/// </summary>
internal static class CopyValues
{
    public static Task Value<TValue>(NpgsqlBinaryImporter importer, TValue value, CancellationToken ct) where TValue : struct =>
        importer.WriteAsync(value, ct);

    public static Task Reference<TValue>(NpgsqlBinaryImporter importer, TValue? value, CancellationToken ct) where TValue : class =>
        value is null ? importer.WriteNullAsync(ct) : importer.WriteAsync(value, ct);

    /// <summary>As EF Core's PostgreSQL provider stores a <see cref="DateTime"/>: <c>timestamptz</c>, the value taken as UTC.</summary>
    public static Task Timestamp(NpgsqlBinaryImporter importer, DateTime value, CancellationToken ct) =>
        importer.WriteAsync(DateTime.SpecifyKind(value, DateTimeKind.Utc), NpgsqlDbType.TimestampTz, ct);
}
