using Microsoft.EntityFrameworkCore;
using PsaBridge.Finance;
using PsaBridge.Finance.Customers;
using PsaBridge.Finance.IntegrationLog;
using PsaBridge.Integration.CustomerSync;

namespace PsaBridge.Integration.Targets.FinanceAndOperations;

/// <summary>
/// Exactly once across the wire. Before a page's writes go to Finance and Operations, one intent row an account (its PSA
/// account, the customer account it asks for or none when F&amp;O numbers it, the page and its planned log line) is
/// committed in the finance database; the page's own commit, which writes its log lines and moves the watermark, deletes
/// them. A run killed between F&amp;O accepting the writes and that commit leaves its intents behind, and its watermark
/// where it was, so the next run reads those accounts again. That run first reconciles, holding the job's lease: it reads
/// F&amp;O's customers by the PSA key every customer carries (<see cref="Dynamics.CustomerMap.PsaKey"/>), writes the
/// interrupted run the log lines of the customers F&amp;O did create, and deletes the intents. When the accounts come again
/// the lookup by the same key finds those customers, so none is created twice; an update is sent again only if the
/// customer still differs, which is harmless.
/// </summary>
public sealed class SyncIntentLedger(IDbContextFactory<FinanceDb> contexts)
{
    private const string Job = SynchronizeCustomers.Job;

    /// <summary>Records and commits the intents of a page's creates and updates, before any is sent.</summary>
    public async Task RecordAsync(PageOutcome outcome, Guid headerId, int page, DateTime now, CancellationToken ct)
    {
        var lines = outcome.Lines.ToDictionary(l => l.PsaAccountId);
        var writes = outcome.Created.Select(c => (c, SyncAction.Created)).Concat(outcome.Updated.Select(c => (c, SyncAction.Updated)));
        await using var db = await contexts.CreateDbContextAsync(ct);
        foreach (var (customer, action) in writes)
        {
            var line = lines[customer.PsaAccountId!.Value];
            db.SyncIntents.Add(new SyncIntent
            {
                Job = Job, PsaAccountId = line.PsaAccountId, HeaderId = headerId, Page = page, LineNumber = line.LineNumber, PsaVersion = line.PsaVersion,
                AccountName = line.AccountName, AccountNumber = line.AccountNumber, Action = action, CreatedAt = now,
                PlannedAccount = customer.CustomerAccount.Length == 0 ? null : customer.CustomerAccount,
            });
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Reconciles the intents a run that died left behind against the customers <paramref name="findByPsaKeys"/> finds in the
    /// target: a create that happened gets its log line in the run that made it; then every intent is deleted.
    /// </summary>
    public async Task<int> ReconcileAsync(Func<IReadOnlyList<Guid>, Task<Dictionary<Guid, Customer>>> findByPsaKeys, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var open = await db.SyncIntents.AsNoTracking().Where(i => i.Job == Job).ToListAsync(ct);
        if (open.Count == 0) return 0;
        var found = await findByPsaKeys(open.Select(i => i.PsaAccountId).ToList());
        var confirmed = open.Where(i => i.Action == SyncAction.Created && found.ContainsKey(i.PsaAccountId)).ToList();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var i in confirmed)
        {
            var account = found[i.PsaAccountId].CustomerAccount;
            db.IntegrationLogLines.Add(new IntegrationLogLine
            {
                HeaderId = i.HeaderId, LineNumber = i.LineNumber, PsaAccountId = i.PsaAccountId, PsaVersion = i.PsaVersion, AccountName = i.AccountName,
                AccountNumber = i.AccountNumber, CustomerAccount = account, Status = IntegrationStatus.Completed, Action = SyncAction.Created,
                Messages = $"Customer {account} created.\nConfirmed in Finance and Operations after the run stopped before logging it.",
            });
        }
        await db.SaveChangesAsync(ct);
        foreach (var run in confirmed.GroupBy(i => i.HeaderId))
        {
            var (id, n) = (run.Key, run.Count());
            await db.IntegrationLogHeaders.Where(h => h.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(h => h.CreatedCount, h => h.CreatedCount + n).SetProperty(h => h.ReadCount, h => h.ReadCount + n), ct);
        }
        await db.SyncIntents.Where(i => i.Job == Job).ExecuteDeleteAsync(ct);
        await tx.CommitAsync(ct);
        return confirmed.Count;
    }
}
