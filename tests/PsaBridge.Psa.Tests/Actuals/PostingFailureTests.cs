using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PsaBridge.Psa.Actuals;
using PsaBridge.Psa.Invoicing;
using PsaBridge.Psa.Journals;
using PsaBridge.Psa.Time;
using PsaBridge.Testing;

namespace PsaBridge.Psa.Tests.Actuals;

/// <summary>
/// The bulk paths when something goes wrong part-way: an entry changed by someone else between the planning of its
/// batch (on the second connection) and the batch's write, and a write the database refuses in a later batch or chunk.
/// Refusals come from a trigger in the real database, so the failure happens where a real one would: inside the bulk insert.
/// </summary>
[Collection(ReaderSlots.Name)]
[Trait("Engine", "Both")]
public sealed class PostingFailureTests
{
    [Fact]
    public async Task An_entry_returned_between_its_batch_planning_and_writing_fails_alone_and_the_rest_of_the_batch_is_approved()
    {
        await using var world = await PostingWorld.SubmittedAsync(15);
        var (db, ids) = (world.Db, world.All);
        var returned = ids[14]; // in the second batch of ten

        // The approval reads the clock once per batch, as the last step of planning it: the second reading is the end of
        // the second batch's planning, on the second connection while the first batch is written. Right then another
        // user returns an entry of that batch (its journal is dropped), before the batch is written.
        var clock = new AtCall(2, () =>
        {
            using var other = world.App.Services.CreateScope();
            other.ServiceProvider.GetRequiredService<TimeEntryService>().ReturnAsync(returned).GetAwaiter().GetResult();
        });
        var service = new TimeEntryService(db, world.Get<EntryPostingStore>(), clock);

        var report = await service.ApproveTimeEntries(ids, batchSize: 10);

        clock.Fired.ShouldBeTrue();
        (report.Requested, report.Approved, report.Failed).ShouldBe((30, 29, 1));
        report.Results.Single(r => r.Id == returned).Error.ShouldBe($"Time entry '{returned}' is Returned; only a submitted entry can be approved.");
        var actuals = (await db.Set<Actual>().AsNoTracking().ToListAsync()).ToLookup(x => x.SourceEntryId!.Value);
        foreach (var id in ids.Where(id => id != returned))
            actuals[id].Select(x => x.TransactionType).ShouldBe([TransactionType.Cost, TransactionType.UnbilledSales], ignoreOrder: true, $"entry {id}");
        actuals[returned].ShouldBeEmpty();
        (await db.Set<TimeEntry>().AsNoTracking().SingleAsync(e => e.Id == returned)).EntryStatus.ShouldBe(TimeEntryStatus.Returned);
        (await db.Set<JournalLine>().CountAsync(l => l.SourceEntryId == returned)).ShouldBe(0);
        (await db.Set<TimeEntry>().CountAsync(e => e.EntryStatus == TimeEntryStatus.Approved)).ShouldBe(29);
        (await db.Set<JournalLine>().CountAsync(l => !l.IsPosted)).ShouldBe(0);
    }

    [Fact]
    public async Task An_approval_cancelled_part_way_leaves_every_entry_whole_approved_with_its_actuals_or_submitted_without_any()
    {
        await using var world = await PostingWorld.SubmittedAsync(15);
        var (db, ids) = (world.Db, world.All);
        // Cancelled at the end of the second batch's planning, while the first is written: the first batch is either
        // rolled back or already committed, never half written, and no later batch is written.
        using var cancel = new CancellationTokenSource();
        var clock = new AtCall(2, cancel.Cancel);
        var service = new TimeEntryService(db, world.Get<EntryPostingStore>(), clock);

        var failure = await Should.ThrowAsync<Exception>(() => service.ApproveTimeEntries(ids, batchSize: 10, cancel.Token));

        failure.ShouldBeAssignableTo<OperationCanceledException>();
        db.ChangeTracker.Clear();
        var statuses = await db.Set<TimeEntry>().AsNoTracking().ToDictionaryAsync(e => e.Id, e => e.EntryStatus);
        var actuals = (await db.Set<Actual>().AsNoTracking().ToListAsync()).ToLookup(x => x.SourceEntryId!.Value);
        var unposted = (await db.Set<JournalLine>().AsNoTracking().Where(l => !l.IsPosted).ToListAsync()).ToLookup(l => l.SourceEntryId);
        var approved = ids.Where(id => statuses[id] == TimeEntryStatus.Approved).ToList();
        approved.ShouldBe(approved.Count == 0 ? [] : ids.Take(10).ToList()); // the first batch whole, or nothing
        foreach (var id in ids)
            (statuses[id], actuals[id].Count(), unposted[id].Count())
                .ShouldBe(approved.Contains(id) ? (TimeEntryStatus.Approved, 2, 0) : (TimeEntryStatus.Submitted, 0, 2), $"entry {id}");

        var again = await world.Get<TimeEntryService>().ApproveTimeEntries(ids.Except(approved).ToList(), batchSize: 10);
        (again.Approved, again.Failed).ShouldBe((30 - approved.Count, 0));
        (await db.Set<Actual>().CountAsync()).ShouldBe(60);
    }

