using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PsaBridge.Finance;
using PsaBridge.Finance.Customers;
using PsaBridge.Finance.IntegrationLog;
using PsaBridge.Finance.NumberSequences;
using PsaBridge.Infrastructure.Storage;
using PsaBridge.Integration.Scheduling;
using PsaBridge.Integration.Sources;
using PsaBridge.Integration.Targets;

namespace PsaBridge.Integration.CustomerSync;

public sealed class CustomerSyncOptions
{
    public const string Section = "PsaBridge:CustomerSync";

    /// <summary>
    /// Accounts per page; each page is one finance transaction. A page is read and mapped on one thread and written on
    /// another, and a page of 2,000 is still young when written, so less of it survives into the GC's older generations.
    /// 1M accounts in turn against 5,000: on SQLite median 27.9 s against 29.1 s, peak memory 260-285 MB against
    /// 350-375 MB; on PostgreSQL 80.2 / 77.2 s against 85.6 / 84.0 s, peak 280-290 MB against 390-400 MB (BENCHMARKS.md).
    /// </summary>
    public int PageSize { get; set; } = 2_000;

    /// <summary>The largest page the settings accept: two pages (one read ahead, one written) stay well inside memory.</summary>
    public const int MaxPageSize = 50_000;

    /// <summary>The customer group new customers get (projects360's "Default customer group").</summary>
    public string CustomerGroup { get; set; } = "10";
    /// <summary>The number sequence that gives a customer account to an account without an account number.</summary>
    public string NumberSequence { get; set; } = "CUST";
    /// <summary>
    /// How long the run's lease lasts without renewal (it is renewed with every page written, inside its transaction). When a node
    /// dies mid-run, another can take the job over once the lease has expired.
    /// </summary>
    public int LeaseSeconds { get; set; } = 120;
    /// <summary>When an account whose last attempt failed is tried again, if it has not changed in PSA (a changed one always is).</summary>
    public FailureRetry RetryFailures { get; set; } = FailureRetry.WhenSetupChanged;
}

public enum FailureRetry
{
    /// <summary>
    /// Once the finance setup it is validated against (address setup, payment terms, customer groups)
    /// has changed since its last attempt: before that, it would fail again with the same messages.
    /// </summary>
    WhenSetupChanged,
    /// <summary>By every run, whether or not anything changed.</summary>
    EveryRun,
}

/// <summary>How a run was asked for. A batch job id is set when the scheduler runs it; empty when interactive.</summary>
public sealed record SyncRequest(bool Full = false, bool DryRun = false, string? BatchJobId = null, string? JobDescription = null);

public sealed record SyncProgress(int Processed, int Total, int Failed);

/// <summary>Told after each committed page (progress, tests that stop a run half-way).</summary>
public interface ISyncObserver
{
    Task PageCommittedAsync(Guid headerId, int pageNumber, CancellationToken ct);
}

/// <summary>A run that has its lease and its header, ready to execute.</summary>
public sealed class SyncRun
{
    internal SyncRun(SyncRequest request, IntegrationLogHeader header, string? leaseOwner)
    {
        Request = request;
        Header = header;
        LeaseOwner = leaseOwner;
    }

    public SyncRequest Request { get; }
    public IntegrationLogHeader Header { get; }
    internal string? LeaseOwner { get; }
    /// <summary>A dry run's lines (nothing is written); empty for a real run, whose lines are in the log.</summary>
    public List<IntegrationLogLine> DryRunLines { get; } = [];
}

