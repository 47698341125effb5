using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Paging;
using PsaBridge.Infrastructure.Storage;
using PsaBridge.Infrastructure.Validation;

namespace PsaBridge.Psa.Invoicing.InvoiceRuns;

/// <summary>
/// Runs <i>Create project invoices</i> with its log, as the customer sync does: a Running header first (so a run that
/// dies shows), then one line per contract touched and the header's counts and status. A run by hand has no batch job
/// id; the scheduler's run carries its firing's id.
/// </summary>
public sealed class InvoiceRunLog(PsaDb db, CreateProjectInvoices job, TimeProvider clock)
{
    public const string Job = "create-project-invoices";
    public const string Description = "Create project invoices";

    public async Task<InvoiceRunReport> RunAsync(DateOnly runDate, string? batchJobId = null, CancellationToken ct = default)
    {
        var header = new InvoiceRunLogHeader
        {
            Id = Ids.New(), BatchJobId = batchJobId, JobDescription = Description, RunDate = runDate, ExecutionDate = clock.GetUtcNow().UtcDateTime,
            Status = InvoiceRunLogStatus.Running,
        };
        db.Add(header);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        InvoiceRunReport report;
        try
        {
            report = await job.RunAsync(runDate, ct: ct);
        }
        catch (Exception e)
        {
            db.ChangeTracker.Clear();
            var message = $"The run stopped: {e.GetType().Name}: {e.Message}";
            await db.Set<InvoiceRunLogHeader>().Where(h => h.Id == header.Id).ExecuteUpdateAsync(s => s
                .SetProperty(h => h.Status, InvoiceRunLogStatus.Error)
                .SetProperty(h => h.FinishedAt, clock.GetUtcNow().UtcDateTime)
                .SetProperty(h => h.Message, message.Length > InvoiceRunLogHeader.MessageLength ? message[..InvoiceRunLogHeader.MessageLength] : message),
                CancellationToken.None);
            throw;
        }
        var lines = report.Contracts.Select((c, i) => new InvoiceRunLogLine
        {
            HeaderId = header.Id, LineNumber = i + 1, ContractId = c.ContractId, ContractName = c.ContractName, Outcome = c.Outcome, InvoiceId = c.InvoiceId,
            Amount = c.Amount, Currency = c.Currency, Transactions = c.Transactions, Message = c.Message,
        }).ToList();
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            await BulkInsert.InsertEntitiesAsync(db, lines, ct);
            await db.Set<InvoiceRunLogHeader>().Where(h => h.Id == header.Id).ExecuteUpdateAsync(s => s
                .SetProperty(h => h.Status, report.Failed > 0 ? InvoiceRunLogStatus.Error : InvoiceRunLogStatus.Completed)
                .SetProperty(h => h.FinishedAt, report.FinishedOn)
                .SetProperty(h => h.ContractCount, report.Contracts.Count)
                .SetProperty(h => h.InvoicedCount, report.Invoiced)
                .SetProperty(h => h.NothingToInvoiceCount, report.NothingToInvoice)
                .SetProperty(h => h.FailedCount, report.Failed), ct);
            await tx.CommitAsync(ct);
        }
        return report with { LogId = header.Id };
    }

    /// <summary>The runs, newest first.</summary>
    public Task<Page<InvoiceRunLogHeader>> ListAsync(PageRequest page, CancellationToken ct = default) =>
        db.Set<InvoiceRunLogHeader>().AsNoTracking().OrderByDescending(h => h.ExecutionDate).ThenByDescending(h => h.Id).ToPageAsync(page, ct);

    /// <summary>The contracts one run touched, in the order it took them; only those with <paramref name="outcome"/> when given.</summary>
    public async Task<Page<InvoiceRunLogLine>> LinesAsync(Guid headerId, ContractRunOutcome? outcome, PageRequest page, CancellationToken ct = default)
    {
        if (!await db.Set<InvoiceRunLogHeader>().AnyAsync(h => h.Id == headerId, ct)) throw new NotFoundException("Invoice run", headerId.ToString());
        var lines = db.Set<InvoiceRunLogLine>().AsNoTracking().Where(l => l.HeaderId == headerId);
        if (outcome is { } o) lines = lines.Where(l => l.Outcome == o);
        return await lines.OrderBy(l => l.LineNumber).ToPageAsync(page, ct);
    }
}