    [Fact]
    public async Task A_batch_the_database_refuses_rolls_back_alone_the_batches_before_it_stay_and_the_rest_can_be_approved_again()
    {
        await using var world = await PostingWorld.SubmittedAsync(15);
        var (db, ids) = (world.Db, world.All);
        var service = world.Get<TimeEntryService>();
        // The first batch writes ten cost actuals; the first cost actual of the second batch is refused.
        await RefuseAsync(db, TransactionType.Cost, after: 10);

        var failure = await Should.ThrowAsync<Exception>(() => service.ApproveTimeEntries(ids, batchSize: 10));

        failure.Message.ShouldContain("refused by the test trigger");
        var approved = await db.Set<TimeEntry>().AsNoTracking().Where(e => e.EntryStatus == TimeEntryStatus.Approved).Select(e => e.Id).ToListAsync();
        approved.Order().ShouldBe(ids.Take(10).Order());
        (await db.Set<TimeEntry>().CountAsync(e => e.EntryStatus == TimeEntryStatus.Submitted)).ShouldBe(20);
        (await db.Set<Actual>().CountAsync()).ShouldBe(20);
        (await db.Set<Actual>().Select(x => x.SourceEntryId!.Value).Distinct().ToListAsync()).Order().ShouldBe(ids.Take(10).Order());
        (await db.Set<JournalLine>().CountAsync(l => !l.IsPosted)).ShouldBe(40);
        (await db.Set<TransactionOrigin>().CountAsync(o => o.TransactionType == TransactionTypes.Actual)).ShouldBe(40);

        await AllowAsync(db);
        db.ChangeTracker.Clear();
        var again = await service.ApproveTimeEntries(ids.Skip(10).ToList(), batchSize: 10);

        (again.Approved, again.Failed).ShouldBe((20, 0));
        (await db.Set<Actual>().CountAsync()).ShouldBe(60);
        (await db.Set<JournalLine>().CountAsync(l => !l.IsPosted)).ShouldBe(0);
    }

    [Fact]
    public async Task A_confirmation_the_database_refuses_in_its_third_chunk_leaves_the_invoice_draft_and_nothing_posted_and_can_be_confirmed_again()
    {
        await using var world = await PostingWorld.SubmittedAsync(15);
        var db = world.Db;
        var (invoices, draft) = await DraftedAsync(world);
        var before = await CountsAsync(db);
        // Chunks of ten details: the first two chunks write twenty billed sales; the first of the third chunk is refused.
        await RefuseAsync(db, TransactionType.BilledSales, after: 20);

        var failure = await Should.ThrowAsync<Exception>(() => invoices.ConfirmAsync(draft.Id, chunkSize: 10));

        failure.Message.ShouldContain("refused by the test trigger");
        db.ChangeTracker.Clear();
        (await CountsAsync(db)).ShouldBe(before);
        var stored = await invoices.GetAsync(draft.Id);
        (stored.Status, stored.ConfirmedOn).ShouldBe((InvoiceStatus.Draft, (DateTime?)null));
        (await db.Set<Actual>().CountAsync(x => x.TransactionType == TransactionType.UnbilledSales && x.BillingStatus == BillingStatus.CustomerInvoiceCreated))
            .ShouldBe(30);

        await AllowAsync(db);
        var confirmed = await invoices.ConfirmAsync(draft.Id, chunkSize: 10);

        confirmed.Status.ShouldBe(InvoiceStatus.Confirmed);
        (await db.Set<Actual>().CountAsync(x => x.TransactionType == TransactionType.BilledSales)).ShouldBe(30);
        (await db.Set<Actual>().CountAsync(x => x.TransactionType == TransactionType.UnbilledSales && x.BillingStatus == BillingStatus.CustomerInvoicePosted))
            .ShouldBe(60); // the originals and their reversals
        (await db.Set<TransactionOrigin>().CountAsync()).ShouldBe(before.Origins + 30 * 7);
    }

