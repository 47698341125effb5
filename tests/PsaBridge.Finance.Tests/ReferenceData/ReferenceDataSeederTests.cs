using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using PsaBridge.Finance.AddressSetup;
using PsaBridge.Finance.ReferenceData;
using PsaBridge.Infrastructure.Storage;
using Xunit.Abstractions;

namespace PsaBridge.Finance.Tests.ReferenceData;

[Trait("Engine", "Both")]
public class ReferenceDataSeederTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Seeding_an_empty_database_loads_every_file_row()
    {
        using var database = FinanceTestDb.Create();
        await using var db = database.NewContext();

        var watch = Stopwatch.StartNew();
        var result = await ReferenceDataSeeder.SeedAsync(db);
        watch.Stop();
        output.WriteLine($"{database.Location}: {result.Inserted} rows in {watch.Elapsed.TotalMilliseconds:F0} ms");
        foreach (var t in result.Tables) output.WriteLine($"  {t.Table}: {t.Inserted} rows in {t.Elapsed.TotalMilliseconds:F0} ms");

        var files = new Dictionary<string, int>
        {
            ["Countries"] = ReferenceDataFiles.Countries().Count(),
            ["States"] = ReferenceDataFiles.States().Count(),
            ["Cities"] = ReferenceDataFiles.Cities().Count(),
            ["ZipCodes"] = ReferenceDataFiles.ZipCodes().Count(),
            ["Currencies"] = ReferenceDataFiles.Currencies().Count(),
        };
        foreach (var (table, count) in files)
        {
            result[table].Inserted.ShouldBe(count, table);
            result[table].SkippedBecauseNotEmpty.ShouldBeFalse();
        }

        await using var check = database.NewContext();
        (await check.Countries.CountAsync()).ShouldBe(files["Countries"]);
        (await check.States.CountAsync()).ShouldBe(files["States"]);
        (await check.Cities.CountAsync()).ShouldBe(files["Cities"]);
        (await check.ZipCodes.CountAsync()).ShouldBe(files["ZipCodes"]);
        (await check.Currencies.CountAsync()).ShouldBe(files["Currencies"]);
    }

    [Fact]
    public async Task Seeded_rows_read_back_through_EF_with_their_guids_and_values()
    {
        using var database = FinanceTestDb.Create();
        await using (var db = database.NewContext()) await ReferenceDataSeeder.SeedAsync(db);

        await using var check = database.NewContext();
        var seattle = await check.ZipCodes.SingleAsync(z => z.CountryId == "USA" && z.Code == "98101");
        seattle.Id.ShouldBe(ReferenceDataFiles.ReferenceZipCodeId("USA", "98101", "WA", "Seattle"));
        seattle.StateId.ShouldBe("WA");
        seattle.City.ShouldBe("Seattle");
        seattle.CreatedBySyncAt.ShouldBeNull();
        (await check.ZipCodes.FindAsync(seattle.Id)).ShouldNotBeNull(); // the key matches EF's own Guid format

        (await check.Countries.SingleAsync(c => c.Iso2 == "DE")).Id.ShouldBe("DEU");
        (await check.States.SingleAsync(s => s.CountryId == "CAN" && s.StateId == "QC")).Name.ShouldBe("Quebec");
        (await check.Cities.AnyAsync(c => c.CountryId == "DEU" && c.StateId == "BY" && c.Name == "München")).ShouldBeTrue();
        (await check.Currencies.SingleAsync(c => c.Code == "EUR")).NumericCode.ShouldBe("978");
        (await check.ZipCodes.Where(z => z.CountryId == "CAN" && z.Code == "M5V").Select(z => z.City).SingleAsync()).ShouldBe("Toronto");
    }

    [Fact]
    public async Task Seeding_twice_adds_nothing_the_second_time()
    {
        using var database = FinanceTestDb.Create();
        await using (var db = database.NewContext()) await ReferenceDataSeeder.SeedAsync(db);

        await using var again = database.NewContext();
        var second = await ReferenceDataSeeder.SeedAsync(again);

        second.Inserted.ShouldBe(0);
        second.Tables.ShouldAllBe(t => t.SkippedBecauseNotEmpty);
        (await again.ZipCodes.CountAsync()).ShouldBe(ReferenceDataFiles.ZipCodes().Count());
    }

    [Fact]
    public async Task A_table_that_has_rows_is_kept_and_its_children_only_get_rows_whose_parent_exists()
    {
        using var database = FinanceTestDb.Create();
        await using (var db = database.NewContext())
        {
            db.Countries.Add(new Country { Id = "USA", Iso2 = "US", Name = "United States" });
            await db.SaveChangesAsync();
        }

        await using var seeded = database.NewContext();
        var result = await ReferenceDataSeeder.SeedAsync(seeded);

        result["Countries"].SkippedBecauseNotEmpty.ShouldBeTrue();
        (await seeded.Countries.CountAsync()).ShouldBe(1);
        result["States"].Inserted.ShouldBe(57);
        (await seeded.States.Select(s => s.CountryId).Distinct().ToListAsync()).ShouldBe(["USA"]);
        result["Cities"].Inserted.ShouldBe(ReferenceDataFiles.Cities().Count(c => c.CountryId == "USA"));
        result["ZipCodes"].Inserted.ShouldBe(ReferenceDataFiles.ZipCodes().Count(z => z.CountryId == "USA"));
        result["Currencies"].Inserted.ShouldBe(181);
    }

    [Fact]
    public async Task Seeding_inside_the_callers_transaction_leaves_the_commit_to_the_caller()
    {
        using var database = FinanceTestDb.Create();
        await using (var db = database.NewContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            (await ReferenceDataSeeder.SeedAsync(db)).Inserted.ShouldBeGreaterThan(0);
            await transaction.RollbackAsync();
        }

        await using var check = database.NewContext();
        (await check.Countries.CountAsync()).ShouldBe(0);
        (await check.ZipCodes.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public void SQLite_guids_are_their_bytes_in_RFC_order_and_dates_EF_text()
    {
        var id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");
        SqliteValues.GuidBytes(id).ShouldBe(Convert.FromHexString("0F8FAD5BD9CB469FA16570867728950E"));
        SqliteValues.DateTime(new DateTime(2024, 3, 5, 14, 7, 9, 120, DateTimeKind.Utc)).ShouldBe("2024-03-05 14:07:09.12");
        SqliteValues.DateTime(new DateTime(2024, 3, 5, 14, 7, 9, DateTimeKind.Utc)).ShouldBe("2024-03-05 14:07:09");
    }

    [Fact]
    public async Task A_zip_code_written_by_EF_and_one_written_by_the_seeder_look_the_same_in_SQLite()
    {
        using var database = FinanceTestDb.Create();
        if (database.Location.Engine != DatabaseEngine.Sqlite) return; // the storage format checked here is SQLite's
        await using var db = database.NewContext();
        await ReferenceDataSeeder.SeedAsync(db);
        var when = new DateTime(2024, 3, 5, 14, 7, 9, 120, DateTimeKind.Utc);
        var byEf = new ZipCode { CountryId = "USA", Code = "98101", StateId = "WA", City = "Stehekin", CreatedBySyncAt = when };
        db.ZipCodes.Add(byEf);
        await db.SaveChangesAsync();

        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Id\", \"CreatedBySyncAt\" FROM \"ZipCodes\" WHERE \"City\" = 'Stehekin' AND \"Code\" = '98101'";
        await using var reader = await command.ExecuteReaderAsync();
        (await reader.ReadAsync()).ShouldBeTrue();
        reader.GetFieldValue<byte[]>(0).ShouldBe(SqliteValues.GuidBytes(byEf.Id));
        reader.GetString(1).ShouldBe(SqliteValues.DateTime(when));
        await reader.DisposeAsync();

        // A zip code the seeder wrote: its id is the same 16 bytes EF reads back as that GUID.
        command.CommandText = "SELECT \"Id\", \"CountryId\", \"Code\", \"City\" FROM \"ZipCodes\" WHERE \"City\" <> 'Stehekin' ORDER BY \"Code\" LIMIT 1";
        await using var seeded = await command.ExecuteReaderAsync();
        (await seeded.ReadAsync()).ShouldBeTrue();
        var (bytes, country, code, city) = (seeded.GetFieldValue<byte[]>(0), seeded.GetString(1), seeded.GetString(2), seeded.GetString(3));
        bytes.Length.ShouldBe(16);
        var read = await db.ZipCodes.AsNoTracking().SingleAsync(z => z.CountryId == country && z.Code == code && z.City == city);
        SqliteValues.GuidBytes(read.Id).ShouldBe(bytes);
        (await db.ZipCodes.AsNoTracking().CountAsync(z => z.Id == read.Id)).ShouldBe(1); // and a query by it finds it
    }
}
