using Microsoft.EntityFrameworkCore;
using PsaBridge.Psa.Actuals;
using PsaBridge.Psa.Invoicing;
using PsaBridge.Psa.Journals;
using PsaBridge.Psa.Time;
using PsaBridge.Testing;

namespace PsaBridge.Psa.Tests.Actuals;

/// <summary>The bulk paths (approval in batches, confirming a large invoice) post exactly what the one-entry paths post.</summary>
[Collection(ReaderSlots.Name)]
[Trait("Engine", "Both")]
public sealed class BulkPostingTests
{
    private const int Count = 2_500;

    [Fact]
    public async Task Approving_2500_entries_in_bulk_posts_exactly_what_approving_them_one_by_one_posts()
    {
        await using var world = await PostingWorld.SubmittedAsync(Count);
        var (db, bulk, single) = (world.Db, world.A, world.B);
        var service = world.Get<TimeEntryService>();
        var draft = await service.CreateAsync(new TimeEntryInput(new DateOnly(2018, 3, 1), 60, world.Alpine.Ashley, world.Alpine.Project));
        var unknown = Guid.CreateVersion7();

        // Three batches of 1,000 (each next one read and planned on a second connection while the one before is
        // written), with a draft and an unknown id in the second: those two fail alone.
        var report = await service.ApproveTimeEntries([.. bulk.Take(1_200), draft.Id, unknown, .. bulk.Skip(1_200)], batchSize: 1_000);
        foreach (var id in single) (await service.ApproveTimeEntries([id])).Approved.ShouldBe(1);

        (report.Requested, report.Approved, report.Failed).ShouldBe((Count + 2, Count, 2));
        report.Results.Single(r => r.Id == draft.Id).Error.ShouldBe($"Time entry '{draft.Id}' is Draft; only a submitted entry can be approved.");
        report.Results.Single(r => r.Id == unknown).Error.ShouldBe($"Time entry '{unknown}' was not found.");
        var actuals = (await db.Set<Actual>().AsNoTracking().ToListAsync()).ToLookup(a => a.SourceEntryId!.Value);
        var origins = (await db.Set<TransactionOrigin>().AsNoTracking().Where(o => o.TransactionType == TransactionTypes.Actual).ToListAsync()).ToLookup(o => o.TransactionId);
        var connections = (await db.Set<TransactionConnection>().AsNoTracking().Where(c => c.Transaction1Type == TransactionTypes.Actual).ToListAsync())
            .ToDictionary(c => c.Transaction1Id);
        var lines = (await db.Set<JournalLine>().AsNoTracking().ToListAsync()).ToLookup(l => l.SourceEntryId);
        for (var i = 0; i < Count; i++)
        {
            var posted = Posted(bulk[i]);
            posted.ShouldBe(Posted(single[i]), $"entry {i}");
            actuals[bulk[i]].Select(a => a.TransactionType).Order().ShouldBe([TransactionType.Cost, TransactionType.UnbilledSales]);
        }
        (await db.Set<TimeEntry>().CountAsync(e => e.EntryStatus == TimeEntryStatus.Approved)).ShouldBe(2 * Count);
        (await db.Set<Journal>().CountAsync(j => !j.IsPosted)).ShouldBe(0);
        (await db.Set<JournalLine>().CountAsync(l => !l.IsPosted)).ShouldBe(0);
        (await db.Set<TimeEntry>().AsNoTracking().SingleAsync(e => e.Id == draft.Id)).EntryStatus.ShouldBe(TimeEntryStatus.Draft);

        // Every column of each actual but its id, times and entry; its origins (the entry, its journal line); its connection.
        List<string> Posted(Guid entry) => actuals[entry].OrderBy(a => a.TransactionType).Select(a =>
        {
            var line = lines[entry].Single(l => l.TransactionType == a.TransactionType);
            origins[a.Id].Select(o => (o.OriginType, o.OriginId)).Order().ShouldBe(new[] { (TransactionTypes.JournalLine, line.Id), (TransactionTypes.TimeEntry, entry) }.Order());
            var connection = connections.GetValueOrDefault(a.Id);
            return $"{a.TransactionType} {a.TransactionClass} {a.BillingType} {a.DocumentDate} {a.AccountingDate} {a.Quantity} {a.Unit} {a.UnitPrice} {a.Amount} " +
                   $"{a.Currency} {a.AmountMethod} {a.PriceListId} {a.ProjectId} {a.TaskId} {a.ResourceId} {a.RoleId} {a.ResourceOrganizationalUnitId} " +
                   $"{a.ContractOrganizationalUnitId} {a.TransactionCategoryId} {a.CustomerId} {a.ContractId} {a.ContractLineId} {a.Description} {a.BillingStatus} " +
                   $"{a.AdjustmentStatus} {a.InvoiceId} | {connection?.Transaction1Role}>{connection?.Transaction2Role}:" +
                   $"{(connection is null ? "" : actuals[entry].Single(x => x.Id == connection.Transaction2Id).TransactionType)}";
        }).ToList();
    }

