using Microsoft.EntityFrameworkCore;
using PsaBridge.Finance;
using PsaBridge.Finance.IntegrationLog;
using PsaBridge.Integration.CustomerSync;
using PsaBridge.Integration.Sources;

namespace PsaBridge.Integration.Log;

/// <summary>How far a run has come: read so far, the total expected, the share done, the rate and the time left.</summary>
public sealed record RunProgressView(LogHeaderView Header, int Read, int? Total, double? Percent, double? PerSecond, TimeSpan? TimeLeft);

/// <summary>
/// A running run's progress, estimated from outside the run: what it has read (its header's count, moved page by page)
/// and what is left (the PSA accounts above the committed watermark, which moves with each committed page).
/// </summary>
public sealed class RunProgress(FinanceDb db, IPsaAccountSource source, TimeProvider clock)
{
    public async Task<RunProgressView> GetAsync(Guid id, CancellationToken ct = default)
    {
        var header = await new IntegrationLogQueries(db, clock).HeaderAsync(id, ct);
        if (header.Status != IntegrationStatus.Running) return Estimate(header, 0, clock.GetUtcNow().UtcDateTime);
        var watermark = await db.SyncWatermarks.AsNoTracking().Where(w => w.Job == SynchronizeCustomers.Job).Select(w => w.LastVersion).FirstOrDefaultAsync(ct);
        var remaining = await source.CountChangedAsync(watermark, ct);
        return Estimate(header, remaining, clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>The estimate as a plain function: a finished run is complete; a running one's rate is its reads over its time so far.</summary>
    public static RunProgressView Estimate(LogHeaderView header, int remaining, DateTime now)
    {
        var read = header.Counts.Read;
        if (header.Status != IntegrationStatus.Running) return new RunProgressView(header, read, read, 100, null, TimeSpan.Zero);
        var total = read + Math.Max(0, remaining);
        var seconds = (now - header.ExecutionDate).TotalSeconds;
        double? rate = read > 0 && seconds > 0 ? read / seconds : null;
        double? percent = total == 0 ? null : Math.Round(100d * read / total, 1);
        TimeSpan? left = rate is { } r ? TimeSpan.FromSeconds(Math.Ceiling(Math.Max(0, remaining) / r)) : null;
        return new RunProgressView(header, read, total, percent, rate, left);
    }
}
