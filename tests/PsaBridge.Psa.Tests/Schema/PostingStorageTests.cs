using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Storage;
using PsaBridge.Psa.Accounts;
using PsaBridge.Psa.Actuals;
using PsaBridge.Psa.Invoicing;
using PsaBridge.Psa.Journals;
using PsaBridge.Testing;

namespace PsaBridge.Psa.Tests.Schema;

/// <summary>
/// The posting writer's rows (linq2db's bulk copy) are stored as EF stores them and read back through EF as they were
/// written; approval and confirmation read the rows they post from.
/// </summary>
[Trait("Engine", "Both")]
public sealed class PostingStorageTests
{
    private static readonly DateTime At = new DateTime(2026, 12, 1, 18, 45, 7, DateTimeKind.Utc).AddTicks(1_234_567);

    private static T Filled<T>(T t) where T : BusinessTransaction
    {
        t.TransactionType = TransactionType.UnbilledSales;
        t.TransactionClass = TransactionClass.Expense;
        t.BillingType = BillingType.Chargeable;
        t.DocumentDate = new DateOnly(2018, 2, 28);
        t.AccountingDate = new DateOnly(2019, 12, 31);
        t.Quantity = -7.2500m;
        t.Unit = "hour";
        t.UnitPrice = 123456789.1234m;
        t.Amount = 0.0001m;
        t.AmountMethod = AmountMethod.FixedPrice;
        t.PriceListId = Guid.NewGuid();
        t.ProjectId = Guid.NewGuid();
        t.TaskId = Guid.NewGuid();
        t.ResourceId = Guid.NewGuid();
        t.RoleId = Guid.NewGuid();
        t.ResourceOrganizationalUnitId = Guid.NewGuid();
        t.ContractOrganizationalUnitId = Guid.NewGuid();
        t.TransactionCategoryId = Guid.NewGuid();
        t.CustomerId = Guid.NewGuid();
        t.ContractId = Guid.NewGuid();
        t.ContractLineId = Guid.NewGuid();
        t.Description = "Überstunden – 株式会社\nline two";
        return t;
    }

