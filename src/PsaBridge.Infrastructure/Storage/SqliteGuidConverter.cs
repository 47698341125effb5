using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PsaBridge.Infrastructure.Storage;

/// <summary>
/// On SQLite every GUID is stored as 16 bytes (<see cref="SqliteValues.GuidBytes"/>), not as EF's 36 characters of
/// text: the posting and sync tables hold six to ten GUIDs a row, each in the row and again in every index over it,
/// so the text made their files nearly twice the size, and every page of them twice the writing. The columns keep
/// their declared type TEXT (SQLite cannot change a column's type in place, and TEXT affinity stores a blob as it
/// is), so a database made before keeps its schema; migration 0003 (PSA) and 0004 (finance) turned its text into bytes.
/// PostgreSQL has a uuid type of its own and is left alone.
/// </summary>
public sealed class SqliteGuidConverter() : ValueConverter<Guid, byte[]>(v => SqliteValues.GuidBytes(v), v => SqliteValues.Guid(v))
{
    /// <summary>Stores every GUID of the model, and every GUID parameter of a query, as bytes when the context is on SQLite.</summary>
    public static void Apply(ModelConfigurationBuilder conventions, DatabaseFacade database)
    {
        if (!database.IsSqlite()) return;
        conventions.Properties<Guid>().HaveConversion<SqliteGuidConverter>().HaveColumnType("TEXT");
        conventions.DefaultTypeMapping<Guid>().HasConversion<SqliteGuidConverter>();
    }
}