    [Fact]
    public async Task Confirming_an_invoice_over_5000_unbilled_actuals_reverses_and_bills_every_one()
    {
        await using var world = await PostingWorld.SubmittedAsync(Count);
        var db = world.Db;
        (await world.Get<TimeEntryService>().ApproveTimeEntries(world.All)).Approved.ShouldBe(2 * Count);
        var invoices = world.Get<InvoiceService>();
        var unbilled = await db.Set<Actual>().AsNoTracking().Where(x => x.TransactionType == TransactionType.UnbilledSales).ToDictionaryAsync(x => x.Id);

        var draft = await invoices.CreateDraftAsync(new InvoiceInput(world.Alpine.Contract, new DateOnly(2018, 12, 31)));
        if (TestDatabases.Engine == Infrastructure.Storage.DatabaseEngine.PostgreSql)
        {
            // The draft refreshed the planner's statistics: half the actuals now have an invoice (none had before it).
            var invoiceNulls = await db.Database.SqlQueryRaw<float>(
                "SELECT null_frac AS \"Value\" FROM pg_stats WHERE tablename = 'Actuals' AND attname = 'InvoiceId'").SingleAsync();
            invoiceNulls.ShouldBe(0.5f, 0.01f);
        }
        var confirmed = await invoices.ConfirmAsync(draft.Id, chunkSize: 1_500); // four chunks, planned on a second connection while written

        var details = draft.Lines.ShouldHaveSingleItem().Details;
        details.Count.ShouldBe(2 * Count);
        draft.TotalAmount.ShouldBe(unbilled.Values.Sum(x => x.Amount));
        confirmed.Status.ShouldBe(InvoiceStatus.Confirmed);
        confirmed.ConfirmedOn.ShouldNotBeNull();
        var stored = await invoices.GetAsync(draft.Id);
        (stored.Status, stored.TotalAmount, stored.Lines.Single().Details.Count).ShouldBe((InvoiceStatus.Confirmed, draft.TotalAmount, 2 * Count));

        var all = await db.Set<Actual>().AsNoTracking().Where(x => x.TransactionType != TransactionType.Cost).ToListAsync();
        var connections = (await db.Set<TransactionConnection>().AsNoTracking().ToListAsync()).ToLookup(c => c.Transaction1Id);
        var origins = (await db.Set<TransactionOrigin>().AsNoTracking().ToListAsync()).ToLookup(o => o.TransactionId);
        all.Count.ShouldBe(3 * 2 * Count);
        foreach (var original in unbilled.Values)
        {
            var stillThere = all.Single(x => x.Id == original.Id);
            (stillThere.BillingStatus, stillThere.InvoiceId, stillThere.Amount).ShouldBe((BillingStatus.CustomerInvoicePosted, draft.Id, original.Amount));
        }
        foreach (var reversal in all.Where(x => x.TransactionType == TransactionType.UnbilledSales && x.DocumentDate == new DateOnly(2018, 12, 31)))
        {
            var connection = connections[reversal.Id].ShouldHaveSingleItem();
            connection.Transaction1Role.ShouldBe(ConnectionRoles.Reversing);
            var original = unbilled[connection.Transaction2Id];
            (reversal.Quantity, reversal.UnitPrice, reversal.Amount, reversal.BillingStatus, reversal.InvoiceId)
                .ShouldBe((-original.Quantity, original.UnitPrice, -original.Amount, BillingStatus.CustomerInvoicePosted, draft.Id));
            origins[reversal.Id].Select(o => o.OriginType).Order().ShouldBe([TransactionTypes.JournalLine, TransactionTypes.TimeEntry]);
        }
        var billed = all.Where(x => x.TransactionType == TransactionType.BilledSales).ToList();
        billed.Count.ShouldBe(2 * Count);
        foreach (var actual in billed)
        {
            var connection = connections[actual.Id].ShouldHaveSingleItem();
            connection.Transaction1Role.ShouldBe(ConnectionRoles.BilledSales);
            var original = unbilled[connection.Transaction2Id];
            (actual.DocumentDate, actual.Quantity, actual.UnitPrice, actual.Amount, actual.BillingStatus, actual.SourceEntryId)
                .ShouldBe((new DateOnly(2018, 12, 31), original.Quantity, original.UnitPrice, original.Amount, BillingStatus.CustomerInvoicePosted, original.SourceEntryId));
            origins[actual.Id].Select(o => o.OriginType).Order(StringComparer.Ordinal)
                .ShouldBe(["invoice", "invoicedetail", "msdyn_invoicelinetransaction", "msdyn_journalline", "msdyn_timeentry"]);
        }
        billed.Sum(x => x.Amount).ShouldBe(draft.TotalAmount);
        await Should.ThrowAsync<PsaBridge.Infrastructure.Validation.ConflictException>(() => invoices.ConfirmAsync(draft.Id));
    }

