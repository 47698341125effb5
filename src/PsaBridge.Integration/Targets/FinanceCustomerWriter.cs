using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using PsaBridge.Finance;
using PsaBridge.Finance.AddressSetup;
using PsaBridge.Finance.Customers;
using PsaBridge.Finance.IntegrationLog;
using PsaBridge.Finance.NumberSequences;
using PsaBridge.Infrastructure.Storage;
using PsaBridge.Integration.CustomerSync;
using PsaBridge.Integration.Scheduling;

namespace PsaBridge.Integration.Targets;

/// <summary>
/// Writes one page of the sync into finance in one transaction: customers, created zip codes, log lines, the failure
/// list, the header's counts and the watermark, then renews the run's lease in it. No change tracking: new rows go
/// through the entity bulk copy, changes through set-based statements. Without <c>customers</c> it writes the log's part
/// alone (the customers went to a remote target).
/// </summary>
public sealed class FinanceCustomerWriter(FinanceDb db, NumberSequenceAllocator numbers, JobLeases leases, string leaseOwner, string sequence,
    bool continuous, WrittenRows statistics, bool customers = true) : ICustomerPageWrite
{
    private const string Job = SynchronizeCustomers.Job;
    private IDbContextTransaction? _tx;

    public async Task<ReservedNumbers> ReserveNumbersAsync(int count, CancellationToken ct)
    {
        // A continuous sequence numbers inside the page's transaction (a rollback leaves no gap), and so does any where the
        // page's transaction holds the store's only writer; any other takes its block committed on its own first, so the
        // page's transaction never holds the sequence other writers wait on.
        if (NumberSequenceAllocator.TakesInCallersTransaction(db, continuous)) await BeginAsync(ct);
        var block = await numbers.TakeAsync(db, sequence, count, ct);
        // A format has one run of '#' (NumberFormat.Problem), so a block's numbers have one width and sort as their numbers
        // do: the customers holding any of them are among those from its first to its last, one range of the key.
        var (first, last) = (block[0], block[block.Count - 1]);
        var taken = await db.Customers.AsNoTracking()
            .Where(x => string.Compare(x.CustomerAccount, first) >= 0 && string.Compare(x.CustomerAccount, last) <= 0)
            .Select(x => x.CustomerAccount).ToListAsync(ct);
        return new ReservedNumbers(block, taken.ToHashSet(StringComparer.OrdinalIgnoreCase));
    }

    public async Task WriteAsync(PageOutcome outcome, IntegrationLogHeader header, long? watermark, string? position, DateTime now, CancellationToken ct)
    {
        await BeginAsync(ct);
        if (customers) await WriteCustomersAsync(outcome, now, ct);
        await BulkInsert.InsertEntitiesAsync(db, outcome.Lines, ct);
        await WriteLogAsync(outcome, header, watermark, position, now, ct);
    }

    private async Task WriteCustomersAsync(PageOutcome outcome, DateTime now, CancellationToken ct)
    {
        await BulkInsert.InsertEntitiesAsync(db, outcome.ZipCodes.Select(z => new ZipCode
            { Id = Guid.NewGuid(), CountryId = z.CountryId, Code = z.Code, StateId = z.StateId, City = z.City, CreatedBySyncAt = now }).ToList(), ct);
        await BulkInsert.InsertEntitiesAsync(db, outcome.Created, ct);
        foreach (var c in outcome.Updated)
            await db.Customers.Where(x => x.CustomerAccount == c.CustomerAccount && x.PsaAccountId == c.PsaAccountId).ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Name, c.Name).SetProperty(x => x.RelationType, c.RelationType).SetProperty(x => x.CustomerGroupId, c.CustomerGroupId)
                .SetProperty(x => x.Currency, c.Currency).SetProperty(x => x.PaymentTerms, c.PaymentTerms).SetProperty(x => x.CreditLimit, c.CreditLimit)
                .SetProperty(x => x.Phone, c.Phone).SetProperty(x => x.Email, c.Email).SetProperty(x => x.Address.Street, c.Address.Street)
                .SetProperty(x => x.Address.City, c.Address.City).SetProperty(x => x.Address.State, c.Address.State)
                .SetProperty(x => x.Address.County, c.Address.County).SetProperty(x => x.Address.ZipCode, c.Address.ZipCode)
                .SetProperty(x => x.Address.CountryRegion, c.Address.CountryRegion).SetProperty(x => x.ModifiedAt, c.ModifiedAt), ct);
    }

    private async Task WriteLogAsync(PageOutcome outcome, IntegrationLogHeader header, long? watermark, string? position, DateTime now, CancellationToken ct)
    {
        await WriteFailuresAsync(outcome, now, ct);
        // The page's writes reached the remote target: its intents end with the commit that logs them.
        if (!customers) await db.SyncIntents.Where(i => i.Job == Job && i.HeaderId == header.Id).ExecuteDeleteAsync(ct);
        if (watermark is { } version)
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO \"SyncWatermarks\" (\"Job\", \"LastVersion\", \"Position\", \"UpdatedAt\") VALUES ({Job}, {version}, {position}, {now}) ON CONFLICT (\"Job\") DO UPDATE SET \"LastVersion\" = excluded.\"LastVersion\", \"Position\" = excluded.\"Position\", \"UpdatedAt\" = excluded.\"UpdatedAt\"", ct);
        await db.IntegrationLogHeaders.Where(x => x.Id == header.Id).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.ReadCount, header.ReadCount).SetProperty(x => x.CreatedCount, header.CreatedCount).SetProperty(x => x.UpdatedCount, header.UpdatedCount)
            .SetProperty(x => x.UnchangedCount, header.UnchangedCount).SetProperty(x => x.FailedCount, header.FailedCount)
            .SetProperty(x => x.ZipCodesCreatedCount, header.ZipCodesCreatedCount).SetProperty(x => x.DurationMs, header.DurationMs), ct);
        statistics.Add(outcome.Lines.Count);
    }

    /// <summary>
    /// Failures cleared in one statement, then recorded: a first failure as a new row, one more as an update of its row
    /// (an update that finds none records a first failure: it was cleared meanwhile). Cleared before recorded, the order a
    /// page plans them in for an account that went through and then failed.
    /// </summary>
    private async Task WriteFailuresAsync(PageOutcome outcome, DateTime now, CancellationToken ct)
    {
        if (outcome.Cleared.Count > 0)
        {
            var cleared = outcome.Cleared.ToArray();
            await db.SyncFailures.Where(f => f.Job == Job && EF.Parameter(cleared).Contains(f.PsaAccountId)).ExecuteDeleteAsync(ct);
        }
        var first = new List<SyncFailure>();
        foreach (var f in outcome.Failures)
        {
            if (f.RecordedBefore && await db.SyncFailures.Where(x => x.Job == Job && x.PsaAccountId == f.PsaAccountId).ExecuteUpdateAsync(s => s
                    .SetProperty(x => x.PsaVersion, f.PsaVersion).SetProperty(x => x.Attempts, x => x.Attempts + 1).SetProperty(x => x.LastFailedAt, now)
                    .SetProperty(x => x.LastMessages, f.Messages).SetProperty(x => x.SetupVersion, f.SetupVersion), ct) == 1) continue;
            first.Add(new SyncFailure
            {
                Job = Job, PsaAccountId = f.PsaAccountId, PsaVersion = f.PsaVersion, Attempts = 1, FirstFailedAt = now, LastFailedAt = now,
                LastMessages = f.Messages, SetupVersion = f.SetupVersion,
            });
        }
        await BulkInsert.InsertEntitiesAsync(db, first, ct);
    }

    public async Task<bool> CommitAsync(CancellationToken ct)
    {
        await BeginAsync(ct);
        // In the page's transaction, last: on PostgreSQL the lease row stays locked from here to the commit.
        if (!await leases.RenewInAsync(db, Job, leaseOwner, ct)) return false;
        await _tx!.CommitAsync(ct);
        await statistics.RefreshAsync(db, ct);
        return true;
    }

    private async Task BeginAsync(CancellationToken ct) => _tx ??= await db.Database.BeginTransactionAsync(ct);

    public async ValueTask DisposeAsync()
    {
        if (_tx is not null) await _tx.DisposeAsync();
        await db.DisposeAsync();
    }
}

/// <summary>
/// Rows a run has written, so that on PostgreSQL the planner's statistics of the tables the pages look up in are
/// refreshed each time the run has doubled what they held: a big first run fills an empty table faster than autovacuum
/// analyzes it, and the pages' lookups should not be planned for an empty table.
/// </summary>
public sealed class WrittenRows
{
    private int _sinceRefresh, _atRefresh;

    public void Add(int rows) => _sinceRefresh += rows;

    public async Task RefreshAsync(FinanceDb db, CancellationToken ct)
    {
        if (_sinceRefresh < Math.Max(10_000, _atRefresh)) return;
        await db.Database.RefreshStatisticsAsync(["Customers", "SyncFailures"], ct);
        _atRefresh += _sinceRefresh;
        _sinceRefresh = 0;
    }
}
