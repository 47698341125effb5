using System.Data.Common;

namespace PsaBridge.Infrastructure.Storage;

/// <summary>
/// What raw SQL on EF's connection needs to read and write the same on both engines: parameters by name, and GUIDs, which
/// PostgreSQL keeps as uuid and SQLite here as 16 bytes (<see cref="SqliteValues.GuidBytes"/>).
/// </summary>
public static class RawSql
{
    public static DbCommand AddParameter(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return command;
    }

    /// <summary>The GUID in <paramref name="column"/> as either engine stores it.</summary>
    public static Guid StoredGuid(this DbDataReader row, int column) => row.GetValue(column) switch
    {
        Guid id => id,
        byte[] bytes => SqliteValues.Guid(bytes),
        var other => throw new InvalidCastException($"Column {row.GetName(column)} holds a {other.GetType().Name}, not a GUID."),
    };
}
