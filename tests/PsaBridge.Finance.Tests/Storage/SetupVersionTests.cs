using Microsoft.EntityFrameworkCore;
using PsaBridge.Finance.AddressSetup;
using PsaBridge.Finance.PaymentTerms;
using PsaBridge.Testing;

namespace PsaBridge.Finance.Tests.Storage;

/// <summary>
/// The finance setup version moves with every change to what a customer is validated against, by
/// database triggers (so every path counts), and not when the sync creates a zip code itself.
/// </summary>
[Trait("Engine", "Both")]
public sealed class SetupVersionTests
{
    private static Task<long> VersionAsync(FinanceDb db) =>
        db.Database.SqlQueryRaw<long>("SELECT \"Version\" AS \"Value\" FROM \"FinanceSetupVersion\" WHERE \"Id\" = 1").SingleAsync();

    [Fact]
    public async Task Setup_changes_move_the_version_and_zip_codes_the_sync_creates_do_not()
    {
        var pair = await TestDatabases.CreateAsync();
        await using var db = pair.OpenFinance();
        var start = await VersionAsync(db);

        db.PaymentTerms.Add(new PaymentTerm { Code = "Net75", Description = "Net 75 days", NetDays = 75 });
        await db.SaveChangesAsync();
        var afterTerm = await VersionAsync(db);
        afterTerm.ShouldBeGreaterThan(start);

        var city = await db.Cities.FirstAsync(c => c.CountryId == "USA" && c.StateId == "WA");
        db.ZipCodes.Add(new ZipCode { CountryId = "USA", Code = "98999", StateId = "WA", City = city.Name, CreatedBySyncAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
        (await VersionAsync(db)).ShouldBe(afterTerm);

        db.ZipCodes.Add(new ZipCode { CountryId = "USA", Code = "98998", StateId = "WA", City = city.Name });
        await db.SaveChangesAsync();
        var afterZip = await VersionAsync(db);
        afterZip.ShouldBeGreaterThan(afterTerm);

        await db.PaymentTerms.Where(t => t.Code == "Net75").ExecuteUpdateAsync(s => s.SetProperty(t => t.Description, "Seventy-five days"));
        var afterUpdate = await VersionAsync(db);
        afterUpdate.ShouldBeGreaterThan(afterZip);

        await db.States.Where(s => s.CountryId == "USA" && s.StateId == "WA").ExecuteUpdateAsync(s => s.SetProperty(x => x.Name, "Washington State"));
        (await VersionAsync(db)).ShouldBeGreaterThan(afterUpdate);
    }
}
