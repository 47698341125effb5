using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Storage;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.Actuals;
using PsaBridge.Psa.Sales;
using PsaBridge.Psa.Sales.Contracts;

namespace PsaBridge.Psa.Invoicing.InvoiceRuns;

/// <summary>
/// The work of the batch job <i>Create project invoices</i> for one run date (the job, its schedule and its log live in
/// the integration). Contracts due (a schedule row whose date has come, or a ready milestone) are invoiced by
/// <see cref="InvoiceRunRules"/> and <see cref="InvoiceRules.Draft"/>, a batch of contracts a transaction, written in bulk.
/// A batch that fails is run again contract by contract, so one contract fails alone: its rows are marked Run Failed with
/// the reason, and the next run tries them again. Rows that ran are Run Successful with their invoice, and taken
/// transactions are on an invoice, so a second run for the same date makes nothing.
/// </summary>
public sealed class CreateProjectInvoices(PsaDb db, TimeProvider clock)
{
    public const int DefaultBatchSize = 500;

    public async Task<InvoiceRunReport> RunAsync(DateOnly runDate, int batchSize = DefaultBatchSize, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var started = clock.GetUtcNow().UtcDateTime;
        var results = new List<ContractRunResult>();
        foreach (var batch in (await DueContractsAsync(runDate, ct)).Chunk(batchSize))
        {
            try
            {
                results.AddRange(await RunBatchAsync(batch, runDate, ct));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                db.ChangeTracker.Clear();
                foreach (var id in batch) results.Add(await RunAloneAsync(id, runDate, batch.Length > 1 ? null : e, ct));
            }
            progress?.Report(results.Count);
        }
        return new InvoiceRunReport(runDate, started, clock.GetUtcNow().UtcDateTime, results);
    }

    /// <summary>Draft and active contracts with a schedule row whose date has come and has not run successfully, or a ready milestone whose date has come.</summary>
    public async Task<List<Guid>> DueContractsAsync(DateOnly runDate, CancellationToken ct)
    {
        var scheduled = db.Set<ContractLineInvoiceSchedule>()
            .Where(s => (s.InvoiceRunStatus == InvoiceRunStatus.NotRun || s.InvoiceRunStatus == InvoiceRunStatus.RunFailed) && s.InvoiceRunDate <= runDate)
            .Select(s => s.ContractId);
        var milestones = db.Set<ContractMilestone>()
            .Where(m => m.InvoiceStatus == MilestoneInvoiceStatus.ReadyForInvoicing && m.InvoiceDate <= runDate).Select(m => m.ContractId);
        var due = await scheduled.Union(milestones).ToListAsync(ct);
        var open = await db.Set<ProjectContract>().Where(c => EF.Parameter(due).Contains(c.Id) && c.PsaState != ContractState.Closed)
            .Select(c => c.Id).ToListAsync(ct);
        return open.Order().ToList();
    }

    private async Task<ContractRunResult> RunAloneAsync(Guid id, DateOnly runDate, Exception? known, CancellationToken ct)
    {
        var failure = known;
        if (failure is null)
            try
            {
                return (await RunBatchAsync([id], runDate, ct)).Single();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                db.ChangeTracker.Clear();
                failure = e;
            }
        var message = failure is ConflictException or ValidationFailedException ? failure.Message : $"The run failed: {failure.GetType().Name}: {failure.Message}";
        if (message.Length > ContractLineInvoiceSchedule.MessageLength) message = message[..ContractLineInvoiceSchedule.MessageLength];
        var due = await DueRows(runDate, [id]).ToListAsync(ct);
        foreach (var row in due)
        {
            row.InvoiceRunStatus = InvoiceRunStatus.RunFailed;
            row.RunMessage = message;
        }
        await db.SaveChangesAsync(ct);
        var contract = await db.Set<ProjectContract>().AsNoTracking().SingleAsync(c => c.Id == id, ct);
        return new ContractRunResult(id, contract.Name, ContractRunOutcome.Failed, null, 0m, contract.Currency, 0, due.Select(r => r.Id).ToList(), message);
    }

