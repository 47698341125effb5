using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using PsaBridge.Finance.Customers;
using PsaBridge.Infrastructure.Storage;
using PsaBridge.Testing;

namespace PsaBridge.Finance.Tests.Storage;

/// <summary>
/// The bulk path (SQLite's C API, PostgreSQL's binary COPY) must store values exactly as EF Core does,
/// so EF reads and queries them unchanged, and a failing row must fail the write, not slip past it.
/// </summary>
[Trait("Engine", "Both")]
public sealed class BulkInsertTests
{
    private static readonly string[] Columns =
    [
        "CustomerAccount", "Name", "RelationType", "CustomerGroupId", "Currency", "PaymentTerms", "CreditLimit", "Phone", "Email",
        "AddressStreet", "AddressCity", "AddressState", "AddressCounty", "AddressZipCode", "AddressCountryRegion", "PsaAccountId", "CreatedAt", "ModifiedAt",
    ];

    private static object?[] Row(string account, string name, Guid? psaId, decimal credit, DateTime at) =>
        [account, name, RelationType.Organization.ToString(), "10", "EUR", null, credit, null, "ap@example.com",
         "Königstraße 1\nHinterhaus", "Zürich", "ZH", null, "8001", "CHE", psaId, at, at];

    private static (BulkInsert Insert, IDbContextTransaction Tx) Begin(FinanceDb db)
    {
        var tx = db.Database.BeginTransaction();
        var insert = new BulkInsert(db.Database.GetDbConnection(), tx.GetDbTransaction(), "Customers", Columns);
        return (insert, tx);
    }

    [Fact]
    public async Task Rows_read_back_through_EF_with_every_value_as_written()
    {
        var pair = await TestDatabases.CreateAsync();
        var at = new DateTime(2026, 11, 22, 4, 5, 6, DateTimeKind.Utc).AddTicks(1_234_560); // microseconds: what PostgreSQL keeps
        var ids = Enumerable.Range(0, 2_500).Select(_ => Guid.NewGuid()).ToList();
        await using (var db = pair.OpenFinance())
        {
            var (insert, tx) = Begin(db);
            for (var i = 0; i < ids.Count; i++) insert.Add(Row($"BULK{i:D5}", $"Kunde {i} – Ærø & Søn 株式会社", ids[i], 1234.5m + i, at));
            insert.Add(Row("BULK-NULL", "No PSA id", null, 0m, at));
            await insert.FlushAsync(default);
            insert.Count.ShouldBe(0);
            await tx.CommitAsync();
        }

        await using var check = pair.OpenFinance();
        (await check.Customers.CountAsync(c => c.CustomerAccount.StartsWith("BULK"))).ShouldBe(2_501);
        var c7 = await check.Customers.SingleAsync(c => c.PsaAccountId == ids[7]);
        c7.CustomerAccount.ShouldBe("BULK00007");
        c7.Name.ShouldBe("Kunde 7 – Ærø & Søn 株式会社");
        c7.RelationType.ShouldBe(RelationType.Organization);
        c7.CreditLimit.ShouldBe(1241.5m);
        c7.PaymentTerms.ShouldBeNull();
        c7.Address.Street.ShouldBe("Königstraße 1\nHinterhaus");
        c7.Address.City.ShouldBe("Zürich");
        c7.CreatedAt.ShouldBe(at);
        (await check.Customers.SingleAsync(c => c.CustomerAccount == "BULK-NULL")).PsaAccountId.ShouldBeNull();
        (await check.Customers.CountAsync(c => c.CreatedAt == at)).ShouldBe(2_501);
        // Decimals in EF's own text form: an EF query for a whole amount finds what the bulk path wrote.
        (await check.Customers.CountAsync(c => c.CreditLimit == 0m)).ShouldBe(1);
        (await check.Customers.CountAsync(c => c.CreditLimit == 1_236.5m)).ShouldBe(1);
    }

    [Fact]
    public async Task A_duplicate_key_fails_the_write_and_the_rollback_leaves_nothing()
    {
        var pair = await TestDatabases.CreateAsync();
        var at = DateTime.UtcNow;
        await using (var db = pair.OpenFinance())
        {
            var (insert, tx) = Begin(db);
            insert.Add(Row("DUP1", "First", Guid.NewGuid(), 1m, at));
            insert.Add(Row("DUP2", "Second", Guid.NewGuid(), 1m, at));
            insert.Add(Row("DUP1", "Again", Guid.NewGuid(), 1m, at));
            var error = await Should.ThrowAsync<DbException>(() => insert.FlushAsync(default));
            error.Message.ShouldContain("Customers", Case.Insensitive);
            await tx.RollbackAsync();
        }
        await using var check = pair.OpenFinance();
        (await check.Customers.CountAsync(c => c.CustomerAccount.StartsWith("DUP"))).ShouldBe(0);
    }

    [Fact]
    public async Task A_row_with_the_wrong_number_of_values_is_refused_before_anything_is_written()
    {
        var pair = await TestDatabases.CreateAsync();
        await using var db = pair.OpenFinance();
        var (insert, tx) = Begin(db);
        var error = Should.Throw<ArgumentException>(() => insert.Add("ONLY", "two"));
        error.Message.ShouldBe("Customers: 2 values for 18 columns.");
        insert.Count.ShouldBe(0);
        await tx.RollbackAsync();
    }

