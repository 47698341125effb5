using Microsoft.EntityFrameworkCore;
using PsaBridge.Finance;
using PsaBridge.Finance.IntegrationLog;

namespace PsaBridge.Integration.Log;

/// <summary>
/// The integration log's headers of runs that died: in the seed's terms an Error (its only statuses are Completed and Error),
/// with what happened, and shown as Interrupted.
/// </summary>
public static class RunLog
{
    public const string Interrupted = "Interrupted";

    /// <summary>How the message of a run that stopped before it finished begins.</summary>
    public const string InterruptedPrefix = Interrupted + ":";

    public const string InterruptedMessage =
        InterruptedPrefix + " the run stopped before it finished. Its committed pages stand; the next run went on from there.";

    /// <summary>
    /// A run's status as the log shows it: Interrupted for a run in Error because it stopped before it finished (its process
    /// gone, or stopped by a shutdown), so that it reads apart from a run whose accounts failed; else the stored status.
    /// </summary>
    public static string StatusLabel(IntegrationStatus status, string? message) =>
        status == IntegrationStatus.Error && message is not null && message.StartsWith(InterruptedPrefix, StringComparison.Ordinal)
            ? Interrupted : status.ToString();

    /// <summary>Marks the header <paramref name="headerId"/>, or every header still Running when null, as interrupted.</summary>
    public static Task<int> MarkInterruptedAsync(FinanceDb db, Guid? headerId, CancellationToken ct) =>
        db.IntegrationLogHeaders.Where(h => h.Status == IntegrationStatus.Running && (headerId == null || h.Id == headerId))
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.Status, IntegrationStatus.Error).SetProperty(h => h.Message, InterruptedMessage), ct);
}
