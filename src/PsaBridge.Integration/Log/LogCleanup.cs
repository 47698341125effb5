using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PsaBridge.Finance;
using PsaBridge.Finance.IntegrationLog;
using PsaBridge.Infrastructure.Validation;

namespace PsaBridge.Integration.Log;

/// <summary><c>PsaBridge:IntegrationLog:RetentionDays</c>: the age from which the log may be cleaned up (the cleanup's default).</summary>
public sealed class IntegrationLogOptions
{
    public const string Section = "PsaBridge:IntegrationLog";
    public const int MaxRetentionDays = 3650;

    public int RetentionDays { get; set; } = 90;
}

/// <summary>What a cleanup removed.</summary>
public sealed record CleanupResult(DateTime Before, int Runs, int Lines);

/// <summary>
/// Deletes integration log older than an age, but never an account's latest line: it is that account's last word (the
/// error an operator must still see, or its history), so a run that holds one keeps that line and its header.
/// </summary>
public sealed class LogCleanup(FinanceDb db, TimeProvider clock, IOptions<IntegrationLogOptions> options)
{
    public int DefaultDays => options.Value.RetentionDays;

    public async Task<CleanupResult> DeleteOlderThanAsync(int? days, CancellationToken ct = default)
    {
        var age = days ?? DefaultDays;
        new Rules().Range("days", age, 1, IntegrationLogOptions.MaxRetentionDays).ThrowIfAny();
        var before = clock.GetUtcNow().UtcDateTime.AddDays(-age);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var old = db.IntegrationLogHeaders.Where(h => h.ExecutionDate < before && h.Status != IntegrationStatus.Running);
        // A line is superseded when the same account has a line in a later run.
        var lines = await db.IntegrationLogLines
            .Where(l => old.Any(h => h.Id == l.HeaderId))
            .Where(l => db.IntegrationLogLines.Any(later => later.PsaAccountId == l.PsaAccountId
                && db.IntegrationLogHeaders.Any(h => h.Id == later.HeaderId
                    && h.ExecutionDate > db.IntegrationLogHeaders.Where(o => o.Id == l.HeaderId).Select(o => o.ExecutionDate).First())))
            .ExecuteDeleteAsync(ct);
        var runs = await old.Where(h => !db.IntegrationLogLines.Any(l => l.HeaderId == h.Id)).ExecuteDeleteAsync(ct);
        await tx.CommitAsync(ct);
        return new CleanupResult(before, runs, lines);
    }
}
