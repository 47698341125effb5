using System.Diagnostics;
using PsaBridge.Integration.Sources;

namespace PsaBridge.Integration.CustomerSync;

/// <summary>
/// A page of PSA accounts with their mappings and what the target held for them, in the order the run takes them.
/// <see cref="SeenAhead"/>: it holds an account that a page sent before it had, not yet committed when it was looked up
/// (an account edited in PSA during the run comes again), so the lookup may have missed what that page wrote; decided on
/// the reading thread, which sent those pages. <see cref="NumbersSeenAhead"/>: one of its account numbers was an account
/// number of such a page, which may have created a customer with it.
/// </summary>
internal sealed record MappedPage(int Number, IReadOnlyList<PsaAccountRecord> Accounts, List<CustomerMapping> Mappings, long? AdvanceWatermarkTo,
    FoundInFinance Found, bool SeenAhead, bool NumbersSeenAhead, string? AdvancePositionTo = null);

/// <summary>
/// A committed page as later pages see it: the numbers it created customers with, compared as the lookup compares customer
/// accounts in the database (exactly, case included). Built from its plans only when a later page needs it, which is rare;
/// <see cref="Blocks"/> are the ranges of the numbers it took from the sequence.
/// </summary>
internal sealed class CommittedPage(int page, List<AccountPlan> plans, List<(string First, string Last)> blocks)
{
    private Dictionary<string, CustomerHolder>? _created;

    public int Page { get; } = page;
    public List<(string First, string Last)> Blocks { get; } = blocks;

    public Dictionary<string, CustomerHolder> Created => _created ??= plans.Where(p => !p.Fails && p.Existing is null)
        .ToDictionary(p => p.CustomerAccount!, p => new CustomerHolder(p.Mapping.Name, p.Mapping.Account.Id), StringComparer.Ordinal);
}

/// <summary>What the writing side of a run keeps from page to page.</summary>
internal sealed class RunState(SyncRun run, RunReference reference, TargetStart start, int total, IProgress<SyncProgress>? progress)
{
    public SyncRun Run { get; } = run;
    public RunReference Reference { get; } = reference;
    public TargetStart Start { get; } = start;
    public int Total { get; } = total;
    public IProgress<SyncProgress>? Progress { get; } = progress;
    public Stopwatch Watch { get; } = Stopwatch.StartNew();

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
    /// Pages done so far, counted by the writer after each commit (a dry run commits nothing and changes nothing a lookup
    /// reads), and read by the reader before it looks a page up. The reader numbers the pages it sends the same way
    /// (<see cref="MappedPage.Number"/>), which the writer checks: every page sent is written, in order.
    /// </summary>
    public int Pages
    {
        get => Volatile.Read(ref _pages);
        set => Volatile.Write(ref _pages, value);
    }

    private int _pages;

    /// <summary>What each page committed that the lookup of a page still to be written may not have seen.</summary>
    public Queue<CommittedPage> RecentlyCommitted { get; } = new();

    /// <summary>The holder of an account number a recently committed page created a customer with; null if none did.</summary>
    public CustomerHolder? CreatedSince(string number)
    {
        foreach (var page in RecentlyCommitted)
            if (page.Created.TryGetValue(number, out var holder)) return holder;
        return null;
    }

    /// <summary>
    /// Whether an account number of <paramref name="mappings"/> lies in the range of a number block the recently committed
    /// pages took from the sequence (a block's numbers have one width and sort as their numbers do): string comparisons,
    /// not a lookup of every number in every page's customers.
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
}
