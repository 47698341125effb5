using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PsaBridge.Infrastructure.Storage;

/// <summary>
/// On SQLite every GUID is stored as 16 bytes (<see cref="SqliteValues.GuidBytes"/>), not as EF's 36 characters of
/// text: the posting tables hold up to eighteen GUIDs a row, each in the row and again in every index over it, so the
/// text made their files nearly twice the size, and every page of them twice the writing. The columns keep their
/// declared type TEXT (SQLite cannot change a column's type in place, and TEXT affinity stores a blob as it is), so a
/// database made before keeps its schema; migration 0003 (PSA) and 0004 (finance) turned its text into bytes.
/// PostgreSQL has a uuid type of its own and is left alone.
/// </summary>
/// <remarks>
/// EF's LINQ queries convert their GUID parameters (and lists of them) through the model. Raw SQL does not: EF binds a
/// GUID argument of <c>FromSql</c> or <c>SqlQuery</c> as its text, and Microsoft.Data.Sqlite binds a GUID as 16
/// bytes in the other (little-endian) order; either matches nothing, silently. So on SQLite a GUID goes into raw SQL
/// only through <see cref="BulkInsert"/> or as <see cref="SqliteValues.GuidBytes"/>. A later migration that seeds rows or gives a
/// GUID column a default writes it as <see cref="SqliteValues.GuidBytes"/> too.
/// </remarks>
public sealed class SqliteGuidConverter() : ValueConverter<Guid, byte[]>(v => SqliteValues.GuidBytes(v), v => SqliteValues.Guid(v))
{
    /// <summary>
    /// On SQLite: every GUID property as bytes (and so every GUID a LINQ query compares with one), and by the default
    /// mapping the GUIDs EF meets without a property, such as the rows of <c>SqlQuery&lt;Guid&gt;</c>, which would
    /// otherwise read the bytes in Microsoft.Data.Sqlite's little-endian order, silently wrong.
    /// </summary>
    public static void Apply(ModelConfigurationBuilder conventions, DatabaseFacade database)
    {
        if (!database.IsSqlite()) return;
        conventions.Properties<Guid>().HaveConversion<SqliteGuidConverter>().HaveColumnType("TEXT");
        conventions.DefaultTypeMapping<Guid>().HasConversion<SqliteGuidConverter>();
    }
}