    [Fact]
    public async Task With_no_second_connection_free_approval_and_confirmation_plan_each_batch_on_their_own_and_post_the_same()
    {
        await using var world = await PostingWorld.SubmittedAsync(15);
        var db = world.Db;
        // Every reader slot this process has (nothing else runs beside this collection): none is left for the bulk paths.
        var held = new List<PsaDb>();
        try
        {
            while (db.TryOpenReader() is { } reader) held.Add(reader);
            held.Count.ShouldBe(PsaDb.MaxReaders);

            var report = await world.Get<TimeEntryService>().ApproveTimeEntries(world.All, batchSize: 10);
            var invoices = world.Get<InvoiceService>();
            var draft = await invoices.CreateDraftAsync(new InvoiceInput(world.Alpine.Contract, new DateOnly(2018, 12, 31)));
            var confirmed = await invoices.ConfirmAsync(draft.Id, chunkSize: 10);

            (report.Approved, report.Failed).ShouldBe((30, 0));
            (confirmed.Status, confirmed.Lines.Single().Details.Count).ShouldBe((InvoiceStatus.Confirmed, 30));
            var actuals = await db.Set<Actual>().AsNoTracking().ToListAsync();
            actuals.CountBy(x => (x.TransactionType, x.BillingStatus)).OrderBy(x => x.Key.TransactionType).ThenBy(x => x.Key.BillingStatus).ShouldBe([
                new((TransactionType.Cost, null), 30),
                new((TransactionType.UnbilledSales, BillingStatus.CustomerInvoicePosted), 60),
                new((TransactionType.BilledSales, BillingStatus.CustomerInvoicePosted), 30),
            ]);
            actuals.Where(x => x.TransactionType == TransactionType.BilledSales).Sum(x => x.Amount).ShouldBe(draft.TotalAmount);
            (await db.Set<TransactionOrigin>().CountAsync(o => o.TransactionType == TransactionTypes.Actual)).ShouldBe(60 * 2 + 30 * 7);
        }
        finally
        {
            foreach (var reader in held) await reader.DisposeAsync();
        }
    }
}