    /// <summary>A posted journal; a journal line and an actual with every column set, and one of each with only the required ones.</summary>
    private static (Journal, JournalLine Full, JournalLine Bare, Actual, Actual BareActual) Samples(DateTime createdOn)
    {
        var journal = new Journal { Id = Ids.New(), Description = "J", CreatedOn = createdOn, IsPosted = true };
        var full = Filled(new JournalLine { Id = Ids.New(), JournalId = journal.Id, Currency = "EUR", IsPosted = true,
            BillingStatus = BillingStatus.CustomerInvoiceCreated, SourceEntryId = Guid.NewGuid() });
        var bare = new JournalLine { Id = Ids.New(), JournalId = journal.Id, Currency = "USD", SourceEntryId = Guid.NewGuid(),
            TransactionType = TransactionType.Cost, TransactionClass = TransactionClass.Time, DocumentDate = new DateOnly(2026, 1, 1), Quantity = 8m };
        var actual = Filled(new Actual { Id = Ids.New(), Currency = "CHF", CreatedOn = createdOn, BillingStatus = BillingStatus.UnbilledSalesCreated,
            AdjustmentStatus = AdjustmentStatus.Adjusted, InvoiceId = Guid.NewGuid(), SourceEntryId = Guid.NewGuid() });
        var bareActual = new Actual { Id = Ids.New(), Currency = "USD", CreatedOn = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc), DocumentDate = new DateOnly(2026, 12, 1) };
        return (journal, full, bare, actual, bareActual);
    }

    /// <summary>Every mapped property of the two lists, pairwise, by the EF model's own property list.</summary>
    private static void ShouldMatch<T>(PsaDb db, List<T> read, List<T> expected, int minimum = 21) where T : class
    {
        read.Count.ShouldBe(expected.Count);
        var properties = db.Model.FindEntityType(typeof(T))!.GetProperties().Select(p => p.PropertyInfo!).ToList();
        properties.Count.ShouldBeGreaterThanOrEqualTo(minimum);
        for (var i = 0; i < read.Count; i++)
            foreach (var p in properties)
                p.GetValue(read[i]).ShouldBe(p.GetValue(expected[i]), $"{typeof(T).Name}.{p.Name} of row {i}");
    }

    /// <summary>A copy of <paramref name="source"/>'s mapped values under a new id.</summary>
    private static T Twin<T>(PsaDb db, T source) where T : class
    {
        var twin = Activator.CreateInstance<T>();
        foreach (var p in db.Model.FindEntityType(typeof(T))!.GetProperties()) p.PropertyInfo!.SetValue(twin, p.PropertyInfo.GetValue(source));
        typeof(T).GetProperty("Id")!.SetValue(twin, Ids.New());
        return twin;
    }

    [Fact]
    public async Task Journal_lines_and_actuals_the_bulk_copy_writes_are_stored_as_EF_stores_them_set_and_null()
    {
        var pair = await TestDatabases.CreateAsync();
        var (journal, full, bare, actual, bareActual) = Samples(At.AddTicks(-7)); // to the microsecond, as PostgreSQL keeps a timestamp
        await using var db = pair.OpenPsa();
        var twins = new object[] { Twin(db, full), Twin(db, bare), Twin(db, actual), Twin(db, bareActual) };
        db.Add(journal);
        db.AddRange(full, bare, actual, bareActual);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            await BulkInsert.InsertEntitiesAsync(db, [(JournalLine)twins[0], (JournalLine)twins[1]], default);
            await BulkInsert.InsertEntitiesAsync(db, [(Actual)twins[2], (Actual)twins[3]], default);
            await tx.CommitAsync();
        }

        // Column by column, each value the bulk copy stored equals the one EF stored, compared in the database.
        object Key(Guid id) => db.Database.IsSqlite() ? SqliteValues.GuidBytes(id) : id;
        var pairs = new (Type Type, string Table, Guid ByEf, Guid Bulk)[]
        {
            (typeof(JournalLine), "JournalLines", full.Id, ((JournalLine)twins[0]).Id), (typeof(JournalLine), "JournalLines", bare.Id, ((JournalLine)twins[1]).Id),
            (typeof(Actual), "Actuals", actual.Id, ((Actual)twins[2]).Id), (typeof(Actual), "Actuals", bareActual.Id, ((Actual)twins[3]).Id),
        };
        foreach (var (type, table, byEf, bulk) in pairs)
        {
            var columns = db.Model.FindEntityType(type)!.GetProperties().Where(p => p.Name != "Id").Select(p => p.GetColumnName()).ToList();
            columns.Count.ShouldBeGreaterThanOrEqualTo(21);
            foreach (var column in columns)
#pragma warning disable EF1003 // column and table names from the model; the ids travel as parameters
                (await db.Database.SqlQueryRaw<int>(
                    $"SELECT COUNT(*) AS \"Value\" FROM \"{table}\" AS e, \"{table}\" AS b WHERE e.\"Id\" = {{0}} AND b.\"Id\" = {{1}} " +
                    $"AND (e.\"{column}\" = b.\"{column}\" OR (e.\"{column}\" IS NULL AND b.\"{column}\" IS NULL))", Key(byEf), Key(bulk)).SingleAsync())
                    .ShouldBe(1, $"{table}.{column}");
#pragma warning restore EF1003
        }
        var read = await db.Set<JournalLine>().AsNoTracking().SingleAsync(l => l.Id == ((JournalLine)twins[0]).Id);
        (read.Quantity, read.UnitPrice, read.AccountingDate, read.Description).ShouldBe((-7.25m, 123456789.1234m, (DateOnly?)new DateOnly(2019, 12, 31), "Überstunden – 株式会社\nline two"));
        (await db.Set<Actual>().AsNoTracking().SingleAsync(a => a.Id == ((Actual)twins[2]).Id)).CreatedOn.ShouldBe(At.AddTicks(-7));
    }

    [Fact]
    public async Task Rows_the_posting_writer_inserts_read_back_through_EF_as_written_set_and_null()
    {
        var pair = await TestDatabases.CreateAsync();
        var (journal, full, bare, actual, bareActual) = Samples(At.AddTicks(-7)); // to the microsecond, as PostgreSQL keeps a timestamp
        var posting = new Posting();
        posting.Journals.Add(journal);
        posting.JournalLines.AddRange([full, bare]);
        posting.Actuals.AddRange([actual, bareActual]);
        posting.Origin(full.Id, TransactionTypes.JournalLine, actual.Id, TransactionTypes.Actual);
        posting.Connect(actual.Id, ConnectionRoles.UnbilledSales, TransactionTypes.Actual, bareActual.Id, ConnectionRoles.Cost, TransactionTypes.Actual);
        await using (var db = pair.OpenPsa())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await PostingWriter.WriteAsync(db, posting, default);
            await tx.CommitAsync();
        }

        await using var check = pair.OpenPsa();
        // Against the objects written, property by property: what EF reads back is what was inserted.
        ShouldMatch(check, await check.Set<Journal>().AsNoTracking().ToListAsync(), [journal], minimum: 3);
        ShouldMatch(check, await check.Set<JournalLine>().AsNoTracking().OrderBy(l => l.Id).ToListAsync(), new[] { full, bare }.OrderBy(l => l.Id).ToList());
        ShouldMatch(check, await check.Set<Actual>().AsNoTracking().OrderBy(a => a.Id).ToListAsync(), new[] { actual, bareActual }.OrderBy(a => a.Id).ToList());
        ShouldMatch(check, await check.Set<TransactionOrigin>().AsNoTracking().ToListAsync(), posting.Origins, minimum: 5);
        ShouldMatch(check, await check.Set<TransactionConnection>().AsNoTracking().ToListAsync(), posting.Connections, minimum: 7);
    }

    [Fact]
    public async Task Approval_reads_only_the_unposted_lines_of_the_entries_it_is_given()
    {
        var pair = await TestDatabases.CreateAsync();
        var journal = new Journal { Id = Guid.CreateVersion7(), Description = "J", CreatedOn = At };
        var entries = Enumerable.Range(0, 30).Select(_ => Guid.NewGuid()).ToList();
        await using (var db = pair.OpenPsa())
        {
            db.Add(journal);
            db.AddRange(entries.Select((e, i) => new JournalLine { Id = Guid.CreateVersion7(), JournalId = journal.Id, Currency = "USD", SourceEntryId = e,
                IsPosted = i % 3 == 0, DocumentDate = new DateOnly(2026, 1, 1) }));
            await db.SaveChangesAsync();
        }

        await using var check = pair.OpenPsa();
        // What approval asks for: the unposted lines of some entries.
        var wanted = entries.Take(10).ToList();
        var unposted = await EntryPostingStore.UnpostedLinesAsync(check, wanted, default);
        unposted.Select(l => l.SourceEntryId).Order().ShouldBe(wanted.Where((_, i) => i % 3 != 0).Order());
        unposted.ShouldAllBe(l => !l.IsPosted);

        // More entries than one parameter list holds on any engine, the unposted lines of all of them.
        var many = entries.Concat(Enumerable.Range(0, 20_000).Select(_ => Guid.NewGuid())).ToList();
        (await EntryPostingStore.UnpostedLinesAsync(check, many, default)).Count.ShouldBe(20);
    }

    [Fact]
    public async Task A_confirmation_reads_each_detail_with_the_unbilled_actual_it_bills()
    {
        var pair = await TestDatabases.CreateAsync(DatabaseEngine.Sqlite); // its details stand without their invoice: SQLite's foreign keys can be set aside
        var (invoice, other) = (Guid.NewGuid(), Guid.NewGuid());
        Actual Unbilled(Guid? on, TransactionType type = TransactionType.UnbilledSales, AdjustmentStatus? adjusted = null)
        {
            var actual = Filled(new Actual { Id = Guid.NewGuid(), Currency = "EUR", CreatedOn = At, InvoiceId = on, AdjustmentStatus = adjusted,
                BillingStatus = BillingStatus.CustomerInvoiceCreated });
            actual.TransactionType = type;
            return actual;
        }
        InvoiceLineDetail Detail(Guid on, Actual? bills) =>
            Filled(new InvoiceLineDetail { Id = Guid.NewGuid(), InvoiceId = on, InvoiceLineId = Guid.NewGuid(), Currency = "EUR", ActualId = bills?.Id,
                SourceEntryId = bills?.SourceEntryId, MilestoneId = bills is null ? Guid.NewGuid() : null });
        var billed = Unbilled(invoice);
        var adjusted = Unbilled(invoice, adjusted: AdjustmentStatus.Adjusted);
        var elsewhere = Unbilled(other);
        var cost = Unbilled(invoice, TransactionType.Cost);
        var details = new[] { Detail(invoice, billed), Detail(invoice, adjusted), Detail(invoice, elsewhere), Detail(invoice, cost), Detail(invoice, null) };
        await using (var db = pair.OpenPsa())
        {
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys = OFF"); // details without their invoice and lines: only the join is under test
            db.AddRange(billed, adjusted, elsewhere, cost);
            db.AddRange(details);
            db.Add(Detail(other, elsewhere));
            await db.SaveChangesAsync();
        }

        await using var check = pair.OpenPsa();
        await check.Database.OpenConnectionAsync();
        var rows = await InvoiceService.DetailsToBill(check, invoice).ToListAsync();

        rows.Count.ShouldBe(5);
        rows.Select(r => r.Detail.Id).Order().ShouldBe(details.Select(d => d.Id).Order());
        // Only the unbilled actual on this invoice, not adjusted, is the one a detail bills.
        rows.Where(r => r.Actual is not null).ShouldHaveSingleItem().Actual!.Id.ShouldBe(billed.Id);
        rows.Single(r => r.Actual is not null).Detail.Id.ShouldBe(details[0].Id);
    }
}
