using Microsoft.EntityFrameworkCore;
using PsaBridge.Finance;
using PsaBridge.Finance.IntegrationLog;

namespace PsaBridge.Integration.Log;

/// <summary>The integration log's headers of runs that died: in the seed's terms an Error, with what happened.</summary>
public static class RunLog
{
    public const string InterruptedMessage =
        "Interrupted: the run stopped before it finished. Its committed pages stand; the next run went on from there.";

    /// <summary>Marks the header <paramref name="headerId"/>, or every header still Running when null, as interrupted.</summary>
    public static Task<int> MarkInterruptedAsync(FinanceDb db, Guid? headerId, CancellationToken ct) =>
        db.IntegrationLogHeaders.Where(h => h.Status == IntegrationStatus.Running && (headerId == null || h.Id == headerId))
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.Status, IntegrationStatus.Error).SetProperty(h => h.Message, InterruptedMessage), ct);
}
