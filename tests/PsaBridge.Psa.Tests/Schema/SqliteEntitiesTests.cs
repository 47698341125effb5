using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Storage;
using PsaBridge.Psa.Accounts;
using PsaBridge.Psa.Actuals;
using PsaBridge.Psa.Invoicing;
using PsaBridge.Psa.Journals;
using PsaBridge.Testing;

namespace PsaBridge.Psa.Tests.Schema;

/// <summary>
/// The SQLite entity reader (approval's journal lines read through SQLite's C API) gives every property as EF reads
/// it, whatever the run's engine: it exists for SQLite only. And the posting writer's rows (SQLite's compiled encoder,
/// PostgreSQL's COPY) read back through EF as they were written, on the run's engine.
/// </summary>
[Trait("Engine", "Both")]
public sealed class SqliteEntitiesTests
{
    private static readonly DateTime At = new DateTime(2026, 12, 1, 18, 45, 7, DateTimeKind.Unspecified).AddTicks(1_234_567);

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
        var bareActual = new Actual { Id = Ids.New(), Currency = "USD", CreatedOn = new DateTime(2026, 12, 1), DocumentDate = new DateOnly(2026, 12, 1) };
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

    [Fact]
    public async Task Journal_lines_and_actuals_read_as_EF_reads_them_set_and_null()
    {
        var pair = await TestDatabases.CreateAsync(DatabaseEngine.Sqlite);
        var (journal, full, bare, actual, bareActual) = Samples(At);
        await using (var db = pair.OpenPsa())
        {
            db.Add(journal);
            db.AddRange(full, bare);
            db.AddRange(actual, bareActual);
            await db.SaveChangesAsync();
        }

        await using var check = pair.OpenPsa();
        var lines = await SqliteEntities.ReadAsync<JournalLine>(check, "1 = 1 ORDER BY \"Id\"", [], default);
        var actuals = await SqliteEntities.ReadAsync<Actual>(check, "\"Currency\" <> ? ORDER BY \"Id\"", ["EUR"], default);

        ShouldMatch(check, lines, await check.Set<JournalLine>().AsNoTracking().OrderBy(l => l.Id).ToListAsync());
        ShouldMatch(check, actuals, await check.Set<Actual>().AsNoTracking().OrderBy(a => a.Id).ToListAsync());
        // Not two lists equally wrong: the values are the ones written.
        var (readFull, readBare) = (lines.Single(l => l.Id == full.Id), lines.Single(l => l.Id == bare.Id));
        readFull.Quantity.ShouldBe(-7.25m);
        readFull.UnitPrice.ShouldBe(123456789.1234m);
        readFull.AccountingDate.ShouldBe(new DateOnly(2019, 12, 31));
        readFull.BillingStatus.ShouldBe(BillingStatus.CustomerInvoiceCreated);
        readFull.IsPosted.ShouldBeTrue();
        readFull.Description.ShouldBe("Überstunden – 株式会社\nline two");
        readBare.BillingType.ShouldBeNull();
        readBare.AccountingDate.ShouldBeNull();
        readBare.PriceListId.ShouldBeNull();
        readBare.IsPosted.ShouldBeFalse();
        readBare.AmountMethod.ShouldBe(AmountMethod.MultiplyQuantityByPrice);
        var (readActual, readBareActual) = (actuals.Single(a => a.Id == actual.Id), actuals.Single(a => a.Id == bareActual.Id));
        readActual.CreatedOn.ShouldBe(At);
        readActual.CreatedOn.Kind.ShouldBe(DateTimeKind.Unspecified); // as EF's SQLite reader gives it (ShouldBe ignores the kind)
        readActual.AdjustmentStatus.ShouldBe(AdjustmentStatus.Adjusted);
        readBareActual.InvoiceId.ShouldBeNull();
        readBareActual.CreatedOn.ShouldBe(new DateTime(2026, 12, 1));
    }

    [Fact]
    public async Task Rows_the_posting_writer_inserts_read_back_through_EF_as_written_set_and_null()
    {
        // The run's engine: SQLite's compiled encoder (EntityTable.Encoder) or PostgreSQL's COPY.
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
    public async Task The_condition_and_its_parameters_select_the_rows_and_an_entity_with_owned_types_is_refused()
    {
        var pair = await TestDatabases.CreateAsync(DatabaseEngine.Sqlite);
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

        // The connection the reader opened is closed again; one the caller opened stays open.
        check.Database.GetDbConnection().State.ShouldBe(System.Data.ConnectionState.Closed);
        await check.Database.OpenConnectionAsync();
        (await EntryPostingStore.UnpostedLinesAsync(check, wanted, default)).Count.ShouldBe(unposted.Count);
        check.Database.GetDbConnection().State.ShouldBe(System.Data.ConnectionState.Open);

        var refused = await Should.ThrowAsync<NotSupportedException>(() => SqliteEntities.ReadAsync<Account>(check, "1 = 1", [], default));
        refused.Message.ShouldBe("Account owns other types; the SQLite entity reader reads one table's own columns.");
    }

    [Fact]
    public async Task A_confirmation_reads_each_detail_with_the_unbilled_actual_it_bills_as_EFs_query_does()
    {
        var pair = await TestDatabases.CreateAsync(DatabaseEngine.Sqlite);
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
        var rows = InvoiceService.SqliteRows(check, invoice, default).ToList();
        var expected = await InvoiceService.DetailsToBill(check, invoice).ToListAsync();

        expected.Count.ShouldBe(5);
        var byDetail = rows.OrderBy(r => r.Detail.Id).ToList();
        var want = expected.OrderBy(r => r.Detail.Id).ToList();
        ShouldMatch(check, byDetail.Select(r => r.Detail).ToList(), want.Select(r => r.Detail).ToList());
        byDetail.Select(r => r.Actual?.Id).ShouldBe(want.Select(r => r.Actual?.Id));
        ShouldMatch(check, byDetail.Where(r => r.Actual is not null).Select(r => r.Actual!).ToList(), want.Where(r => r.Actual is not null).Select(r => r.Actual!).ToList());
        // Only the unbilled actual on this invoice, not adjusted, is the one a detail bills.
        rows.Where(r => r.Actual is not null).ShouldHaveSingleItem().Actual!.Id.ShouldBe(billed.Id);
        rows.Single(r => r.Actual is not null).Detail.Id.ShouldBe(details[0].Id);
    }
}
