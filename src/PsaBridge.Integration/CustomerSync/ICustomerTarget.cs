using PsaBridge.Finance.Customers;
using PsaBridge.Finance.IntegrationLog;
using PsaBridge.Finance.NumberSequences;
using PsaBridge.Integration.Sources;

namespace PsaBridge.Integration.CustomerSync;

/// <summary>
/// The target port of the customer sync: where customers go, and where the run's log, lease, failures and watermark are
/// kept beside them, so that a page's customers and its log commit together. The finance database is the one
/// implementation today; a Finance and Operations environment (OData) would be another.
/// </summary>
public interface ICustomerTarget
{
    /// <summary>
    /// Takes the job's lease for this process (or refuses with a <c>ConflictException</c>: two runs never overlap), marks the
    /// runs that died before it as interrupted, and writes the Running header. Returns the lease's owner.
    /// </summary>
    Task<string> StartRunAsync(IntegrationLogHeader header, CancellationToken ct);

    /// <summary>Renews the lease between pages; false when it was lost (it expired and another run took it).</summary>
    Task<bool> KeepRunAliveAsync(string leaseOwner, CancellationToken ct);

    /// <summary>Writes the header's final status and counts and releases the lease, on a connection of its own, whatever was cancelled.</summary>
    Task FinishRunAsync(IntegrationLogHeader header, string leaseOwner);

    /// <summary>Where the run starts: the setup version, the watermark (none for a full run) and how accounts are numbered.</summary>
    Task<TargetStart> ReadStartAsync(bool full, CancellationToken ct);

    /// <summary>The reference data to validate against, kept from the last run while nothing in it changed (never for a dry run).</summary>
    Task<RunReference> ReferenceAsync(TargetStart start, bool dryRun, CancellationToken ct);

    /// <summary>Keeps the run's reference data for the next run.</summary>
    Task KeepReferenceAsync(RunReference reference, TargetStart start, CancellationToken ct);

    /// <summary>Adds to the reference the cities and zip codes of the countries a page mentions, the first time it does.</summary>
    Task PrefetchAsync(RunReference reference, IReadOnlyList<PsaAccountRecord> page, CancellationToken ct);

    /// <summary>The accounts whose last attempt failed: all, or those validated against another setup version than <paramref name="setupVersion"/>.</summary>
    Task<List<Guid>> FailedAccountsAsync(long? setupVersion, CancellationToken ct);

    /// <summary>Forgets the failures of accounts gone from PSA.</summary>
    Task ForgetFailuresAsync(IReadOnlyCollection<Guid> accounts, CancellationToken ct);

    /// <summary>The failed accounts last tried before <paramref name="before"/> against <paramref name="setupVersion"/>: they wait for a change.</summary>
    Task<int> CountWaitingFailuresAsync(long setupVersion, DateTime before, CancellationToken ct);

    /// <summary>
    /// What the target holds for a page: the customers of its accounts, the holders of its account numbers and, when
    /// <paramref name="failures"/>, its accounts whose last attempt failed.
    /// </summary>
    Task<FoundInFinance> FindAsync(IReadOnlyList<PsaAccountRecord> page, IReadOnlyCollection<string> numbers, bool failures, int afterPages, CancellationToken ct);

    /// <summary>A page's unit of work: numbers reserved for it, then its writes, committed together while the run holds its lease.</summary>
    Task<ICustomerPageWrite> BeginPageAsync(string leaseOwner, CancellationToken ct);
}

/// <summary>One page written into the target: nothing is kept unless <see cref="CommitAsync"/> completes.</summary>
public interface ICustomerPageWrite : IAsyncDisposable
{
    /// <summary>
    /// A block of <paramref name="count"/> numbers of the customer number sequence, and the customers already holding any of
    /// them. A number a page does not commit goes back where the sequence is continuous, or where the page's unit of work
    /// holds the target's only writer; otherwise it leaves a gap, as F&amp;O allows.
    /// </summary>
    Task<ReservedNumbers> ReserveNumbersAsync(int count, CancellationToken ct);

    /// <summary>
    /// Writes the page: its customers, zip codes, log lines and failures, the header's counts and the watermark (with the
    /// source's <paramref name="position"/> when it reads by change tracking).
    /// </summary>
    Task WriteAsync(PageOutcome outcome, IntegrationLogHeader header, long? watermark, string? position, DateTime now, CancellationToken ct);

    /// <summary>Commits the page if the run still holds its lease; false (nothing kept) when it was lost.</summary>
    Task<bool> CommitAsync(CancellationToken ct);
}

/// <summary>
/// What a run starts from. <see cref="Numbering"/> is null when the number sequence does not exist;
/// <see cref="NumbersOnWrite"/>: the target's own number sequence numbers a customer as it is written (no block is reserved).
/// <see cref="Position"/>: where a source read by change tracking goes on (none for a full run).
/// </summary>
public sealed record TargetStart(long SetupVersion, long Watermark, bool FailuresBefore, NumberingUse? Numbering, bool NumbersOnWrite = false,
    string? Position = null);

/// <summary>What the run needs to know of the number sequence that gives customer accounts.</summary>
public sealed record NumberingUse(bool Continuous, string Format);

/// <summary>The reference data of a run and the countries whose cities and zip codes it holds.</summary>
public sealed record RunReference(FinanceReference Reference, HashSet<string> LoadedCountries);

/// <summary>A block of numbers and those of them customers already hold (compared ignoring case).</summary>
public sealed record ReservedNumbers(NumberBlock Block, IReadOnlySet<string> Taken);

/// <summary>
/// What the target held for a page when it was looked up, ahead of its write: the customers of its accounts, the
/// holders of its account numbers, and its accounts whose last attempt failed. <see cref="AfterPages"/> is how many of
/// the run's pages were committed before the lookup: the writer adds what later pages created.
/// </summary>
public sealed record FoundInFinance(Dictionary<Guid, Customer> ByPsaId, Dictionary<string, CustomerHolder> ByNumber, HashSet<Guid> FailedBefore, int AfterPages);
