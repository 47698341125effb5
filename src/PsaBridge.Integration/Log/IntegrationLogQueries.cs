using Microsoft.EntityFrameworkCore;
using PsaBridge.Finance;
using PsaBridge.Finance.IntegrationLog;
using PsaBridge.Infrastructure.Paging;
using PsaBridge.Infrastructure.Validation;

namespace PsaBridge.Integration.Log;

/// <summary>The status filter of the log form: Error by default, as the seed says.</summary>
public enum LogStatusFilter { Error, Completed, Running, All }

public sealed record LogCounts(int Read, int Created, int Updated, int Unchanged, int Failed, int ZipCodesCreated);

public sealed record LogHeaderView(Guid Id, string? BatchJobId, string JobDescription, DateTime ExecutionDate, DateTime? FinishedAt,
    IntegrationStatus Status, LogCounts Counts, long DurationMs, string? Message, bool Full = false, string? StartedBy = null)
{
    public static LogHeaderView From(IntegrationLogHeader h) => new(h.Id, h.BatchJobId, h.JobDescription,
        DateTime.SpecifyKind(h.ExecutionDate, DateTimeKind.Utc), h.FinishedAt is { } f ? DateTime.SpecifyKind(f, DateTimeKind.Utc) : null, h.Status,
        new LogCounts(h.ReadCount, h.CreatedCount, h.UpdatedCount, h.UnchangedCount, h.FailedCount, h.ZipCodesCreatedCount), h.DurationMs, h.Message, h.Full, h.StartedBy);

    /// <summary>The status as the log shows it (<see cref="RunLog.StatusLabel"/>): Interrupted for a run that stopped before it finished.</summary>
    public string StatusLabel => RunLog.StatusLabel(Status, Message);
}

public sealed record LogLineView(int LineNumber, Guid PsaAccountId, string AccountName, string? AccountNumber, string? CustomerAccount,
    IntegrationStatus Status, SyncAction Action, bool ZipCodeCreated, IReadOnlyList<string> Messages)
{
    public static LogLineView From(IntegrationLogLine l) => new(l.LineNumber, l.PsaAccountId, l.AccountName, l.AccountNumber, l.CustomerAccount,
        l.Status, l.Action, l.ZipCodeCreated, l.Messages.Length == 0 ? [] : l.Messages.Split('\n'));
}

/// <summary>
/// One log line of an account with the run it was written in: made in the query (init-only properties), so a list of an
/// account's history sorts, filters and pages in the database.
/// </summary>
public sealed record AccountLogLine
{
    public Guid HeaderId { get; init; }
    public DateTime ExecutionDate { get; init; }
    public string JobDescription { get; init; } = "";
    public string? BatchJobId { get; init; }
    public int LineNumber { get; init; }
    public Guid PsaAccountId { get; init; }
    public string AccountName { get; init; } = "";
    public string? CustomerAccount { get; init; }
    public IntegrationStatus Status { get; init; }
    public SyncAction Action { get; init; }
    public bool ZipCodeCreated { get; init; }
    public string Messages { get; init; } = "";

    public IReadOnlyList<string> MessageList => Messages.Length == 0 ? [] : Messages.Split('\n');
}

public sealed class IntegrationLogQueries(FinanceDb db, TimeProvider clock)
{
    public static LogStatusFilter ParseFilter(string? status, LogStatusFilter fallback) =>
        string.IsNullOrWhiteSpace(status) ? fallback
        : Enum.TryParse<LogStatusFilter>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed
        : throw new ValidationFailedException("status", $"Status '{status}' is not one of Error, Completed, Running, All.");

    /// <summary>Headers, newest first.</summary>
    public async Task<Page<LogHeaderView>> HeadersAsync(LogStatusFilter status, PageRequest page, CancellationToken ct = default) =>
        (await (await HeadersQueryAsync(status, ct)).OrderByDescending(h => h.ExecutionDate).ThenByDescending(h => h.Id).ToPageAsync(page, ct)).Map(LogHeaderView.From);

    /// <summary>
    /// The headers of a status, unordered, for a list that sorts, filters, pages and exports them itself. A Running header
    /// whose run no longer holds a live lease died with its process: it is an Error, shown as Interrupted.
    /// </summary>
    public async Task<IQueryable<IntegrationLogHeader>> HeadersQueryAsync(LogStatusFilter status, CancellationToken ct = default)
    {
        var query = Shown(await DeadOnThisNodeAsync(ct));
        return status switch
        {
            LogStatusFilter.Error => query.Where(h => h.Status == IntegrationStatus.Error),
            LogStatusFilter.Completed => query.Where(h => h.Status == IntegrationStatus.Completed),
            LogStatusFilter.Running => query.Where(h => h.Status == IntegrationStatus.Running),
            _ => query,
        };
    }

    public async Task<LogHeaderView> HeaderAsync(Guid id, CancellationToken ct = default) =>
        LogHeaderView.From(await Shown(await DeadOnThisNodeAsync(ct)).SingleOrDefaultAsync(h => h.Id == id, ct) ?? throw new NotFoundException("Integration log", id.ToString()));

