using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PsaBridge.Finance;
using PsaBridge.Finance.IntegrationLog;
using PsaBridge.Finance.NumberSequences;
using PsaBridge.Infrastructure.Storage;
using PsaBridge.Integration.CustomerSync;
using PsaBridge.Integration.Log;
using PsaBridge.Integration.Scheduling;
using PsaBridge.Integration.Sources;

namespace PsaBridge.Integration.Targets;

/// <summary>
/// The finance database as the customer sync's target: customers, and beside them the integration log, the lease, the
/// failures and the watermark, a page's rows in one transaction (<see cref="FinanceCustomerWriter"/>).
/// </summary>
public sealed class FinanceCustomerTarget(
    IDbContextFactory<FinanceDb> contexts,
    NumberSequenceAllocator numbers,
    JobLeases leases,
    FinanceReferenceCache referenceCache,
    IOptions<CustomerSyncOptions> options) : ICustomerTarget
{
    private const string Job = SynchronizeCustomers.Job;

    public async Task<string> StartRunAsync(IntegrationLogHeader header, CancellationToken ct)
    {
        var owner = await leases.AcquireAsync(Job, header.JobDescription, header.Id, ct);
        try
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            // Any header still Running belongs to a run that died (we hold the lease now).
            await RunLog.MarkInterruptedAsync(db, null, ct);
            db.IntegrationLogHeaders.Add(header);
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            await leases.ReleaseAsync(Job, owner);
            throw;
        }
        return owner;
    }

    public Task<bool> KeepRunAliveAsync(string leaseOwner, CancellationToken ct) => leases.RenewAsync(Job, leaseOwner, ct);

    public async Task FinishRunAsync(IntegrationLogHeader header, string leaseOwner)
    {
        await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
        await db.IntegrationLogHeaders.Where(h => h.Id == header.Id).ExecuteUpdateAsync(s => s
            .SetProperty(h => h.Status, header.Status).SetProperty(h => h.FinishedAt, header.FinishedAt)
            .SetProperty(h => h.DurationMs, header.DurationMs).SetProperty(h => h.Message, header.Message), CancellationToken.None);
        await leases.ReleaseAsync(Job, leaseOwner);
    }

    public async Task<TargetStart> ReadStartAsync(bool full, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var setupVersion = await db.Database.SqlQueryRaw<long>("SELECT \"Version\" AS \"Value\" FROM \"FinanceSetupVersion\" WHERE \"Id\" = 1").SingleAsync(ct);
        var mark = full ? null : await db.SyncWatermarks.AsNoTracking().Where(w => w.Job == Job).Select(w => new { w.LastVersion, w.Position }).FirstOrDefaultAsync(ct);
        var failuresBefore = await db.SyncFailures.AnyAsync(f => f.Job == Job, ct);
        var numbering = await db.NumberSequences.AsNoTracking().Where(s => s.Code == options.Value.NumberSequence)
            .Select(s => new NumberingUse(s.Continuous, s.Format)).FirstOrDefaultAsync(ct);
        _continuous = numbering?.Continuous ?? false;
        return new TargetStart(setupVersion, mark?.LastVersion ?? 0, failuresBefore, numbering, Position: mark?.Position);
    }

    public async Task<RunReference> ReferenceAsync(TargetStart start, bool dryRun, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var kept = dryRun ? null : referenceCache.Take(start.SetupVersion, await db.ZipCodes.LongCountAsync(ct));
        return kept ?? new RunReference(await FinanceReferenceLoader.LoadAsync(db, ct), []);
    }

    public async Task KeepReferenceAsync(RunReference reference, TargetStart start, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        referenceCache.Keep(reference, start.SetupVersion, await db.ZipCodes.LongCountAsync(ct));
    }

    public async Task PrefetchAsync(RunReference reference, IReadOnlyList<PsaAccountRecord> page, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await FinanceReferenceLoader.PrefetchAsync(db, reference.Reference, reference.LoadedCountries, page, ct);
    }

    public async Task<List<Guid>> FailedAccountsAsync(long? setupVersion, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.SyncFailures.Where(f => f.Job == Job && (setupVersion == null || f.SetupVersion != setupVersion)).Select(f => f.PsaAccountId).ToListAsync(ct);
    }

    public async Task ForgetFailuresAsync(IReadOnlyCollection<Guid> accounts, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var ids = accounts.ToArray();
        await db.SyncFailures.Where(f => f.Job == Job && EF.Parameter(ids).Contains(f.PsaAccountId)).ExecuteDeleteAsync(ct);
    }

    public async Task<int> CountWaitingFailuresAsync(long setupVersion, DateTime before, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.SyncFailures.CountAsync(f => f.Job == Job && f.SetupVersion == setupVersion && f.LastFailedAt < before, ct);
    }

    public async Task<FoundInFinance> FindAsync(IReadOnlyList<PsaAccountRecord> page, IReadOnlyCollection<string> numbers, bool failures, int afterPages,
        CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var ids = page.Select(a => a.Id).ToArray();
        var byPsaId = (await db.Customers.AsNoTracking().Where(x => EF.Parameter(ids).Contains(x.PsaAccountId!.Value)).ToListAsync(ct))
            .ToDictionary(x => x.PsaAccountId!.Value);
        var accounts = numbers.ToArray();
        var byNumber = (await db.Customers.AsNoTracking().Where(x => EF.Parameter(accounts).Contains(x.CustomerAccount))
                .Select(x => new { x.CustomerAccount, x.PsaAccountId, x.Name }).ToListAsync(ct))
            .ToDictionary(x => x.CustomerAccount, x => new CustomerHolder(x.Name, x.PsaAccountId), StringComparer.OrdinalIgnoreCase);
        // Which of the page's accounts failed last time: their failure is cleared when they go through.
        var failedBefore = failures ? await FailedAmongAsync(db, ids, ct) : [];
        return new FoundInFinance(byPsaId, byNumber, failedBefore, afterPages);
    }

    /// <summary>The accounts of a page whose last attempt failed.</summary>
    public async Task<HashSet<Guid>> FailedAmongAsync(IReadOnlyList<PsaAccountRecord> page, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await FailedAmongAsync(db, page.Select(a => a.Id).ToArray(), ct);
    }

    private static async Task<HashSet<Guid>> FailedAmongAsync(FinanceDb db, Guid[] ids, CancellationToken ct) =>
        (await db.SyncFailures.AsNoTracking().Where(f => f.Job == Job && EF.Parameter(ids).Contains(f.PsaAccountId))
            .Select(f => f.PsaAccountId).ToListAsync(ct)).ToHashSet();

    public async Task<ICustomerPageWrite> BeginPageAsync(string leaseOwner, CancellationToken ct) =>
        new FinanceCustomerWriter(await contexts.CreateDbContextAsync(ct), numbers, leases, leaseOwner, options.Value.NumberSequence, _continuous, _statistics);

    /// <summary>A page's unit of work for the log's part alone: its customers went to a remote target.</summary>
    public async Task<FinanceCustomerWriter> BeginLogPageAsync(string leaseOwner, CancellationToken ct) =>
        new(await contexts.CreateDbContextAsync(ct), numbers, leases, leaseOwner, options.Value.NumberSequence, _continuous, _statistics, customers: false);

    // What a run's pages share: how its sequence numbers, and what it has written (for PostgreSQL's statistics).
    private bool _continuous;
    private readonly WrittenRows _statistics = new();
}