    [Fact]
    public async Task A_draft_and_a_confirmation_give_their_connection_back_with_its_own_page_cache_whether_refused_or_committed()
    {
        await using var world = await PostingWorld.SubmittedAsync(15);
        var db = world.Db;
        // Held open across the draft and the confirmations, so the connection they write on is the one read here (not another from the pool).
        await db.Database.OpenConnectionAsync();
        var sqlite = TestDatabases.Engine == Infrastructure.Storage.DatabaseEngine.Sqlite;
        var before = sqlite ? await CacheSizeAsync(db) : 0;
        await using (await Infrastructure.Storage.BulkWriteCache.EnlargeAsync(db.Database, default)) // what the draft and the confirmations hold
            if (sqlite) (await CacheSizeAsync(db)).ShouldBe(-Infrastructure.Storage.BulkWriteCache.Kibibytes);
        if (sqlite) (await CacheSizeAsync(db)).ShouldBe(before);
        var (invoices, draft) = await DraftedAsync(world);
        if (sqlite) (await CacheSizeAsync(db)).ShouldBe(before);
        await RefuseAsync(db, TransactionType.BilledSales, after: 20);

        (await Should.ThrowAsync<Exception>(() => invoices.ConfirmAsync(draft.Id, chunkSize: 10))).Message.ShouldContain("refused by the test trigger");

        db.Database.GetDbConnection().State.ShouldBe(System.Data.ConnectionState.Open);
        if (sqlite) (await CacheSizeAsync(db)).ShouldBe(before);
        await AllowAsync(db);
        (await invoices.ConfirmAsync(draft.Id, chunkSize: 10)).Status.ShouldBe(InvoiceStatus.Confirmed);
        db.Database.GetDbConnection().State.ShouldBe(System.Data.ConnectionState.Open);
        if (sqlite)
        {
            before.ShouldNotBe(-Infrastructure.Storage.BulkWriteCache.Kibibytes); // else the test could not tell
            (await CacheSizeAsync(db)).ShouldBe(before);
        }
        await db.Database.CloseConnectionAsync();
        // The confirmations closed what they opened: one close of ours closes it (EF counts opens).
        db.Database.GetDbConnection().State.ShouldBe(System.Data.ConnectionState.Closed);
    }

    /// <summary>The world's thirty entries approved and drafted into one invoice.</summary>
    private static async Task<(InvoiceService Invoices, Invoice Draft)> DraftedAsync(PostingWorld world)
    {
        (await world.Get<TimeEntryService>().ApproveTimeEntries(world.All)).Approved.ShouldBe(30);
        var invoices = world.Get<InvoiceService>();
        return (invoices, await invoices.CreateDraftAsync(new InvoiceInput(world.Alpine.Contract, new DateOnly(2018, 12, 31))));
    }

    private static async Task<long> CacheSizeAsync(PsaDb db)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA cache_size";
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    private sealed record Counts(int Actuals, int Origins, int Connections, int Posted);

    private static async Task<Counts> CountsAsync(PsaDb db) => new(
        await db.Set<Actual>().CountAsync(), await db.Set<TransactionOrigin>().CountAsync(), await db.Set<TransactionConnection>().CountAsync(),
        await db.Set<Actual>().CountAsync(x => x.BillingStatus == BillingStatus.CustomerInvoicePosted));

    /// <summary>A trigger that refuses an actual of <paramref name="type"/> once <paramref name="after"/> of them are stored.</summary>
    private static Task RefuseAsync(PsaDb db, TransactionType type, int after) => db.Database.ExecuteSqlRawAsync(TestDatabases.Engine == Infrastructure.Storage.DatabaseEngine.Sqlite
        ? $"""
           CREATE TRIGGER refuse_actual BEFORE INSERT ON "Actuals"
           WHEN NEW."TransactionType" = {(int)type} AND (SELECT count(*) FROM "Actuals" WHERE "TransactionType" = {(int)type}) >= {after}
           BEGIN SELECT RAISE(ABORT, 'refused by the test trigger'); END;
           """
        : $$"""
            CREATE FUNCTION refuse_actual() RETURNS trigger LANGUAGE plpgsql AS $body$
            BEGIN
              IF NEW."TransactionType" = {{(int)type}} AND (SELECT count(*) FROM "Actuals" WHERE "TransactionType" = {{(int)type}}) >= {{after}} THEN
                RAISE EXCEPTION 'refused by the test trigger';
              END IF;
              RETURN NEW;
            END $body$;
            CREATE TRIGGER refuse_actual BEFORE INSERT ON "Actuals" FOR EACH ROW EXECUTE FUNCTION refuse_actual();
            """);

    private static Task AllowAsync(PsaDb db) => db.Database.ExecuteSqlRawAsync(TestDatabases.Engine == Infrastructure.Storage.DatabaseEngine.Sqlite
        ? "DROP TRIGGER refuse_actual;"
        : """DROP TRIGGER refuse_actual ON "Actuals"; DROP FUNCTION refuse_actual();""");

    /// <summary>The system clock, which runs <paramref name="action"/> (once, on the calling thread) when it is read for the <paramref name="call"/>th time.</summary>
    private sealed class AtCall(int call, Action action) : TimeProvider
    {
        private int _calls;
        public bool Fired { get; private set; }

        public override DateTimeOffset GetUtcNow()
        {
            if (Interlocked.Increment(ref _calls) == call)
            {
                action();
                Fired = true;
            }
            return base.GetUtcNow();
        }
    }
}
