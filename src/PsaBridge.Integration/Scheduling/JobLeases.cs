using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using PsaBridge.Finance;
using PsaBridge.Infrastructure.Storage;
using PsaBridge.Infrastructure.Validation;
using Microsoft.Extensions.Options;
using PsaBridge.Integration.CustomerSync;

namespace PsaBridge.Integration.Scheduling;

/// <summary>
/// Keeps two runs of one job from overlapping, wherever they are started (scheduler, API, CLI,
/// another node): a lease row in the finance database, taken with one conditional UPDATE and
/// renewed as the run goes. A lease whose holder died expires and can be taken over.
/// </summary>
public sealed class JobLeases(IDbContextFactory<FinanceDb> contexts, TimeProvider clock, IOptions<CustomerSyncOptions> options)
{
    /// <summary>How long a lease lasts unless renewed; a run renews it with every page it writes.</summary>
    public TimeSpan Duration => TimeSpan.FromSeconds(Math.Max(5, options.Value.LeaseSeconds));

    public async Task<string> AcquireAsync(string job, string description, Guid headerId, CancellationToken ct)
    {
        var owner = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Database.ExecuteSqlAsync($"INSERT INTO \"JobLeases\" (\"Job\") VALUES ({job}) ON CONFLICT (\"Job\") DO NOTHING", ct);
        var expires = now + Duration;
        var taken = await db.JobLeases.Where(l => l.Job == job && (l.Owner == null || l.ExpiresAt < now)).ExecuteUpdateAsync(s => s
            .SetProperty(l => l.Owner, owner).SetProperty(l => l.AcquiredAt, now).SetProperty(l => l.ExpiresAt, expires).SetProperty(l => l.HeaderId, headerId), ct);
        if (taken == 1) return owner;
        var current = await db.JobLeases.AsNoTracking().SingleAsync(l => l.Job == job, ct);
        throw new ConflictException(
            $"'{description}' is already running (started {current.AcquiredAt:yyyy-MM-dd HH:mm:ss} UTC by {current.Owner?.Split('/')[0]}, log {current.HeaderId}). " +
            "Two runs never overlap: wait for it to finish, then run again.");
    }

    /// <summary>
    /// Extends the lease inside the caller's open transaction (a page of the run), so the page commits only while its run
    /// still holds the lease: false when it was lost (expired and taken by another run), and the caller rolls the page
    /// back. One statement in a transaction already open, not a commit of its own (a page is a few milliseconds).
    /// </summary>
    public async Task<bool> RenewAsync(FinanceDb db, string job, string owner, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("A lease is renewed inside the transaction of the work it guards; none is open.");
        var expires = clock.GetUtcNow().UtcDateTime + Duration;
        return await db.JobLeases.Where(l => l.Job == job && l.Owner == owner).ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, expires), ct) == 1;
    }

    public async Task ReleaseAsync(string job, string owner)
    {
        await using var db = await contexts.CreateDbContextAsync();
        await db.JobLeases.Where(l => l.Job == job && l.Owner == owner).ExecuteUpdateAsync(s => s
            .SetProperty(l => l.Owner, (string?)null).SetProperty(l => l.ExpiresAt, (DateTime?)null).SetProperty(l => l.HeaderId, (Guid?)null));
    }

    public async Task<PsaBridge.Finance.IntegrationLog.JobLease?> CurrentAsync(string job, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.JobLeases.AsNoTracking().SingleOrDefaultAsync(l => l.Job == job && l.Owner != null && l.ExpiresAt > now, ct);
    }
}
