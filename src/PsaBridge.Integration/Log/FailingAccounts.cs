using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PsaBridge.Finance;
using PsaBridge.Finance.IntegrationLog;
using PsaBridge.Integration.CustomerSync;

namespace PsaBridge.Integration.Log;

/// <summary>An error as many accounts share it: the message with the account's own values left out, and how many have it.</summary>
public sealed record ErrorGroup(string Error, int Accounts);

/// <summary>A PSA account whose latest attempt failed: when, how often, its messages, and its name as the log last saw it.</summary>
public sealed record FailingAccount(Guid PsaAccountId, string? AccountName, string? AccountNumber, int Attempts, DateTime FirstFailedAt,
    DateTime LastFailedAt, IReadOnlyList<string> Messages);

/// <summary>
/// The accounts whose latest attempt failed, whatever run it was in: the sync keeps one row an account while its last
/// attempt failed and removes it when one succeeds, so these are counted from those rows, not from the last run's header.
/// </summary>
public sealed partial class FailingAccounts(FinanceDb db)
{
    private IQueryable<SyncFailure> Failures => db.SyncFailures.AsNoTracking().Where(f => f.Job == SynchronizeCustomers.Job);

    public Task<int> CountAsync(CancellationToken ct = default) => Failures.CountAsync(ct);

    /// <summary>
    /// The errors, most accounts first: each message with its quoted values left out ("State: '…' does not exist in finance
    /// for United States (USA)."), an account counted once under each of its errors. Reads only the messages.
    /// </summary>
    public async Task<IReadOnlyList<ErrorGroup>> GroupsAsync(CancellationToken ct = default)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var messages in Failures.Select(f => f.LastMessages).AsAsyncEnumerable().WithCancellation(ct))
            foreach (var error in messages.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Pattern).Distinct())
                counts[error] = counts.GetValueOrDefault(error) + 1;
        return counts.Select(c => new ErrorGroup(c.Key, c.Value)).OrderByDescending(g => g.Accounts).ThenBy(g => g.Error, StringComparer.Ordinal).ToList();
    }

    /// <summary>The failing accounts with an error of a group (all of them when <paramref name="error"/> is empty), unordered.</summary>
    public IQueryable<SyncFailure> Query(string? error) =>
        string.IsNullOrWhiteSpace(error) ? Failures : Failures.Where(f => EF.Functions.Like(f.LastMessages, Like(error), "\\"));

    /// <summary>The failures with the account's name and number as its latest log line gave them (the failure row keeps only its id).</summary>
    public async Task<IReadOnlyList<FailingAccount>> DescribeAsync(IReadOnlyList<SyncFailure> failures, CancellationToken ct = default)
    {
        var ids = failures.Select(f => f.PsaAccountId).ToList();
        var names = (await db.IntegrationLogLines.AsNoTracking().Where(l => ids.Contains(l.PsaAccountId))
                .Join(db.IntegrationLogHeaders.AsNoTracking(), l => l.HeaderId, h => h.Id, (l, h) => new { l.PsaAccountId, l.AccountName, l.AccountNumber, h.ExecutionDate })
                .ToListAsync(ct))
            .GroupBy(x => x.PsaAccountId).ToDictionary(g => g.Key, g => g.MaxBy(x => x.ExecutionDate)!);
        return failures.Select(f => new FailingAccount(f.PsaAccountId, names.GetValueOrDefault(f.PsaAccountId)?.AccountName,
            names.GetValueOrDefault(f.PsaAccountId)?.AccountNumber, f.Attempts, DateTime.SpecifyKind(f.FirstFailedAt, DateTimeKind.Utc),
            DateTime.SpecifyKind(f.LastFailedAt, DateTimeKind.Utc), f.LastMessages.Split('\n', StringSplitOptions.RemoveEmptyEntries))).ToList();
    }

    /// <summary>A message with each quoted value replaced by an ellipsis: what accounts failing the same way share.</summary>
    public static string Pattern(string message) => Quoted().Replace(message, "'…'");

    /// <summary>The LIKE pattern of a group: its text escaped, each quoted value any text.</summary>
    private static string Like(string pattern)
    {
        var like = new StringBuilder("%");
        foreach (var part in pattern.Split("'…'"))
        {
            if (like.Length > 1) like.Append("'%'");
            like.Append(part.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_"));
        }
        return like.Append('%').ToString();
    }

    [GeneratedRegex("'[^'\\n]*'")]
    private static partial Regex Quoted();
}