/// <summary>
/// The periodic job "Synchronize master data from PSA" for customers. Reads the accounts changed
/// since the committed watermark plus every account whose last attempt failed, page by page; maps
/// each by the seed's rules; writes customers, zip codes, log lines, failures and the new watermark
/// of a page in one finance transaction. A crash loses and duplicates nothing: the next run starts
/// after the last committed page.
/// </summary>
public sealed class SynchronizeCustomers(
    IDbContextFactory<FinanceDb> financeContexts,
    IPsaAccountSource source,
    NumberSequenceAllocator numbers,
    JobLeases leases,
    FinanceReferenceCache referenceCache,
    TimeProvider clock,
    IOptions<CustomerSyncOptions> options,
    IEnumerable<ISyncObserver> observers,
    ILogger<SynchronizeCustomers> log)
{
    public const string Job = "customers";
    public const string Description = "Synchronize master data from PSA - Customers";

    private CustomerSyncOptions Options => options.Value;

    public async Task<SyncRun> RunAsync(SyncRequest request, IProgress<SyncProgress>? progress = null, CancellationToken ct = default)
    {
        var run = await StartAsync(request, ct);
        await ExecuteAsync(run, progress, ct);
        return run;
    }

    /// <summary>Takes the lease (or refuses: two runs never overlap) and writes the Running header.</summary>
    public async Task<SyncRun> StartAsync(SyncRequest request, CancellationToken ct = default)
    {
        var header = new IntegrationLogHeader
        {
            BatchJobId = request.BatchJobId,
            JobDescription = request.JobDescription ?? Description,
            ExecutionDate = clock.GetUtcNow().UtcDateTime,
            Status = IntegrationStatus.Running,
            DryRun = request.DryRun,
            Full = request.Full,
        };
        if (request.DryRun) return new SyncRun(request, header, null);

        var owner = await leases.AcquireAsync(Job, header.JobDescription, header.Id, ct);
        try
        {
            await using var db = await financeContexts.CreateDbContextAsync(ct);
            // Any header still Running belongs to a run that died (we hold the lease now).
            var interrupted = await db.IntegrationLogHeaders.Where(h => h.Status == IntegrationStatus.Running).ToListAsync(ct);
            foreach (var h in interrupted)
            {
                h.Status = IntegrationStatus.Error;
                h.Message = "Interrupted: the run stopped before it finished. Its committed pages stand; the next run went on from there.";
            }
            db.IntegrationLogHeaders.Add(header);
            await db.SaveChangesAsync(ct);
            db.Entry(header).State = EntityState.Detached;
        }
        catch
        {
            await leases.ReleaseAsync(Job, owner);
            throw;
        }
        return new SyncRun(request, header, owner);
    }

    public async Task ExecuteAsync(SyncRun run, IProgress<SyncProgress>? progress = null, CancellationToken ct = default)
    {
        var header = run.Header;
        var watch = Stopwatch.StartNew();
        try
        {
            await ProcessAsync(run, progress, watch, ct);
            header.Status = header.FailedCount > 0 ? IntegrationStatus.Error : IntegrationStatus.Completed;
        }
        catch (Exception e)
        {
            header.Status = IntegrationStatus.Error;
            header.Message = $"The run stopped: {e.Message} Every page before the failure is committed; the next run goes on from there.";
            log.LogError(e, "Customer sync {HeaderId} stopped", header.Id);
            throw;
        }
        finally
        {
            header.FinishedAt = clock.GetUtcNow().UtcDateTime;
            header.DurationMs = watch.ElapsedMilliseconds;
            if (!run.Request.DryRun)
            {
                await using var db = await financeContexts.CreateDbContextAsync(CancellationToken.None);
                await db.IntegrationLogHeaders.Where(h => h.Id == header.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(h => h.Status, header.Status).SetProperty(h => h.FinishedAt, header.FinishedAt)
                    .SetProperty(h => h.DurationMs, header.DurationMs).SetProperty(h => h.Message, header.Message), CancellationToken.None);
                await leases.ReleaseAsync(Job, run.LeaseOwner!);
            }
        }
    }

    private async Task ProcessAsync(SyncRun run, IProgress<SyncProgress>? progress, Stopwatch watch, CancellationToken ct)
    {
        var header = run.Header;
        await using var db = await financeContexts.CreateDbContextAsync(ct);
        // Read before the reference data: a setup change made during the run leaves its failures to be retried.
        var setupVersion = await db.Database.SqlQueryRaw<long>("SELECT \"Version\" AS \"Value\" FROM \"FinanceSetupVersion\" WHERE \"Id\" = 1")
            .SingleAsync(ct);
        var zipCodes = await db.ZipCodes.LongCountAsync(ct);
        var kept = run.Request.DryRun ? null : referenceCache.Take(setupVersion, zipCodes);
        var reference = kept?.Reference ?? await FinanceReferenceLoader.LoadAsync(db, ct);
        var loadedCountries = kept?.LoadedCountries ?? [];
        var watermark = run.Request.Full ? 0 : await db.SyncWatermarks.Where(w => w.Job == Job).Select(w => w.LastVersion).FirstOrDefaultAsync(ct);
        var total = await source.CountChangedAsync(watermark, ct);

        // Then the accounts whose last attempt failed, have not changed since (a changed one comes with
        // the changes) and can now have another outcome.
        var retryAll = Options.RetryFailures == FailureRetry.EveryRun;
        var failures = db.SyncFailures.Where(f => f.Job == Job);
        var failed = await failures.Where(f => retryAll || f.SetupVersion != setupVersion).Select(f => f.PsaAccountId).ToListAsync(ct);
        // Pages look up failures from before the run only when there are any; the failures the run records itself the writer keeps (FailedThisRun).
        var failuresBefore = await failures.AnyAsync(ct);
        var failedAccounts = new List<PsaAccountRecord>();
        foreach (var chunk in failed.Chunk(Options.PageSize)) failedAccounts.AddRange(await source.ReadByIdsAsync(chunk, ct));
        var retries = failedAccounts.Where(a => a.Version <= watermark).OrderBy(a => a.Version).ToList();
        var stillInPsa = failedAccounts.Select(a => a.Id).ToHashSet();
        var gone = failed.Where(id => !stillInPsa.Contains(id)).ToList();
        if (gone.Count > 0 && !run.Request.DryRun)
            await db.SyncFailures.Where(f => f.Job == Job && gone.Contains(f.PsaAccountId)).ExecuteDeleteAsync(ct);
        total += retries.Count;
        var sequence = await db.NumberSequences.AsNoTracking().Where(s => s.Code == Options.NumberSequence)
            .Select(s => new NumberSequenceUse(s.Continuous, s.Format)).FirstOrDefaultAsync(ct);
        var context = new PageContext(db, reference, loadedCountries, run, progress, total, watch, sequence, setupVersion, failuresBefore);
        context.Stage("start");

        // The next page is read from PSA, and mapped and validated against the reference data, on another
        // thread while finance writes the page before. The page order (failed accounts first, then changes
        // in version order) is the same as doing it in turn; only the writer moves the watermark, after
        // commit, and a zip code an earlier page created is checked again when its page is planned.
        var pages = Channel.CreateBounded<MappedPage>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var aheadStages = new Dictionary<string, TimeSpan>();
        var reader = Task.Run(() => ReadAheadAsync(pages.Writer, retries, watermark, reference, loadedCountries, context, aheadStages, stop.Token),
            CancellationToken.None);
        try
        {
            await foreach (var page in pages.Reader.ReadAllAsync(ct))
                await ProcessPageAsync(context, page, ct);
        }
        finally
        {
            await stop.CancelAsync();
            await reader;
        }
        foreach (var (name, time) in aheadStages) context.Stages[name + " (ahead)"] = time;
        // The failed accounts this run left alone: their failure is from before the run, against today's setup.
        var waiting = retryAll || run.Request.Full ? 0
            : await failures.CountAsync(f => f.SetupVersion == setupVersion && f.LastFailedAt < header.ExecutionDate, ct);
        if (waiting > 0)
            header.Message = (waiting == 1 ? "1 account whose last attempt failed was not tried again: neither it" : $"{waiting:N0} accounts whose last attempt failed were not tried again: neither they") +
                             " nor the finance setup " +
                             "(address setup, payment terms, customer groups) changed since. Correct the account in PSA or the setup in finance, or run a full synchronization.";
        if (!run.Request.DryRun) referenceCache.Keep(reference, loadedCountries, setupVersion, await db.ZipCodes.LongCountAsync(ct));
        log.LogInformation("Customer sync {HeaderId}: {Read} accounts in {Pages} pages; {Stages}", header.Id, header.ReadCount, context.Pages,
            string.Join(", ", context.Stages.Select(s => $"{s.Key} {s.Value.TotalMilliseconds:F0} ms")));
    }

    /// <summary>
    /// The reading side of a run, on its own thread: the retried accounts, then the changes after the
    /// watermark, page by page, each prefetched, mapped and looked up in finance (<see cref="FindAsync"/>)
    /// before it is handed to the writer. Ends the channel, with the error when it fails, so the writer never
    /// waits on a reader that has stopped.
    /// </summary>
    private async Task ReadAheadAsync(ChannelWriter<MappedPage> pages, List<PsaAccountRecord> retries, long watermark,
        FinanceReference reference, HashSet<string> loadedCountries, PageContext c, Dictionary<string, TimeSpan> stages, CancellationToken ct)
    {
        try
        {
            await using var prefetchDb = await financeContexts.CreateDbContextAsync(ct);
            var mark = Stopwatch.GetTimestamp();
            void Stage(string name)
            {
                var now = Stopwatch.GetTimestamp();
                stages[name] = stages.GetValueOrDefault(name) + Stopwatch.GetElapsedTime(mark, now);
                mark = now;
            }
            // The accounts and account numbers of the pages sent and not yet committed when a later page was looked up (see MappedPage).
            var sent = new Queue<(int Page, HashSet<Guid> Accounts, HashSet<string> Numbers)>();
            var sentPages = 0;
            async Task SendAsync(IReadOnlyList<PsaAccountRecord> page, long? advanceTo)
            {
                Stage("read PSA");
                await FinanceReferenceLoader.PrefetchAsync(prefetchDb, reference, loadedCountries, page, ct);
                Stage("reference data");
                var mappings = page.Select(a => CustomerRules.Map(a, reference, Options.CustomerGroup)).ToList();
                Stage("map and validate");
                var found = await FindAsync(prefetchDb, page, mappings, c.FailuresBefore, c.Pages, ct);
                bool seenAhead = false, numbersSeenAhead = false;
                sentPages++;
                if (!c.Run.Request.DryRun) // a dry run commits nothing a lookup could miss
                {
                    while (sent.TryPeek(out var oldest) && oldest.Page <= found.AfterPages) sent.Dequeue();
                    var accounts = new HashSet<Guid>(page.Count);
                    foreach (var a in page) accounts.Add(a.Id);
                    // Exactly, case included, as the lookup compares customer accounts in the database.
                    var numbers = new HashSet<string>(StringComparer.Ordinal);
                    foreach (var m in mappings)
                        if (m.AccountNumber is { } number) numbers.Add(number);
                    foreach (var (_, accountsBefore, numbersBefore) in sent)
                    {
                        seenAhead |= accountsBefore.Overlaps(accounts);
                        numbersSeenAhead |= numbersBefore.Overlaps(numbers);
                    }
                    sent.Enqueue((sentPages, accounts, numbers));
                }
                Stage("find customers");
                await pages.WriteAsync(new MappedPage(sentPages, page, mappings, advanceTo, found, seenAhead, numbersSeenAhead), ct);
                mark = Stopwatch.GetTimestamp();
            }
            foreach (var chunk in retries.Chunk(Options.PageSize)) await SendAsync(chunk, null);
            while (true)
            {
                var page = await source.ReadChangedAsync(watermark, Options.PageSize, ct);
                if (page.Count == 0) break;
                watermark = page[^1].Version;
                await SendAsync(page, watermark);
                if (page.Count < Options.PageSize) break;
            }
            pages.Complete();
        }
        catch (Exception e)
        {
            pages.Complete(e);
        }
    }

    private sealed record PageContext(FinanceDb Db, FinanceReference Reference, HashSet<string> LoadedCountries,
        SyncRun Run, IProgress<SyncProgress>? Progress, int Total, Stopwatch Watch, NumberSequenceUse? Numbers, long SetupVersion, bool FailuresBefore)
    {
        /// <summary>Where a run's time goes, stage by stage, logged when it ends.</summary>
        public Dictionary<string, TimeSpan> Stages { get; } = [];
        private long _mark = Stopwatch.GetTimestamp();

        public void Stage(string name)
        {
            var now = Stopwatch.GetTimestamp();
            Stages[name] = Stages.GetValueOrDefault(name) + Stopwatch.GetElapsedTime(_mark, now);
            _mark = now;
        }

        /// <summary>
        /// Pages done so far, counted by the writer after each commit (a dry run commits nothing and changes nothing a
        /// lookup reads), and read by the reader before it looks a page up. The reader numbers the pages it sends the same
        /// way (<see cref="MappedPage.Number"/>), which the writer checks: every page sent is written, in order.
        /// </summary>
        public int Pages
        {
            get => Volatile.Read(ref _pages);
            set => Volatile.Write(ref _pages, value);
        }

        private int _pages;

        /// <summary>
        /// What each page committed that the lookup of a page still to be written may not have seen: the account numbers it
        /// created customers with (with the customers' names).
        /// </summary>
        public Queue<CommittedPage> RecentlyCommitted { get; } = new();

        /// <summary>The account numbers the recently committed pages created customers with, and their holders; null if none did.</summary>
        public CustomerHolder? CreatedSince(string number)
        {
            foreach (var page in RecentlyCommitted)
                if (page.Created.TryGetValue(number, out var holder)) return holder;
            return null;
        }

        /// <summary>
        /// Whether an account number of <paramref name="mappings"/> lies in the range of a number block the recently committed
        /// pages took from the sequence (a block's numbers have one width and sort as their numbers do): string comparisons,
        /// where looking every number up in every page's customers cost the writer 1 s of a million accounts.
        /// </summary>
        public bool SequenceBlocksSinceMayHold(List<CustomerMapping> mappings)
        {
            foreach (var page in RecentlyCommitted)
                foreach (var (first, last) in page.Blocks)
                    foreach (var m in mappings)
                        if (m.AccountNumber is { } n && string.CompareOrdinal(n, first) >= 0 && string.CompareOrdinal(n, last) <= 0) return true;
            return false;
        }

        /// <summary>The accounts whose failure this run recorded and has not cleared: an account edited in PSA mid-run comes again.</summary>
        public HashSet<Guid> FailedThisRun { get; } = [];
        public int Processed { get; set; }
        /// <summary>Rows written since the planner's statistics were last refreshed (PostgreSQL).</summary>
        public int WrittenSinceAnalyze { get; set; }
        public int RowsAtAnalyze { get; set; }
    }

    /// <summary>What the run needs to know of the number sequence that gives customer accounts (none when it does not exist).</summary>
    private sealed record NumberSequenceUse(bool Continuous, string Format);

    /// <summary>
    /// A page of PSA accounts with their mappings and what finance held for them, in the order the run takes them.
    /// <see cref="SeenAhead"/>: it holds an account that a page sent before it had, not yet committed when it was looked up
    /// (an account edited in PSA during the run comes again), so the lookup may have missed what that page wrote. Decided on the
    /// reading thread, which sent those pages, instead of by the writer on its critical path (0.3 s of a million accounts).
    /// <see cref="NumbersSeenAhead"/>: one of its account numbers was an account number of such a page, which may have created
    /// a customer with it.
    /// </summary>
    private sealed record MappedPage(int Number, IReadOnlyList<PsaAccountRecord> Accounts, List<CustomerMapping> Mappings, long? AdvanceWatermarkTo,
        FoundInFinance Found, bool SeenAhead, bool NumbersSeenAhead);

    /// <summary>
    /// A committed page as later pages see it (<see cref="PageContext.RecentlyCommitted"/>): the numbers it created customers
    /// with, compared as the lookup compares customer accounts in the database: exactly, case included. (Whether a later page
    /// holds one of its accounts is known from the reading thread: <see cref="MappedPage.SeenAhead"/>.) Built from its plans
    /// when a later page needs it, which is rare: <see cref="Blocks"/> are the ranges of the numbers it took from the sequence.
    /// </summary>
    private sealed class CommittedPage(int page, List<Plan> plans, List<(string First, string Last)> blocks)
    {
        private Dictionary<string, CustomerHolder>? _created;

        public int Page { get; } = page;
        public List<(string First, string Last)> Blocks { get; } = blocks;

        public Dictionary<string, CustomerHolder> Created => _created ??= plans.Where(p => p.Errors.Count == 0 && p.Existing is null)
            .ToDictionary(p => p.CustomerAccount!, p => new CustomerHolder(p.Mapping.Name, p.Mapping.Account.Id), StringComparer.Ordinal);
    }

    /// <summary>The customer holding an account number: its name and the PSA account it came from (none if made in finance).</summary>
    private sealed record CustomerHolder(string Name, Guid? PsaAccountId);

    /// <summary>
    /// What finance held for a page when it was looked up, ahead of its write: the customers of its accounts, the
    /// holders of its account numbers, and its accounts whose last attempt failed. <see cref="AfterPages"/> is how
    /// many of the run's pages were committed before the lookup: the writer adds what later pages created.
    /// </summary>
    private sealed record FoundInFinance(Dictionary<Guid, Customer> ByPsaId, Dictionary<string, CustomerHolder> ByNumber, HashSet<Guid> FailedBefore, int AfterPages);

    /// <summary>
    /// Looks a page up in finance on the reader's own connection while the writer writes the pages before. What pages
    /// committed after <paramref name="committedPages"/> wrote can be missing: the reading thread flags a page that holds an
    /// account one of them had (an account edited in PSA during the run comes again, with its new version), which the writer
    /// looks up again itself, and one with an account number one of them had; the writer adds the numbers they created when
    /// so flagged or when a number lies in a block of the sequence they took.
    /// </summary>
    private static async Task<FoundInFinance> FindAsync(FinanceDb db, IReadOnlyList<PsaAccountRecord> page, List<CustomerMapping> mappings,
        bool failuresBefore, int committedPages, CancellationToken ct)
    {
        var ids = page.Select(a => a.Id).ToArray();
        var byGuid = (await db.Customers.AsNoTracking().Where(x => EF.Parameter(ids).Contains(x.PsaAccountId!.Value)).ToListAsync(ct))
            .ToDictionary(x => x.PsaAccountId!.Value);
        var numbers = mappings.Where(m => m.AccountNumber is not null).Select(m => m.AccountNumber!).Distinct().ToArray();
        var byAccount = (await db.Customers.AsNoTracking().Where(x => EF.Parameter(numbers).Contains(x.CustomerAccount))
                .Select(x => new { x.CustomerAccount, x.PsaAccountId, x.Name }).ToListAsync(ct))
            .ToDictionary(x => x.CustomerAccount, x => new CustomerHolder(x.Name, x.PsaAccountId), StringComparer.OrdinalIgnoreCase);
        // Which of the page's accounts failed last time: their failure is cleared when they go through.
        var failedBefore = new HashSet<Guid>();
        if (failuresBefore)
            failedBefore.UnionWith(await db.SyncFailures.AsNoTracking().Where(f => f.Job == Job && EF.Parameter(ids).Contains(f.PsaAccountId))
                .Select(f => f.PsaAccountId).ToListAsync(ct));
        return new FoundInFinance(byGuid, byAccount, failedBefore, committedPages);
    }

    private async Task ProcessPageAsync(PageContext c, MappedPage mapped, CancellationToken ct)
    {
        var (pageNumber, page, mappings, advanceWatermarkTo, found, seenAhead, numbersSeenAhead) = mapped;
        // The reader's flags name pages by the numbers it gave them; they are the writer's only if no page was skipped.
        if (pageNumber != c.Pages + 1)
            throw new InvalidOperationException($"Page {pageNumber} came to be written after {c.Pages} pages; the pages are written in the order they are read.");
        var db = c.Db;
        var header = c.Run.Header;
        var now = clock.GetUtcNow().UtcDateTime;
        c.Stage("wait for the next page");
        // Pages committed after this one was looked up: looked up again here if they had one of its accounts (rare: an
        // account edited during the run), else their new account numbers are added, as if the lookup had seen them.
        while (c.RecentlyCommitted.TryPeek(out var oldest) && oldest.Page <= found.AfterPages) c.RecentlyCommitted.Dequeue();
        if (seenAhead)
            found = await FindAsync(db, page, mappings, failuresBefore: true, c.Pages, ct);
        // Customers those pages created that the page's numbers may name: with a number the page's accounts also have (the
        // reading thread knows), or with one from the number sequence in the range of the blocks they took.
        else if (numbersSeenAhead || c.SequenceBlocksSinceMayHold(mappings))
            foreach (var m in mappings)
                if (m.AccountNumber is { } number && c.CreatedSince(number) is { } holder) found.ByNumber.TryAdd(number, holder);
        var (byGuid, byAccount, failedBefore, _) = found;
        // A failure recorded earlier in this run: a lookup that skipped failures (none before the run) did not see it.
        foreach (var a in page)
            if (c.FailedThisRun.Contains(a.Id)) failedBefore.Add(a.Id);
        c.Stage("find customers committed since");
        var plans = new List<Plan>(mappings.Count);
        var claimed = new Dictionary<string, PsaAccountRecord>(mappings.Count, StringComparer.OrdinalIgnoreCase); // number → the account holding it
        foreach (var m in mappings)
        {
            string? collision = null, note = null;
            byGuid.TryGetValue(m.Account.Id, out var existing);
            string? customerAccount = existing?.CustomerAccount;
            if (existing is null && m.AccountNumber is { } number)
            {
                if (byAccount.TryGetValue(number, out var owner) && owner.PsaAccountId != m.Account.Id)
                    collision = owner.PsaAccountId is { } other
                        ? $"Account number: '{number}' is already the customer account of '{owner.Name}', synchronized from PSA account {other}; nothing was overwritten."
                        : $"Account number: '{number}' is already the customer account of '{owner.Name}', which was not created from PSA; nothing was overwritten.";
                else if (claimed.TryGetValue(number, out var first) && first.Id != m.Account.Id)
                    collision = $"Account number: '{number}' is already the customer account of '{first.Name}', created from PSA account {first.Id} in this run; nothing was overwritten.";
                else
                {
                    // Only an account that will be created holds its number against later ones in the page.
                    if (m.Valid) claimed[number] = m.Account;
                    customerAccount = number;
                }
            }
            else if (existing is not null && m.AccountNumber is { } changed && !changed.Equals(existing.CustomerAccount, StringComparison.OrdinalIgnoreCase))
                note = $"Account number: '{changed}' differs from customer account '{existing.CustomerAccount}'; a customer account is never renamed, so '{existing.CustomerAccount}' was kept.";
            plans.Add(new Plan(m, existing, customerAccount, collision is null ? m.Errors : [.. m.Errors, collision], note));
        }

        var needNumbers = plans.Where(p => p.Errors.Count == 0 && p.CustomerAccount is null).ToList();
        // SQLite would store a longer number as it came; PostgreSQL would refuse the page with the column's own message.
        if (needNumbers.Count > 0 && c.Numbers?.Format is { Length: > Customer.AccountLength } format)
            throw new InvalidOperationException(
                $"Number sequence '{Options.NumberSequence}' gives customer accounts of {format.Length} characters (format '{format}'); a customer account " +
                $"holds at most {Customer.AccountLength}. Shorten the sequence's format in finance, then run the job again.");
        if (needNumbers.Count > 0 && c.Run.Request.DryRun)
            foreach (var p in needNumbers) p.CustomerAccount = $"(next {Options.NumberSequence})";

        // A continuous sequence numbers inside the page's transaction (a rollback leaves no gap). Any other takes its block
        // first, committed on its own, so the page's transaction never holds the sequence other writers wait on; except on
        // SQLite, where the page's transaction holds the one write lock anyway: there the block is taken inside it, without a
        // connection and a commit of its own for every page.
        var numbering = needNumbers.Count > 0 && !c.Run.Request.DryRun;
        var inPage = numbering && NumberSequenceAllocator.TakesInCallersTransaction(db, c.Numbers?.Continuous ?? false);
        var blocks = new List<(string First, string Last)>();
        if (numbering && !inPage) await AssignNumbersAsync(db, needNumbers, claimed, blocks, ct);
        c.Stage("number sequence");
        var (failedNow, clearedNow) = (new List<Guid>(), new List<Guid>());
        // The header counts what the page does as it plans it; a page that does not commit is taken back out of them.
        var before = new Counted(header, c.Processed, c.Run.DryRunLines.Count);
        var writer = c.Run.Request.DryRun ? null : await FinanceCustomerWriter.BeginAsync(db, ct);
        try
        {
            if (inPage)
            {
                await AssignNumbersAsync(db, needNumbers, claimed, blocks, ct);
                c.Stage("number sequence");
            }
            var createdZips = new HashSet<NewZipCode>();
            foreach (var p in plans)
            {
                var m = p.Mapping;
                var line = new IntegrationLogLine
                {
                    HeaderId = header.Id,
                    LineNumber = ++c.Processed,
                    PsaAccountId = m.Account.Id,
                    PsaVersion = m.Account.Version,
                    AccountName = Truncate(m.Account.Name, 200),
                    AccountNumber = m.Account.AccountNumber is { } an ? Truncate(an, 100) : null,
                    CustomerAccount = p.CustomerAccount,
                };
                if (p.Errors.Count > 0)
                {
                    line.Status = IntegrationStatus.Error;
                    line.Action = SyncAction.None;
                    line.Messages = string.Join('\n', p.Errors);
                    header.FailedCount++;
                    if (writer is not null)
                    {
                        writer.RecordFailure(Job, m.Account.Id, m.Account.Version, line.Messages, c.SetupVersion, now, failedBefore.Contains(m.Account.Id));
                        failedNow.Add(m.Account.Id);
                    }
                }
                else
                {
                    line.Status = IntegrationStatus.Completed;
                    var customer = ToCustomer(m, p.CustomerAccount!, p.Existing, now);
                    string outcome;
                    string? zipCreated = null;
                    if (p.Existing is null)
                    {
                        line.Action = SyncAction.Created;
                        header.CreatedCount++;
                        outcome = $"Customer {customer.CustomerAccount} created.";
                        writer?.InsertCustomer(customer);
                    }
                    else if (m.SameAs(p.Existing, Options.CustomerGroup))
                    {
                        line.Action = SyncAction.Unchanged;
                        header.UnchangedCount++;
                        outcome = $"Customer {customer.CustomerAccount} unchanged.";
                    }
                    else
                    {
                        line.Action = SyncAction.Updated;
                        header.UpdatedCount++;
                        outcome = $"Customer {customer.CustomerAccount} updated.";
                        writer?.UpdateCustomer(customer);
                    }
                    if (m.ZipToCreate is { } zip && createdZips.Add(zip) && !c.Reference.ZipExists(zip.CountryId, zip.Code, zip.StateId, zip.City))
                    {
                        line.ZipCodeCreated = true;
                        header.ZipCodesCreatedCount++;
                        zipCreated = $"Zip code {zip.Code} created for {zip.City}, {zip.StateId}, {zip.CountryId}.";
                        writer?.InsertZipCode(zip, now);
                    }
                    // The outcome first, then the account-number note and the zip code created, one a line.
                    line.Messages = CustomerRules.JoinLines(outcome, p.Note, zipCreated)!;
                    if (writer is not null && failedBefore.Contains(m.Account.Id))
                    {
                        writer.ClearFailure(Job, m.Account.Id);
                        clearedNow.Add(m.Account.Id);
                    }
                }
                header.ReadCount++;
                if (writer is not null) writer.InsertLine(line);
                else c.Run.DryRunLines.Add(line);
            }
            header.DurationMs = c.Watch.ElapsedMilliseconds;
            c.Stage("plan");
            if (writer is not null)
            {
                if (advanceWatermarkTo is { } version) await writer.SetWatermarkAsync(Job, version, now, ct);
                await writer.SaveHeaderAsync(header, ct);
                // In the page's transaction: a run that lost its lease (stalled past it, and another took the job over) writes no further
                // page. Last, after the rows are written: on PostgreSQL the lease row stays locked from here to the commit, and a node
                // trying to take the job waits on it.
                await writer.FlushAsync(ct);
                if (!await leases.RenewAsync(db, Job, c.Run.LeaseOwner!, ct))
                    throw new InvalidOperationException("The run lost its lease (it was stalled longer than the lease lasts) and stopped without writing its next page, so that two runs never overlap.");
                await writer.CommitAsync(ct);
            }
            c.Stage("write and commit");
        }
        catch
        {
            c.Processed = before.RestoreTo(header, c.Run.DryRunLines);
            throw;
        }
        finally
        {
            if (writer is not null) await writer.DisposeAsync();
        }
        // Zip codes now exist for later pages; failures recorded are retried by the next run.
        foreach (var p in plans.Where(p => p.Errors.Count == 0 && p.Mapping.ZipToCreate is not null))
            c.Reference.AddZip(p.Mapping.ZipToCreate!.CountryId, p.Mapping.ZipToCreate.Code, p.Mapping.ZipToCreate.StateId, p.Mapping.ZipToCreate.City);

        c.Pages++;
        if (!c.Run.Request.DryRun)
        {
            // What later pages, looked up before this commit, cannot have seen (a dry run creates nothing).
            c.RecentlyCommitted.Enqueue(new CommittedPage(c.Pages, plans, blocks));
            c.FailedThisRun.ExceptWith(clearedNow);
            c.FailedThisRun.UnionWith(failedNow);
        }
        if (!c.Run.Request.DryRun && db.Database.Engine() == DatabaseEngine.PostgreSql)
            await RefreshStatisticsAsync(c, plans.Count, ct);
        c.Progress?.Report(new SyncProgress(c.Processed, Math.Max(c.Total, c.Processed), header.FailedCount));
        if (!c.Run.Request.DryRun)
            foreach (var observer in observers) await observer.PageCommittedAsync(header.Id, c.Pages, ct);
        c.Stage("progress");
    }

    /// <summary>
    /// On PostgreSQL, refreshes the planner's statistics of the tables the pages look up in each time
    /// the run has doubled what they held: a big first run fills an empty table faster than autovacuum
    /// analyzes it, and the pages' lookups should not be planned for an empty table. A safeguard: the
    /// find-customers time measured at 1,000,000 accounts is mostly a cold process (BENCHMARKS.md).
    /// </summary>
    private static async Task RefreshStatisticsAsync(PageContext c, int written, CancellationToken ct)
    {
        c.WrittenSinceAnalyze += written;
        if (c.WrittenSinceAnalyze < Math.Max(10_000, c.RowsAtAnalyze)) return;
        await c.Db.Database.ExecuteSqlRawAsync("ANALYZE \"Customers\", \"SyncFailures\"", ct);
        c.RowsAtAnalyze += c.WrittenSinceAnalyze;
        c.WrittenSinceAnalyze = 0;
    }

    /// <summary>
    /// Customer accounts for new customers without an account number. A number that already names a
    /// customer (typed in PSA, or made by hand in finance) is skipped, never reused.
    /// </summary>
    private async Task AssignNumbersAsync(FinanceDb db, List<Plan> plans, Dictionary<string, PsaAccountRecord> claimed, List<(string First, string Last)> blocks,
        CancellationToken ct)
    {
        var queue = new Queue<Plan>(plans);
        while (queue.Count > 0)
        {
            var block = await numbers.TakeAsync(db, Options.NumberSequence, queue.Count, ct);
            // A format has one run of '#' (NumberFormat.Problem), so a block's numbers have one width and sort as their numbers
            // do: the customers holding any of them are among those from its first to its last, one range of the key (a list
            // of every candidate was a lookup each, 4 of a page's 5 ms in SQLite).
            var (first, last) = (block[0], block[block.Count - 1]);
            blocks.Add((first, last));
            var taken = (await db.Customers.AsNoTracking()
                    .Where(x => string.Compare(x.CustomerAccount, first) >= 0 && string.Compare(x.CustomerAccount, last) <= 0)
                    .Select(x => x.CustomerAccount).ToListAsync(ct))
                .ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var candidate in block.All())
            {
                if (taken.Contains(candidate) || claimed.ContainsKey(candidate)) continue;
                var plan = queue.Dequeue();
                plan.CustomerAccount = candidate;
                claimed[candidate] = plan.Mapping.Account;
            }
        }
    }

    private Customer ToCustomer(CustomerMapping m, string customerAccount, Customer? existing, DateTime now) => new()
    {
        CustomerAccount = customerAccount,
        Name = m.Name,
        RelationType = RelationType.Organization,
        CustomerGroupId = Options.CustomerGroup,
        Currency = m.Currency,
        PaymentTerms = m.PaymentTerms,
        CreditLimit = m.CreditLimit,
        Phone = m.Phone,
        Email = m.Email,
        Address = m.Address,
        PsaAccountId = m.Account.Id,
        CreatedAt = existing?.CreatedAt ?? now,
        ModifiedAt = now,
    };

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];

    /// <summary>What a run had counted before a page: given back when the page does not commit (its lines and the header's counts).</summary>
    private readonly record struct Counted(int Read, int Created, int Updated, int Unchanged, int Failed, int ZipCodesCreated, int Processed, int DryRunLines)
    {
        public Counted(IntegrationLogHeader h, int processed, int dryRunLines)
            : this(h.ReadCount, h.CreatedCount, h.UpdatedCount, h.UnchangedCount, h.FailedCount, h.ZipCodesCreatedCount, processed, dryRunLines) { }

        /// <summary>Sets the header's counts back, drops a dry run's lines of the page, and returns the lines processed before it.</summary>
        public int RestoreTo(IntegrationLogHeader h, List<IntegrationLogLine> dryRunLines)
        {
            (h.ReadCount, h.CreatedCount, h.UpdatedCount, h.UnchangedCount, h.FailedCount, h.ZipCodesCreatedCount) = (Read, Created, Updated, Unchanged, Failed, ZipCodesCreated);
            dryRunLines.RemoveRange(DryRunLines, dryRunLines.Count - DryRunLines);
            return Processed;
        }
    }

    /// <summary>What the page does with one account: its errors (the mapping's and the page's own) and a note for its log line.</summary>
    private sealed class Plan(CustomerMapping mapping, Customer? existing, string? customerAccount, IReadOnlyList<string> errors, string? note)
    {
        public CustomerMapping Mapping { get; } = mapping;
        public Customer? Existing { get; } = existing;
        public string? CustomerAccount { get; set; } = customerAccount;
        public IReadOnlyList<string> Errors { get; } = errors;
        public string? Note { get; } = note;
    }
}