    private async Task<List<ContractRunResult>> RunBatchAsync(Guid[] ids, DateOnly runDate, CancellationToken ct)
    {
        await using var cache = await BulkWriteCache.EnlargeAsync(db.Database, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var contracts = await db.Set<ProjectContract>().AsNoTracking().Include(c => c.Lines).Where(c => EF.Parameter(ids).Contains(c.Id))
            .OrderBy(c => c.Id).ToListAsync(ct);
        var rows = await DueRows(runDate, ids).ToListAsync(ct);
        var milestones = await db.Set<ContractMilestone>()
            .Where(m => EF.Parameter(ids).Contains(m.ContractId) && m.InvoiceStatus == MilestoneInvoiceStatus.ReadyForInvoicing && m.InvoiceDate <= runDate)
            .ToListAsync(ct);
        var candidates = await CandidatesAsync(ids, rows, ct);

        var now = clock.GetUtcNow().UtcDateTime;
        var posting = new Posting();
        var invoices = new List<Invoice>();
        var results = new List<ContractRunResult>(contracts.Count);
        var rowsByContract = rows.ToLookup(r => r.ContractId);
        var candidatesByContract = candidates.ToLookup(c => c.Actual.ContractId!.Value);
        foreach (var contract in contracts)
        {
            var due = rowsByContract[contract.Id].ToList();
            var plan = InvoiceRunRules.Plan(contract, due.Select(r => new DueRun(r.Id, r.ContractLineId, r.InvoiceRunDate, r.TransactionCutoffDate)).ToList(),
                candidatesByContract[contract.Id], milestones, runDate);
            Invoice? invoice = plan.HasWork ? InvoiceRules.Draft(posting, contract, plan.Unbilled, plan.Milestones, runDate, now) : null;
            if (invoice is not null) invoices.Add(invoice);
            foreach (var row in due)
            {
                row.InvoiceRunStatus = InvoiceRunStatus.RunSuccessful;
                row.InvoiceId = invoice?.Id;
                row.RunMessage = invoice is null ? "Nothing was ready to invoice up to the transaction cut-off date." : null;
            }
            results.Add(new ContractRunResult(contract.Id, contract.Name, invoice is null ? ContractRunOutcome.NothingToInvoice : ContractRunOutcome.Invoiced,
                invoice?.Id, invoice?.TotalAmount ?? 0m, contract.Currency, plan.Unbilled.Count + plan.Milestones.Count, plan.ScheduleIds, null));
        }

        await BulkInsert.InsertEntitiesAsync(db, invoices, ct);
        await BulkInsert.InsertEntitiesAsync(db, invoices.SelectMany(i => i.Lines).ToList(), ct);
        await BulkInsert.InsertEntitiesAsync(db, invoices.SelectMany(i => i.Lines).SelectMany(l => l.Details).ToList(), ct);
        await PostingWriter.WriteAsync(db, posting, ct);
        await db.SaveChangesAsync(ct); // the schedule rows and milestones
        foreach (var invoice in invoices) await TakeUnbilledAsync(invoice, ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return results;
    }

    private IQueryable<ContractLineInvoiceSchedule> DueRows(DateOnly runDate, Guid[] contractIds) => db.Set<ContractLineInvoiceSchedule>()
        .Where(s => EF.Parameter(contractIds).Contains(s.ContractId) && s.InvoiceRunDate <= runDate
                    && (s.InvoiceRunStatus == InvoiceRunStatus.NotRun || s.InvoiceRunStatus == InvoiceRunStatus.RunFailed));

    /// <summary>The contracts' unbilled sales not yet on an invoice, up to the latest cut-off due, each with the journal line it was posted from.</summary>
    private async Task<List<ReadyUnbilledSales>> CandidatesAsync(Guid[] ids, List<ContractLineInvoiceSchedule> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return [];
        var cutoff = rows.Max(r => r.TransactionCutoffDate);
        // Filtered in SQL by everything but the quantity: SQLite keeps decimals as text and cannot compare them.
        var actuals = await db.Set<Actual>().AsNoTracking()
            .Where(a => a.ContractId != null && EF.Parameter(ids).Contains(a.ContractId.Value) && a.TransactionType == TransactionType.UnbilledSales
                        && (a.BillingStatus == BillingStatus.UnbilledSalesCreated || a.BillingStatus == BillingStatus.ReadyToInvoice)
                        && a.AdjustmentStatus == null && a.DocumentDate <= cutoff)
            .Where(NotInvoiced)
            .ToListAsync(ct);
        var journalLines = new Dictionary<Guid, Guid>(actuals.Count);
        foreach (var chunk in actuals.Select(a => a.Id).Chunk(EntryPostingStore.BatchSize))
            foreach (var o in await db.Set<TransactionOrigin>().AsNoTracking()
                         .Where(o => EF.Parameter(chunk).Contains(o.TransactionId) && o.OriginType == TransactionTypes.JournalLine).ToListAsync(ct))
                journalLines[o.TransactionId] = o.OriginId;
        return actuals.Select(a => new ReadyUnbilledSales(a, journalLines.TryGetValue(a.Id, out var jl) ? jl : null)).ToList();
    }

    /// <summary>The draft takes its unbilled sales; one taken meanwhile by another draft fails the batch.</summary>
    private async Task TakeUnbilledAsync(Invoice invoice, CancellationToken ct)
    {
        var ids = invoice.Lines.SelectMany(l => l.Details).Select(d => d.ActualId).OfType<Guid>().ToArray();
        if (ids.Length == 0) return;
        var taken = await db.Set<Actual>().Where(a => EF.Parameter(ids).Contains(a.Id)).Where(NotInvoiced)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.InvoiceId, invoice.Id).SetProperty(a => a.BillingStatus, BillingStatus.CustomerInvoiceCreated), ct);
        if (taken != ids.Length) throw new ConflictException($"Unbilled sales of contract '{invoice.Name}' were invoiced by someone else meanwhile; the next run tries again.");
    }

    private static readonly Expression<Func<Actual, bool>> NotInvoiced = a => a.InvoiceId == null;
}
