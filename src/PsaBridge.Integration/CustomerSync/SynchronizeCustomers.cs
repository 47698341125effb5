using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PsaBridge.Finance.Customers;
using PsaBridge.Finance.IntegrationLog;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Integration.Sources;

namespace PsaBridge.Integration.CustomerSync;

/// <summary>
/// The periodic job "Synchronize master data from PSA" for customers. Reads the accounts changed since the committed
/// watermark plus every account whose last attempt failed, page by page; maps each by the seed's rules; plans the page
/// (<see cref="PagePlanner"/>) and writes its customers, zip codes, log lines, failures and the new watermark in one
/// unit of work of the target. A crash loses and duplicates nothing: the next run starts after the last committed page.
/// </summary>
public sealed class SynchronizeCustomers(
    IPsaAccountSource source,
    ICustomerTarget target,
    TimeProvider clock,
    IOptions<CustomerSyncOptions> options,
    IEnumerable<ISyncObserver> observers,
    RunningSyncs running,
    UnfinishedRuns unfinished,
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
        var description = request.JobDescription ?? Description;
        if (request.Account is { } only)
        {
            // Before the lease: an unknown account is the caller's mistake, not a run.
            var account = (await source.ReadByIdsAsync([only], ct)).SingleOrDefault() ?? throw new NotFoundException("PSA account", only.ToString());
            description = request.JobDescription ?? LogText.Fit($"{Description}: account {account.Name}", 200);
        }
        var header = new IntegrationLogHeader
        {
            BatchJobId = request.BatchJobId,
            JobDescription = description,
            ExecutionDate = clock.GetUtcNow().UtcDateTime,
            Status = IntegrationStatus.Running,
            DryRun = request.DryRun,
            Full = request.Full,
        };
        if (request.DryRun) return new SyncRun(request, header, null, null);
        // A run of this process that could not write its end still holds the lease: its end is written first, if it now can.
        if (unfinished.Any) await unfinished.FinishAsync(target);
        var owner = await target.StartRunAsync(header, ct);
        var every = TimeSpan.FromSeconds(Math.Max(1, Options.LeaseSeconds / 4.0));
        return new SyncRun(request, header, owner, new LeaseKeeper(target, owner, every, clock, log));
    }

    /// <summary>
    /// Runs the pages. When <paramref name="ct"/> is cancelled (the host stopping, the caller gone) the page being written
    /// rolls back and the run stops there; whatever happens, the header's final status is written and the lease released.
    /// </summary>
    public async Task ExecuteAsync(SyncRun run, IProgress<SyncProgress>? progress = null, CancellationToken ct = default)
    {
        var header = run.Header;
        var watch = Stopwatch.StartNew();
        running.Add(run);
        try
        {
            var cancelled = await ProcessAsync(run, progress, ct);
            header.Status = header.FailedCount > 0 || cancelled ? IntegrationStatus.Error : IntegrationStatus.Completed;
            if (cancelled) header.Message = RunMessages.Cancelled(run.CancelledBy, header.ReadCount);
        }
        catch (Exception e)
        {
            header.Status = IntegrationStatus.Error;
            header.Message = RunMessages.Stopped(e, run.Keeper?.WasLost == true);
            log.LogError(e, "Customer sync {HeaderId} stopped", header.Id);
            throw;
        }
        finally
        {
            running.Remove(run);
            if (run.Keeper is { } keeper) await keeper.DisposeAsync();
            header.FinishedAt = clock.GetUtcNow().UtcDateTime;
            header.DurationMs = watch.ElapsedMilliseconds;
            if (run.LeaseOwner is { } leaseOwner)
            {
                try
                {
                    await target.FinishRunAsync(header, leaseOwner);
                }
                catch (Exception e)
                {
                    // The store cannot be written (the fault that stopped the run, often): written as soon as it can be.
                    log.LogError(e, "Customer sync {HeaderId} could not write its final status {Status}; it is tried again", header.Id, header.Status);
                    unfinished.Keep(header, leaseOwner);
                }
            }
        }
    }

    /// <summary>Runs the pages; true when a person cancelled the run and pages were left for the next run.</summary>
    private async Task<bool> ProcessAsync(SyncRun run, IProgress<SyncProgress>? progress, CancellationToken ct)
    {
        var header = run.Header;
        // Read before the reference data: a setup change made during the run leaves its failures to be retried.
        var start = await target.ReadStartAsync(run.Request.Full, ct);
        var reference = await target.ReferenceAsync(start, run.Request.DryRun, ct);
        var only = run.Request.Account;
        var total = only is null ? await source.CountChangedAsync(start.Watermark, ct) : 0;

        // Then the accounts whose last attempt failed, have not changed since (a changed one comes with the changes) and can
        // now have another outcome.
        var retryAll = Options.RetryFailures == FailureRetry.EveryRun;
        // One account alone: taken as a retry is (its page moves no watermark), whether or not it changed or failed before.
        List<PsaAccountRecord> retries;
        if (only is { } id) retries = [.. await source.ReadByIdsAsync([id], ct)];
        else
        {
            var failed = await target.FailedAccountsAsync(retryAll ? null : start.SetupVersion, ct);
            var failedAccounts = new List<PsaAccountRecord>();
            foreach (var chunk in failed.Chunk(Options.PageSize)) failedAccounts.AddRange(await source.ReadByIdsAsync(chunk, ct));
            retries = failedAccounts.Where(a => a.Version <= start.Watermark).OrderBy(a => a.Version).ToList();
            var stillInPsa = failedAccounts.Select(a => a.Id).ToHashSet();
            var gone = failed.Where(f => !stillInPsa.Contains(f)).ToList();
            if (gone.Count > 0 && !run.Request.DryRun) await target.ForgetFailuresAsync(gone, ct);
        }
        var state = new RunState(run, reference, start, total + retries.Count, progress);
        state.Stage("start");

        // The next page is read, mapped and looked up on another thread while the target writes the page before.
        var pages = Channel.CreateBounded<MappedPage>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var reader = new PageReader(source, target, Options, state);
        var reading = Task.Run(() => reader.ReadAsync(pages.Writer, retries, only is null ? start.Watermark : null, stop.Token), CancellationToken.None);
        var cancelled = false;
        try
        {
            await foreach (var page in pages.Reader.ReadAllAsync(ct))
            {
                // Asked to stop: the page written last is committed, the next is not started.
                if (cancelled = run.CancelRequested) break;
                await WritePageAsync(state, page, ct);
            }
        }
        finally
        {
            await stop.CancelAsync();
            await reading;
        }
        foreach (var (name, time) in reader.Stages) state.Stages[name + " (ahead)"] = time;
        // The failed accounts this run left alone: their failure is from before the run, against today's setup.
        var waiting = retryAll || run.Request.Full || only is not null || cancelled ? 0 : await target.CountWaitingFailuresAsync(start.SetupVersion, header.ExecutionDate, ct);
        if (waiting > 0) header.Message = RunMessages.Waiting(waiting);
        if (reader.ReadAgainInFull) header.Message = string.Join(" ", SourcePage.ReadAgainInFullMessage, header.Message).TrimEnd();
        if (!run.Request.DryRun) await target.KeepReferenceAsync(reference, start, ct);
        log.LogInformation("Customer sync {HeaderId}: {Read} accounts in {Pages} pages; {Stages}", header.Id, header.ReadCount, state.Pages,
            string.Join(", ", state.Stages.Select(s => $"{s.Key} {s.Value.TotalMilliseconds:F0} ms")));
        return cancelled;
    }

    private async Task WritePageAsync(RunState state, MappedPage mapped, CancellationToken ct)
    {
        var (pageNumber, page, mappings, advanceWatermarkTo, found, seenAhead, numbersSeenAhead, advancePositionTo) = mapped;
        // The reader's flags name pages by the numbers it gave them; they are the writer's only if no page was skipped.
        if (pageNumber != state.Pages + 1)
            throw new InvalidOperationException($"Page {pageNumber} came to be written after {state.Pages} pages; the pages are written in the order they are read.");
        var run = state.Run;
        var header = run.Header;
        var now = clock.GetUtcNow().UtcDateTime;
        state.Stage("wait for the next page");
        // Pages committed after this one was looked up: looked up again here if they had one of its accounts (an account
        // edited during the run), else their new account numbers are added, as if the lookup had seen them.
        while (state.RecentlyCommitted.TryPeek(out var oldest) && oldest.Page <= found.AfterPages) state.RecentlyCommitted.Dequeue();
        if (seenAhead)
            found = await target.FindAsync(page, mappings.Where(m => m.AccountNumber is not null).Select(m => m.AccountNumber!).ToHashSet(StringComparer.Ordinal),
                failures: true, state.Pages, ct);
        else if (numbersSeenAhead || state.SequenceBlocksSinceMayHold(mappings))
            foreach (var m in mappings)
                if (m.AccountNumber is { } number && state.CreatedSince(number) is { } holder) found.ByNumber.TryAdd(number, holder);
        // A failure recorded earlier in this run: a lookup that skipped failures (none before the run) did not see it.
        var failedBefore = found.FailedBefore;
        foreach (var a in page)
            if (state.FailedThisRun.Contains(a.Id)) failedBefore.Add(a.Id);
        state.Stage("find customers committed since");
        var plan = PagePlanner.Plan(mappings, found.ByPsaId, found.ByNumber);

        var needNumbers = plan.NeedingNumbers;
        // SQLite would store a longer number as it came; PostgreSQL would refuse the page with the column's own message.
        if (needNumbers.Count > 0 && state.Start.Numbering?.Format is { Length: > Customer.AccountLength } format)
            throw new InvalidOperationException(
                $"Number sequence '{Options.NumberSequence}' gives customer accounts of {format.Length} characters (format '{format}'); a customer account " +
                $"holds at most {Customer.AccountLength}. Shorten the sequence's format in finance, then run the job again.");
        if (run.Request.DryRun)
        {
            foreach (var p in needNumbers) p.CustomerAccount = $"(next {Options.NumberSequence})";
            var dry = PageOutcome.Of(plan.Accounts, header.Id, state.Processed + 1, now, Options.CustomerGroup, failedBefore, state.Reference.Reference, state.Start.SetupVersion);
            dry.Counts.AddTo(header);
            run.DryRunLines.AddRange(dry.Lines);
            state.Processed += dry.Lines.Count;
            header.DurationMs = state.Watch.ElapsedMilliseconds;
            state.Pages++;
            state.Progress?.Report(new SyncProgress(state.Processed, Math.Max(state.Total, state.Processed), header.FailedCount));
            return;
        }

        var blocks = new List<(string First, string Last)>();
        PageOutcome outcome;
        await using (var write = await target.BeginPageAsync(run.LeaseOwner!, ct))
        {
            var waiting = new Queue<AccountPlan>(state.Start.NumbersOnWrite ? [] : needNumbers);
            while (waiting.Count > 0)
            {
                var (block, taken) = await write.ReserveNumbersAsync(waiting.Count, ct);
                blocks.Add((block[0], block[block.Count - 1]));
                PagePlanner.Number(waiting, block.All(), taken, plan.Claimed);
            }
            state.Stage("number sequence");
            outcome = PageOutcome.Of(plan.Accounts, header.Id, state.Processed + 1, now, Options.CustomerGroup, failedBefore, state.Reference.Reference, state.Start.SetupVersion);
            outcome.Counts.AddTo(header);
            header.DurationMs = state.Watch.ElapsedMilliseconds;
            state.Stage("plan");
            try
            {
                await write.WriteAsync(outcome, header, advanceWatermarkTo, advancePositionTo, now, ct);
                // Last, after the rows are written: a run that lost its lease (stalled past it, and another took the job over)
                // commits no further page.
                if (!await write.CommitAsync(ct))
                    throw new InvalidOperationException("The run lost its lease (it was stalled longer than the lease lasts) and stopped without writing its next page, so that two runs never overlap.");
            }
            catch
            {
                outcome.Counts.AddTo(header, -1); // the page did not commit
                throw;
            }
            state.Stage("write and commit");
        }
        // Numbers the target gave as it wrote: one range, for later pages' lookups made before (see SequenceBlocksSinceMayHold).
        if (state.Start.NumbersOnWrite)
        {
            var given = needNumbers.Select(p => p.CustomerAccount).OfType<string>().Order(StringComparer.Ordinal).ToList();
            if (given.Count > 0) blocks.Add((given[0], given[^1]));
        }
        state.Processed += outcome.Lines.Count;
        // Zip codes now exist for later pages; failures recorded are retried by the next run.
        foreach (var zip in outcome.ZipCodes) state.Reference.Reference.AddZip(zip.CountryId, zip.Code, zip.StateId, zip.City);
        state.Pages++;
        // What later pages, looked up before this commit, cannot have seen.
        state.RecentlyCommitted.Enqueue(new CommittedPage(state.Pages, plan.Accounts, blocks));
        state.FailedThisRun.ExceptWith(outcome.Cleared);
        state.FailedThisRun.UnionWith(outcome.Failures.Select(f => f.PsaAccountId));
        state.Progress?.Report(new SyncProgress(state.Processed, Math.Max(state.Total, state.Processed), header.FailedCount));
        foreach (var observer in observers) await observer.PageCommittedAsync(header.Id, state.Pages, ct);
        state.Stage("progress");
    }
}