    [Fact]
    public async Task A_value_longer_than_the_row_buffer_moves_it_without_disturbing_the_values_before_it()
    {
        // SQLite's row buffer (4 KB to start); SQLite also keeps a street longer than PostgreSQL's varchar(250) allows.
        var pair = await TestDatabases.CreateAsync(DatabaseEngine.Sqlite);
        var at = new DateTime(2026, 11, 22, 9, 0, 0, DateTimeKind.Utc);
        var street = string.Concat(Enumerable.Repeat("Straße ✓ 株式会社 ", 700)); // ~12 KB of UTF-8, past the first 4 KB buffer
        await using (var db = pair.OpenFinance())
        {
            var (insert, tx) = Begin(db);
            var row = Row("LONG1", "Before the long street", Guid.NewGuid(), 99.95m, at);
            row[9] = street;
            insert.Add(row);
            insert.Add(Row("LONG2", "After it", Guid.NewGuid(), 0.5m, at));
            await insert.FlushAsync(default);
            await tx.CommitAsync();
        }
        await using var check = pair.OpenFinance();
        var first = await check.Customers.SingleAsync(c => c.CustomerAccount == "LONG1");
        (first.Name, first.Address.Street, first.CreditLimit, first.CreatedAt).ShouldBe(("Before the long street", street, 99.95m, at));
        var second = await check.Customers.SingleAsync(c => c.CustomerAccount == "LONG2");
        (second.Name, second.Address.Street, second.CreditLimit).ShouldBe(("After it", "Königstraße 1\nHinterhaus", 0.5m));
    }

    [Fact]
    public async Task Entities_with_an_owned_address_read_back_through_EF_and_a_missing_required_address_is_refused()
    {
        var pair = await TestDatabases.CreateAsync();
        var at = new DateTime(2026, 12, 2, 4, 5, 6, DateTimeKind.Utc);
        Customer Customer(string account, PostalAddress address) => new()
        {
            CustomerAccount = account, Name = "Owned " + account, CustomerGroupId = "10", CreditLimit = 12.5m, Address = address,
            PsaAccountId = Guid.NewGuid(), CreatedAt = at, ModifiedAt = at,
        };
        var full = Customer("OWN-1", new PostalAddress { Street = "Königstraße 1\nHinterhaus", City = "Zürich", State = "ZH", ZipCode = "8001", CountryRegion = "CHE" });
        var empty = Customer("OWN-2", new PostalAddress());
        empty.RelationType = RelationType.Person;
        empty.ModifiedAt = at.AddTicks(7_890); // microseconds: what PostgreSQL keeps
        await using (var db = pair.OpenFinance())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await BulkInsert.InsertEntitiesAsync(db, new[] { full, empty }, default);
            await tx.CommitAsync();
        }
        await using (var db = pair.OpenFinance())
        {
            var read = await db.Customers.AsNoTracking().Where(c => c.CustomerAccount.StartsWith("OWN-")).OrderBy(c => c.CustomerAccount).ToListAsync();
            read.Select(c => (c.Address.Street, c.Address.City, c.Address.State, c.Address.County, c.Address.ZipCode, c.Address.CountryRegion)).ShouldBe(
                new (string?, string?, string?, string?, string?, string?)[] { ("Königstraße 1\nHinterhaus", "Zürich", "ZH", null, "8001", "CHE"), (null, null, null, null, null, null) });
            read.Select(c => (c.Name, c.CreditLimit, c.PsaAccountId, c.RelationType, c.CreatedAt, c.ModifiedAt)).ShouldBe(new[]
            {
                (full.Name, 12.5m, full.PsaAccountId, RelationType.Organization, at, at),
                (empty.Name, 12.5m, empty.PsaAccountId, RelationType.Person, at, at.AddTicks(7_890)),
            });
            // Stored as EF stores them, not only readable: EF's own queries compare them in the database (the relation type as
            // its converter's text, which reading back alone does not show: an enum parses from its number too).
            (await db.Customers.CountAsync(c => c.CustomerAccount.StartsWith("OWN-") && c.RelationType == RelationType.Person)).ShouldBe(1);
            (await db.Customers.CountAsync(c => c.CustomerAccount.StartsWith("OWN-") && c.ModifiedAt > at)).ShouldBe(1);

            // The address is required: a customer without one is refused, and nothing of the batch is kept.
            await using var tx = await db.Database.BeginTransactionAsync();
            var missing = Customer("OWN-3", null!);
            var refused = await Should.ThrowAsync<InvalidOperationException>(() => BulkInsert.InsertEntitiesAsync(db, new[] { Customer("OWN-4", new PostalAddress()), missing }, default));
            refused.Message.ShouldContain("Customer.Address is required and missing");
            await tx.RollbackAsync();
            (await db.Customers.CountAsync(c => c.CustomerAccount == "OWN-3" || c.CustomerAccount == "OWN-4")).ShouldBe(0);
        }
    }
}
