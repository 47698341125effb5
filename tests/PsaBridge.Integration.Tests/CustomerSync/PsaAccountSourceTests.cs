using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Storage;
using PsaBridge.Integration.Sources;
using PsaBridge.Psa;
using PsaBridge.Psa.Accounts;
using PsaBridge.Testing;

namespace PsaBridge.Integration.Tests.CustomerSync;

/// <summary>The sync's reading of changed accounts: every value as entered, in version order and page by page.</summary>
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
    public async Task Changed_accounts_read_with_every_value_nulls_and_non_ASCII_text_included()
    {
        var pair = await TestDatabases.CreateAsync();
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
        var pair = await TestDatabases.CreateAsync();
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
