using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Storage;
using PsaBridge.Testing;

namespace PsaBridge.Finance.Tests.Storage;

/// <summary>The hand-written migrations: they upgrade an older database in place and agree with the model.</summary>
[Trait("Engine", "Both")]
public sealed class SchemaUpgradeTests
{
    [Fact]
    public async Task Upgrading_a_database_made_by_the_first_schema_version_keeps_its_rows()
    {
        var pair = await TestDatabases.CreateEmptyAsync();
        await using (var db = pair.OpenFinance())
        {
            SchemaMigrator.Upgrade(db, "20261122000001_Initial").ShouldBe(["20261122000001_Initial"]);
            SchemaMigrator.Applied(db).ShouldBe(["20261122000001_Initial"]);
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO \"PaymentTerms\" (\"Code\", \"Description\", \"NetDays\") VALUES ('Net15', 'Net 15 days', 15)");
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO \"CustomerGroups\" (\"Id\", \"Description\", \"DefaultPaymentTerms\") VALUES ('10', 'Domestic customers', 'Net15')");
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO \"Customers\" (\"CustomerAccount\", \"Name\", \"RelationType\", \"CustomerGroupId\", \"CreditLimit\", \"PaymentTerms\", \"CreatedAt\", \"ModifiedAt\") " +
                "VALUES ('OLD-001', 'Made before the upgrade', 'Organization', '10', 1234.5, 'Net15', {0}, {0})", new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc));
        }

        await using (var db = pair.OpenFinance())
        {
            var applied = SchemaMigrator.Upgrade(db);
            applied.ShouldNotContain("20261122000001_Initial");
            applied.ShouldContain("20261122000002_IntegrationLog");
            applied.ShouldContain("20261122000003_SetupVersion");
            SchemaMigrator.Applied(db).ShouldBe(SchemaMigrator.Known(db));

            var customer = await db.Customers.AsNoTracking().SingleAsync();
            customer.CustomerAccount.ShouldBe("OLD-001");
            customer.Name.ShouldBe("Made before the upgrade");
            customer.CreditLimit.ShouldBe(1234.5m);
            customer.PaymentTerms.ShouldBe("Net15");
            customer.CreatedAt.ShouldBe(new DateTime(2024, 1, 2, 3, 4, 5));
            (await db.PaymentTerms.AsNoTracking().SingleAsync()).NetDays.ShouldBe(15);
            (await db.IntegrationLogHeaders.CountAsync()).ShouldBe(0); // the new tables are there and empty
            // Above the 0 that failures recorded before the counter existed carry, so those are retried once.
            (await db.Database.SqlQueryRaw<long>("SELECT \"Version\" AS \"Value\" FROM \"FinanceSetupVersion\"").SingleAsync()).ShouldBeGreaterThan(0);

            SchemaMigrator.Upgrade(db).ShouldBeEmpty(); // a second upgrade does nothing
        }
    }

    [Fact]
    public async Task Every_entity_of_both_models_reads_from_a_migrated_database()
    {
        var pair = await TestDatabases.CreateAsync();
        await using var finance = pair.OpenFinance();
        await using var psa = pair.OpenPsa();
        foreach (var db in new DbContext[] { finance, psa })
        {
            foreach (var entity in db.Model.GetEntityTypes().Where(e => !e.IsOwned()))
            {
                // Selects every mapped column: a column the migrations forgot fails here.
                var query = (IQueryable<object>)typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!
                    .MakeGenericMethod(entity.ClrType).Invoke(db, null)!;
                await Should.NotThrowAsync(() => query.Take(1).ToListAsync(), $"{db.GetType().Name}.{entity.ClrType.Name}");
            }
        }
        (await finance.Countries.CountAsync()).ShouldBe(249);
        (await finance.PaymentTerms.Select(t => t.Code).OrderBy(c => c).ToListAsync()).ShouldBe(["DueOnRcpt", "Net10", "Net30", "Net45", "Net60"]);
    }
}