    /// <summary>
    /// The runs whose lease a process of this node holds that is gone (killed, crashed): dead before their lease expires,
    /// as <see cref="Scheduling.JobLeases"/> takes them over. Only this node can tell, so it is asked here, not in SQL.
    /// </summary>
    private async Task<Guid[]> DeadOnThisNodeAsync(CancellationToken ct)
    {
        var held = await db.JobLeases.AsNoTracking().Where(l => l.Owner != null && l.HeaderId != null).Select(l => new { l.Owner, l.HeaderId }).ToListAsync(ct);
        return [.. held.Where(l => Scheduling.LeaseOwner.IsDeadOnThisNode(l.Owner!)).Select(l => l.HeaderId!.Value)];
    }

    /// <summary>The headers as the log shows them: Running only while a live lease of a live process names the run.</summary>
    private IQueryable<IntegrationLogHeader> Shown(Guid[] deadOnThisNode)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.IntegrationLogHeaders.AsNoTracking()
            .Select(h => new
            {
                h,
                Dead = h.Status == IntegrationStatus.Running
                    && (deadOnThisNode.Contains(h.Id) || !db.JobLeases.Any(l => l.HeaderId == h.Id && l.Owner != null && l.ExpiresAt > now)),
            })
            .Select(x => new IntegrationLogHeader
            {
                Id = x.h.Id, BatchJobId = x.h.BatchJobId, JobDescription = x.h.JobDescription, ExecutionDate = x.h.ExecutionDate,
                FinishedAt = x.h.FinishedAt, Status = x.Dead ? IntegrationStatus.Error : x.h.Status, DryRun = x.h.DryRun, Full = x.h.Full,
                ReadCount = x.h.ReadCount, CreatedCount = x.h.CreatedCount, UpdatedCount = x.h.UpdatedCount, UnchangedCount = x.h.UnchangedCount,
                FailedCount = x.h.FailedCount, ZipCodesCreatedCount = x.h.ZipCodesCreatedCount, DurationMs = x.h.DurationMs,
                Message = x.Dead ? RunLog.InterruptedMessage : x.h.Message, StartedBy = x.h.StartedBy,
            });
    }

    public async Task<Page<LogLineView>> LinesAsync(Guid headerId, LogStatusFilter status, PageRequest page, CancellationToken ct = default)
    {
        if (!await db.IntegrationLogHeaders.AnyAsync(h => h.Id == headerId, ct)) throw new NotFoundException("Integration log", headerId.ToString());
        return (await LinesQuery(headerId, status).OrderBy(l => l.LineNumber).ToPageAsync(page, ct)).Map(LogLineView.From);
    }

    /// <summary>The lines of a run with a status, unordered, for a list that sorts, filters, pages and exports them itself.</summary>
    public IQueryable<IntegrationLogLine> LinesQuery(Guid headerId, LogStatusFilter status)
    {
        var query = db.IntegrationLogLines.AsNoTracking().Where(l => l.HeaderId == headerId);
        return status switch
        {
            LogStatusFilter.Error => query.Where(l => l.Status == IntegrationStatus.Error),
            LogStatusFilter.Completed => query.Where(l => l.Status == IntegrationStatus.Completed),
            _ => query,
        };
    }

    /// <summary>
    /// The log lines of one PSA account with their runs, unordered, for a list that sorts, filters, pages and exports them: its history, and the history of the customer made from it (pass the
    /// customer's <c>PsaAccountId</c>). Every line names the account it synchronized, including the attempts that failed before
    /// the customer existed. A customer not created from PSA (no account) has none: a line that only named its account number
    /// was another account's attempt, not its history.
    /// </summary>
    public IQueryable<AccountLogLine> AccountLinesQuery(Guid? psaAccountId) =>
        from l in db.IntegrationLogLines.AsNoTracking().Where(l => psaAccountId != null && l.PsaAccountId == psaAccountId)
        join h in db.IntegrationLogHeaders.AsNoTracking() on l.HeaderId equals h.Id
        select new AccountLogLine
        {
            HeaderId = h.Id, ExecutionDate = h.ExecutionDate, JobDescription = h.JobDescription, BatchJobId = h.BatchJobId, LineNumber = l.LineNumber,
            PsaAccountId = l.PsaAccountId, AccountName = l.AccountName, CustomerAccount = l.CustomerAccount, Status = l.Status, Action = l.Action,
            ZipCodeCreated = l.ZipCodeCreated, Messages = l.Messages,
        };

    /// <summary>The log lines of one PSA account (see <see cref="AccountLinesQuery"/>), newest first.</summary>
    public async Task<Page<(LogHeaderView Header, LogLineView Line)>> LinesForAsync(Guid? psaAccountId, PageRequest page, CancellationToken ct = default)
    {
        if (psaAccountId is not { } account) return new Page<(LogHeaderView, LogLineView)>([], 0, page.PageNumber, page.PageSize);
        var lines = db.IntegrationLogLines.AsNoTracking().Where(l => l.PsaAccountId == account);
        var query = from l in lines
                    join h in db.IntegrationLogHeaders.AsNoTracking() on l.HeaderId equals h.Id
                    orderby h.ExecutionDate descending, l.LineNumber
                    select new { h, l };
        var result = await query.ToPageAsync(page, ct);
        return result.Map(x => (LogHeaderView.From(x.h), LogLineView.From(x.l)));
    }
}
