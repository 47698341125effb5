using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Storage;
using PsaBridge.Integration.Sources;
using PsaBridge.Psa;
using PsaBridge.Psa.Accounts;
using PsaBridge.Testing;

namespace PsaBridge.Integration.Tests.CustomerSync;

/// <summary>
/// The sync's reading of changed accounts. On SQLite it reads through SQLite's C API, not EF: it must give the
/// records EF gives, value for value, in version order and page by page. On SQLite whatever the run's engine.
/// </summary>
[Trait("Engine", "Both")]
public sealed class PsaAccountSourceTests
{
    private static Account NewAccount(long version, string name, Action<Account>? set = null)
    {
        var at = new DateTime(2026, 12, 1, 9, 30, 0, DateTimeKind.Utc);
        var account = new Account { Id = Guid.CreateVersion7(), Name = name, CreatedOn = at, ModifiedOn = at, VersionNumber = version };
        set?.Invoke(account);
        return account;
    }

    [Fact]
    public async Task Changed_accounts_read_as_EF_reads_them_every_value_nulls_and_non_ASCII_text_included()
    {
        var pair = await TestDatabases.CreateAsync(DatabaseEngine.Sqlite); // on either run: the C-API reader is SQLite's
        var accounts = new List<Account>
        {
            NewAccount(10, "Every field", a =>
            {
                a.AccountNumber = "ACC-0001";
                a.Currency = "EUR";
                a.Telephone1 = "+49 89 1234567";
                a.EmailAddress1 = "ap@müller.example";
                a.Address1 = new Address
                {
                    Line1 = "Königstraße 1", Line2 = "Hinterhaus\n2. OG", Line3 = "c/o 株式会社", City = "München", StateOrProvince = "BY",
                    PostalCode = "80331", Country = "DE",
                };
                a.CreditLimit = 1_234_567.8912m;
                a.PaymentTerms = "Net30";
            }),
            NewAccount(11, "Nothing but a name"),
            NewAccount(12, "Zero credit, empty line", a =>
            {
                a.CreditLimit = 0m;
                a.Address1 = new Address { Line1 = "", City = "Zürich", Country = "CH" };
            }),
            NewAccount(13, new string('Ø', Psa.Accounts.Account.NameLength), a =>
            {
                a.CreditLimit = -0.0001m;
                a.Address1 = new Address { Line1 = new string('x', Psa.Accounts.Account.LineLength) };
            }),
            NewAccount(14, "Whole number credit", a => a.CreditLimit = 50_000m),
        };
        await using (var db = pair.OpenPsa())
        {
            db.Accounts.AddRange(accounts);
            await db.SaveChangesAsync();
        }
        var source = new PsaDbAccountSource(pair.PsaContexts());

        var read = await source.ReadChangedAsync(10, 100, default);

        // What EF reads for the same accounts (the PostgreSQL path, and SQLite's before its reader).
        await using var check = pair.OpenPsa();
        var expected = await PsaDbAccountSource.Project(check.Accounts.AsNoTracking().Where(a => a.VersionNumber > 10).OrderBy(a => a.VersionNumber))
            .ToListAsync();
        read.ShouldBe(expected);
        read.Select(a => a.Version).ShouldBe([11L, 12L, 13L, 14L]);
        read[0].Name.ShouldBe("Nothing but a name");
        read[0].CreditLimit.ShouldBeNull();
        read[0].Line1.ShouldBeNull();
        read[1].Line1.ShouldBe("");
        read[1].City.ShouldBe("Zürich");
        read[1].CreditLimit.ShouldBe(0m);
        read[2].Name.ShouldBe(new string('Ø', Psa.Accounts.Account.NameLength));
        read[2].CreditLimit.ShouldBe(-0.0001m);
        read[3].CreditLimit.ShouldBe(50_000m);

        var all = await source.ReadChangedAsync(0, 100, default);
        all.Count.ShouldBe(5);
        var first = all[0];
        first.ShouldBe(new PsaAccountRecord(accounts[0].Id, 10, "Every field", "ACC-0001", "EUR", "+49 89 1234567", "ap@müller.example",
            "Königstraße 1", "Hinterhaus\n2. OG", "c/o 株式会社", "München", "BY", "80331", "DE", 1_234_567.8912m, "Net30"));
    }

