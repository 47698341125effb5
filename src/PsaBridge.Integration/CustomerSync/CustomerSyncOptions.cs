namespace PsaBridge.Integration.CustomerSync;

public sealed class CustomerSyncOptions
{
    public const string Section = "PsaBridge:CustomerSync";

    /// <summary>
    /// Accounts per page; each page is one finance transaction. A page is read and mapped on one thread and written on
    /// another, and a small page is still young when written, so less of it survives into the GC's older generations.
    /// </summary>
    public int PageSize { get; set; } = 2_000;

    /// <summary>The largest page the settings accept: two pages (one read ahead, one written) stay well inside memory.</summary>
    public const int MaxPageSize = 50_000;

    /// <summary>The customer group new customers get (projects360's "Default customer group").</summary>
    public string CustomerGroup { get; set; } = "10";
    /// <summary>The number sequence that gives a customer account to an account without an account number.</summary>
    public string NumberSequence { get; set; } = "CUST";
    /// <summary>
    /// How long the run's lease lasts without renewal. A running run renews it every few seconds (and with every page it
    /// writes, inside its transaction), so when its process dies another can take the job over soon after.
    /// </summary>
    public int LeaseSeconds { get; set; } = 20;
    /// <summary>When an account whose last attempt failed is tried again, if it has not changed in PSA (a changed one always is).</summary>
    public FailureRetry RetryFailures { get; set; } = FailureRetry.WhenSetupChanged;
}

public enum FailureRetry
{
    /// <summary>
    /// Once the finance setup it is validated against (address setup, payment terms, customer groups, currencies)
    /// has changed since its last attempt: before that, it would fail again with the same messages.
    /// </summary>
    WhenSetupChanged,
    /// <summary>By every run, whether or not anything changed.</summary>
    EveryRun,
}
