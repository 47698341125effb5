using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PsaBridge.Finance;
using PsaBridge.Finance.IntegrationLog;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Integration.CustomerSync;
using PsaBridge.Integration.Log;

namespace PsaBridge.Integration.Scheduling;

/// <summary>
/// Keeps two runs of one job from overlapping, wherever they are started (scheduler, API, CLI, another node): a lease row
/// in the finance database, taken with one conditional UPDATE and renewed every few seconds while the run goes on. A lease
/// belongs to a node and a process (its owner reads <c>machine/process id/process start/run</c>): one whose owner stopped
/// renewing it expires and can be taken over, and one whose process is gone from this node is taken over at once.
/// </summary>
public sealed class JobLeases(IDbContextFactory<FinanceDb> contexts, TimeProvider clock, IOptions<CustomerSyncOptions> options)
{
    /// <summary>How long a lease lasts unless renewed; a run renews it a few times within that.</summary>
    public TimeSpan Duration => TimeSpan.FromSeconds(Math.Max(5, options.Value.LeaseSeconds));

    public async Task<string> AcquireAsync(string job, string description, Guid headerId, CancellationToken ct)
    {
        var owner = $"{LeaseOwner.ThisProcess}/{Guid.NewGuid():N}";
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.Database.ExecuteSqlAsync($"INSERT INTO \"JobLeases\" (\"Job\") VALUES ({job}) ON CONFLICT (\"Job\") DO NOTHING", ct);
        if (await TakeAsync(db, job, owner, headerId, whenOwnedBy: null, ct)) return owner;
        var current = await db.JobLeases.AsNoTracking().SingleAsync(l => l.Job == job, ct);
        // Its process is gone from this node (killed, crashed): no need to wait for the lease to expire.
        if (current.Owner is { } dead && LeaseOwner.IsDeadOnThisNode(dead) && await TakeAsync(db, job, owner, headerId, dead, ct)) return owner;
        throw AlreadyRunning(description, current);
    }

    /// <summary>Refuses, as <see cref="AcquireAsync"/> would, while a run of the job holds its lease.</summary>
    public async Task EnsureNotRunningAsync(string job, string description, CancellationToken ct)
    {
        if (await CurrentAsync(job, ct) is { } current && !LeaseOwner.IsDeadOnThisNode(current.Owner!)) throw AlreadyRunning(description, current);
    }

    private static ConflictException AlreadyRunning(string description, JobLease current) => new(
        $"'{description}' is already running (started {current.AcquiredAt:yyyy-MM-dd HH:mm:ss} UTC by {current.Owner?.Split('/')[0]}, log {current.HeaderId}). " +
        "Two runs never overlap: wait for it to finish, then run again.");

    /// <summary>Takes the lease when it is free or expired, or when <paramref name="whenOwnedBy"/> holds it.</summary>
    private async Task<bool> TakeAsync(FinanceDb db, string job, string owner, Guid headerId, string? whenOwnedBy, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var expires = now + Duration;
        var leases = db.JobLeases.Where(l => l.Job == job);
        leases = whenOwnedBy is null ? leases.Where(l => l.Owner == null || l.ExpiresAt < now) : leases.Where(l => l.Owner == whenOwnedBy);
        return await leases.ExecuteUpdateAsync(s => s
            .SetProperty(l => l.Owner, owner).SetProperty(l => l.AcquiredAt, now).SetProperty(l => l.ExpiresAt, expires).SetProperty(l => l.HeaderId, headerId), ct) == 1;
    }

    /// <summary>Extends the lease on a connection of its own (between pages); false when it was lost.</summary>
    public async Task<bool> RenewAsync(string job, string owner, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await RenewInAsync(db, job, owner, ct);
    }

    /// <summary>
    /// Extends the lease inside the caller's open transaction (a page of the run), so the page commits only while its run
    /// still holds the lease: false when it was lost (expired and taken by another run), and the caller rolls the page back.
    /// </summary>
    public async Task<bool> RenewInAsync(FinanceDb db, string job, string owner, CancellationToken ct)
    {
        var expires = clock.GetUtcNow().UtcDateTime + Duration;
        return await db.JobLeases.Where(l => l.Job == job && l.Owner == owner).ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, expires), ct) == 1;
    }

    public async Task ReleaseAsync(string job, string owner)
    {
        await using var db = await contexts.CreateDbContextAsync();
        await db.JobLeases.Where(l => l.Job == job && l.Owner == owner).ExecuteUpdateAsync(s => s
            .SetProperty(l => l.Owner, (string?)null).SetProperty(l => l.ExpiresAt, (DateTime?)null).SetProperty(l => l.HeaderId, (Guid?)null));
    }

    /// <summary>The lease of a run going on, if any: held and not expired.</summary>
    public async Task<JobLease?> CurrentAsync(string job, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.JobLeases.AsNoTracking().SingleOrDefaultAsync(l => l.Job == job && l.Owner != null && l.ExpiresAt > now, ct);
    }

    /// <summary>
    /// At a node's start: releases the leases its processes held and died with, and marks their runs interrupted, so the
    /// next run need not wait for them to expire. Returns how many it released.
    /// </summary>
    public async Task<int> ReleaseDeadOfThisNodeAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var held = await db.JobLeases.AsNoTracking().Where(l => l.Owner != null).ToListAsync(ct);
        var released = 0;
        foreach (var lease in held.Where(l => LeaseOwner.IsDeadOnThisNode(l.Owner!)))
        {
            if (lease.HeaderId is { } header) await RunLog.MarkInterruptedAsync(db, header, ct);
            released += await db.JobLeases.Where(l => l.Job == lease.Job && l.Owner == lease.Owner).ExecuteUpdateAsync(s => s
                .SetProperty(l => l.Owner, (string?)null).SetProperty(l => l.ExpiresAt, (DateTime?)null).SetProperty(l => l.HeaderId, (Guid?)null), ct);
        }
        return released;
    }
}

/// <summary>Who holds a lease: <c>machine/process id/process start ticks</c>, then the run's own id.</summary>
public static class LeaseOwner
{
    public static string ThisProcess { get; } = Of(Process.GetCurrentProcess());

    private static string Of(Process process) =>
        $"{Environment.MachineName}/{process.Id}/{process.StartTime.ToUniversalTime().Ticks}";

    /// <summary>Whether the owner names a process of this machine that is no longer running (its id gone, or reused by another).</summary>
    public static bool IsDeadOnThisNode(string owner)
    {
        var parts = owner.Split('/');
        if (parts.Length < 3 || parts[0] != Environment.MachineName || !int.TryParse(parts[1], out var pid)) return false;
        if (owner.StartsWith(ThisProcess + "/", StringComparison.Ordinal)) return false;
        try
        {
            using var process = Process.GetProcessById(pid);
            return !long.TryParse(parts[2], out var started) || Of(process) != $"{parts[0]}/{pid}/{started}";
        }
        catch (ArgumentException)
        {
            return true; // no such process
        }
        catch (InvalidOperationException)
        {
            return true; // it exited meanwhile
        }
    }
}
