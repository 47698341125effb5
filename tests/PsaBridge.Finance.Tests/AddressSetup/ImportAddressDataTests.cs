using Microsoft.EntityFrameworkCore;
using PsaBridge.Finance.AddressSetup;
using PsaBridge.Finance.ReferenceData;
using PsaBridge.Finance.Tests.ReferenceData;
using PsaBridge.Infrastructure.Validation;

namespace PsaBridge.Finance.Tests.AddressSetup;

public class ImportAddressDataTests
{
    private const string Csv = """
        country,state,city,zip
        United Kingdom,Scotland,Tobermory,PA75 6NR
        GB,SCT,Lochinver,IV27
        us,wa,Seattle,98101
        USA,Washington,seattle,
        Germany,Bavaria,München,80331
        CA,ON,Toronto,M5V 3L9
        Atlantis,Nowhere,Lost City,00000
        US,Ontario,Springfield,12345
        DE,BY,,80331
        USA,WA,Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch West,98101
        USA,WA,Seattle,98101-1234567
        gb,scotland,TOBERMORY,pa75 6nr
        """;

    [Fact]
    public async Task Imports_good_rows_reports_bad_ones_and_skips_what_exists()
    {
        using var database = FinanceTestDb.Create();
        await using (var seed = database.NewContext()) await ReferenceDataSeeder.SeedAsync(seed);
        var citiesBefore = ReferenceDataFiles.Cities().Count();
        var zipsBefore = ReferenceDataFiles.ZipCodes().Count();
        var progress = new List<int>();

        await using var db = database.NewContext();
        var result = await new ImportAddressData(db).ImportAsync(new StringReader(Csv), new SyncProgress(progress));

        result.RowsRead.ShouldBe(12);
        result.Rows.Select(r => r.RowNumber).ShouldBe(Enumerable.Range(2, 12));
        var row = result.Rows.ToDictionary(r => r.RowNumber);

        row[2].Status.ShouldBe(AddressImportStatus.Imported);
        row[2].Message.ShouldBe("Created city Tobermory (SCT, GBR); created zip code PA75 6NR for Tobermory (SCT, GBR).");
        row[3].Status.ShouldBe(AddressImportStatus.Imported);
        row[4].Status.ShouldBe(AddressImportStatus.Skipped);
        row[4].Message.ShouldBe("Zip code 98101 for Seattle (WA, USA) already exists.");
        row[5].Status.ShouldBe(AddressImportStatus.Skipped);
        row[5].Message.ShouldBe("City Seattle (WA, USA) already exists.");
        row[6].Status.ShouldBe(AddressImportStatus.Skipped); // München 80331 BY is reference data
        row[7].Status.ShouldBe(AddressImportStatus.Imported);
        row[7].Message.ShouldBe("Created zip code M5V 3L9 for Toronto (ON, CAN).");
        row[8].Status.ShouldBe(AddressImportStatus.Error);
        row[8].Message.ShouldBe("country: 'Atlantis' is not a known country (give its alpha-2 or alpha-3 code or its name).");
        row[9].Status.ShouldBe(AddressImportStatus.Error);
        row[9].Message.ShouldBe("state: 'Ontario' is not a state of United States (USA) (give its code or its name).");
        row[10].Status.ShouldBe(AddressImportStatus.Error);
        row[10].Message.ShouldBe("city: a city is required.");
        row[11].Status.ShouldBe(AddressImportStatus.Error);
        row[11].Message.ShouldStartWith("city: 'Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch West' is 63 characters long");
        row[12].Status.ShouldBe(AddressImportStatus.Error);
        row[12].Message.ShouldBe("zip: '98101-1234567' is 13 characters long; at most 10 are allowed.");
        row[13].Status.ShouldBe(AddressImportStatus.Skipped); // the same as row 2, in other case
        row[13].Message.ShouldBe("Zip code PA75 6NR for Tobermory (SCT, GBR) already exists.");

        (result.Imported, result.Skipped, result.Errors).ShouldBe((3, 4, 5));
        (result.CitiesCreated, result.ZipCodesCreated).ShouldBe((2, 3));
        progress.ShouldNotBeEmpty();
        progress[^1].ShouldBe(12);

        await using var check = database.NewContext();
        (await check.Cities.CountAsync()).ShouldBe(citiesBefore + 2);
        (await check.ZipCodes.CountAsync()).ShouldBe(zipsBefore + 3);
        var lochinver = await check.ZipCodes.SingleAsync(z => z.CountryId == "GBR" && z.Code == "IV27");
        (lochinver.StateId, lochinver.City, lochinver.CreatedBySyncAt).ShouldBe(("SCT", "Lochinver", (DateTime?)null));
        (await check.Cities.SingleAsync(c => c.CountryId == "GBR" && c.Name == "Tobermory")).StateId.ShouldBe("SCT");
    }

