using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Storage;
using PsaBridge.Testing;

namespace PsaBridge.Finance.Tests.Storage;

/// <summary>SQLite's GUIDs as 16 bytes where EF meets them without a property. SQLite-only: on SQLite whichever engine the run is for.</summary>
public sealed class SqliteGuidConverterTests
{
    [Fact]
    public async Task A_GUID_read_by_raw_SQL_converts_from_its_bytes_as_the_model_reads_it()
    {
        var pair = await TestDatabases.CreateAsync(DatabaseEngine.Sqlite);
        await using var db = pair.OpenFinance();
        var byModel = await db.ZipCodes.AsNoTracking().OrderBy(z => z.Id).Select(z => z.Id).Take(3).ToListAsync();
        byModel.Count.ShouldBe(3);

        // No property here: SqlQuery<Guid> reads the column through the default GUID mapping.
        var byRawSql = await db.Database.SqlQueryRaw<Guid>("SELECT \"Id\" AS \"Value\" FROM \"ZipCodes\" ORDER BY \"Id\" LIMIT 3").ToListAsync();
        byRawSql.ShouldBe(byModel);
    }
}