    [Fact]
    public async Task A_page_is_the_next_accounts_after_the_version_in_version_order_and_no_more()
    {
        var pair = await TestDatabases.CreateAsync(DatabaseEngine.Sqlite);
        await using (var db = pair.OpenPsa())
        {
            // Inserted out of version order: the page follows the versions, not the rows.
            db.Accounts.AddRange(Enumerable.Range(0, 2_500).Select(i => NewAccount(100_000 - i * 3L, $"Account {i}")));
            await db.SaveChangesAsync();
        }
        var source = new PsaDbAccountSource(pair.PsaContexts());

        var versions = new List<long>();
        var sizes = new List<int>();
        long after = 0;
        while (true)
        {
            var page = await source.ReadChangedAsync(after, 1_000, default);
            page.Count.ShouldBeLessThanOrEqualTo(1_000);
            if (page.Count == 0) break;
            sizes.Add(page.Count);
            versions.AddRange(page.Select(a => a.Version));
            after = page[^1].Version;
        }

        sizes.ShouldBe([1_000, 1_000, 500]);
        versions.Count.ShouldBe(2_500);
        versions.ShouldBe(versions.Order().ToList());
        versions[0].ShouldBe(100_000 - 2_499 * 3L);
        versions[^1].ShouldBe(100_000L);
        (await source.ReadChangedAsync(99_997, 1_000, default)).Select(a => a.Name).ShouldBe(["Account 0"]);
        (await source.CountChangedAsync(99_990, default)).ShouldBe(4);
    }
}

/// <summary>The C-API reader's conversions and its errors, on SQLite (the engine it exists for) whichever engine the run is for.</summary>
public sealed class SqliteQueryTests
{
    [Fact]
    public async Task Values_stored_in_other_forms_convert_and_a_bad_one_names_its_column()
    {
        var pair = await TestDatabases.CreateAsync(DatabaseEngine.Sqlite); // on either run: the reader is SQLite's
        await using var db = pair.OpenPsa();
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        var id = Guid.NewGuid();
        await db.Database.ExecuteSqlRawAsync("CREATE TEMP TABLE v (g, d, t, n)");
        await db.Database.ExecuteSqlRawAsync("INSERT INTO v VALUES ({0}, 12, 'ünïcode', NULL), ({1}, 2.5, '', 7), ('not a guid', 'x', NULL, NULL)",
            id.ToString("D").ToUpperInvariant(), SqliteValues.GuidBytes(id));

        var rows = SqliteQuery.Read(connection, "SELECT g, d, t, n FROM v WHERE rowid <= ? ORDER BY rowid", [2L],
            r => (r.Guid(0), r.Decimal(1), r.Text(2), r.IsNull(3)), default);

        rows.ShouldBe([(id, 12m, "ünïcode", true), (id, 2.5m, "", false)]);
        var error = Should.Throw<FormatException>(() =>
            SqliteQuery.Read(connection, "SELECT g FROM v WHERE rowid = 3", [], r => r.Guid(0), default));
        error.Message.ShouldBe("Column 0: 'not a guid' is not a GUID.");
        Should.Throw<InvalidCastException>(() => SqliteQuery.Read(connection, "SELECT n FROM v WHERE rowid = 1", [], r => r.Int64(0), default))
            .Message.ShouldBe("Column 0 is NULL.");
        Should.Throw<Microsoft.Data.Sqlite.SqliteException>(() => SqliteQuery.Read(connection, "SELECT nope FROM v", [], r => r.Int64(0), default))
            .Message.ShouldContain("no such column: nope");
        // A value left out would bind NULL and match nothing: refused instead.
        Should.Throw<ArgumentException>(() => SqliteQuery.Read(connection, "SELECT n FROM v WHERE rowid = ?", [], r => r.IsNull(0), default))
            .Message.ShouldBe("The query has 1 parameters; 0 values were given. (Parameter 'parameters')");
    }
}