    [Fact]
    public async Task Importing_the_same_file_again_skips_every_good_row_and_duplicates_nothing()
    {
        using var database = FinanceTestDb.Create();
        await using (var seed = database.NewContext()) await ReferenceDataSeeder.SeedAsync(seed);
        await using (var first = database.NewContext()) await new ImportAddressData(first).ImportAsync(new StringReader(Csv));
        int cities, zips;
        await using (var count = database.NewContext()) (cities, zips) = (await count.Cities.CountAsync(), await count.ZipCodes.CountAsync());

        await using var db = database.NewContext();
        var again = await new ImportAddressData(db).ImportAsync(new StringReader(Csv));

        (again.Imported, again.Skipped, again.Errors).ShouldBe((0, 7, 5));
        (again.CitiesCreated, again.ZipCodesCreated).ShouldBe((0, 0));
        (await db.Cities.CountAsync()).ShouldBe(cities);
        (await db.ZipCodes.CountAsync()).ShouldBe(zips);
    }

    [Fact]
    public async Task Headers_may_come_in_any_case_and_order_and_zip_may_be_left_out()
    {
        using var database = FinanceTestDb.Create();
        await using (var seed = database.NewContext()) await ReferenceDataSeeder.SeedAsync(seed);
        await using var db = database.NewContext();

        var result = await new ImportAddressData(db).ImportAsync(new StringReader("City,COUNTRY,State\nDurness,GBR,GB-SCT\nSeattle,USA,WA\n"));

        result.Rows.Select(r => r.Status).ShouldBe([AddressImportStatus.Imported, AddressImportStatus.Skipped]);
        (await db.Cities.AnyAsync(c => c.CountryId == "GBR" && c.StateId == "SCT" && c.Name == "Durness")).ShouldBeTrue();
        result.ZipCodesCreated.ShouldBe(0);
    }

    [Fact]
    public async Task A_file_without_the_required_headers_is_refused_and_nothing_is_written()
    {
        using var database = FinanceTestDb.Create();
        await using (var seed = database.NewContext()) await ReferenceDataSeeder.SeedAsync(seed);
        await using var db = database.NewContext();

        var error = await Should.ThrowAsync<ValidationFailedException>(
            () => new ImportAddressData(db).ImportAsync(new StringReader("country,city,zip\nUS,Seattle,98101\n")));

        error.Errors.Single().Field.ShouldBe("header");
        error.Errors.Single().Message.ShouldContain("'state'");
        (await db.Cities.CountAsync()).ShouldBe(ReferenceDataFiles.Cities().Count());
        await Should.ThrowAsync<ValidationFailedException>(() => new ImportAddressData(db).ImportAsync(new StringReader("")));
    }

    [Fact]
    public async Task Large_files_are_written_in_batches_and_report_progress_per_batch()
    {
        using var database = FinanceTestDb.Create();
        await using (var seed = database.NewContext()) await ReferenceDataSeeder.SeedAsync(seed);
        // 2,500 real US zip codes with their cities: all exist already, plus the same zips for a new city each.
        var rows = ReferenceDataFiles.ZipCodes().Where(z => z.CountryId == "USA" && !z.City.Contains(',')).Take(2500).ToList();
        var text = "country,state,city,zip\n" + string.Join("\n", rows.Select(z => $"US,{z.StateId},{z.City},{z.Code}"))
            + "\n" + string.Join("\n", rows.Take(1200).Select((z, i) => $"US,{z.StateId},Imported Place {i},{z.Code}"));
        var progress = new List<int>();

        await using var db = database.NewContext();
        var result = await new ImportAddressData(db).ImportAsync(new StringReader(text), new SyncProgress(progress));

        (result.Imported, result.Skipped, result.Errors).ShouldBe((1200, 2500, 0));
        (result.CitiesCreated, result.ZipCodesCreated).ShouldBe((1200, 1200));
        progress.ShouldBe([1000, 2000, 3000, 3700]);
        (await db.Cities.CountAsync(c => c.Name.StartsWith("Imported Place"))).ShouldBe(1200);
    }

    /// <summary>Records progress synchronously (Progress&lt;T&gt; posts to the thread pool, which would race the asserts).</summary>
    private sealed class SyncProgress(List<int> values) : IProgress<int>
    {
        public void Report(int value) => values.Add(value);
    }
}
