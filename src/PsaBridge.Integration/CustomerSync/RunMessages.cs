using System.Data.Common;

namespace PsaBridge.Integration.CustomerSync;

/// <summary>What a run's log header says about the run as a whole, when it did not simply go through.</summary>
internal static class RunMessages
{
    public static string Cancelled(string? by, int read) =>
        $"Cancelled{(by is null ? "" : $" by {by}")} after {read:N0} accounts: every page before it is committed; the next run goes on from there.";

    public static string Stopped(Exception e, bool leaseLost) =>
        e is not OperationCanceledException ? $"The run stopped: {Reason(e)} Every page before the failure is committed; the next run goes on from there."
        : leaseLost ? "The run lost its lease (its renewals failed longer than the lease lasts) and stopped, so that two runs never overlap. Every page before it is committed."
        : $"{Log.RunLog.InterruptedPrefix} the run was stopped (the server shutting down, or the caller gone) and its page rolled back. Every page before it is committed; the next run goes on from there.";

    /// <summary>
    /// The database's own words when EF wrapped them (its execution strategy reports a dropped connection only as "likely
    /// due to a transient failure"), so the log says what happened to the store.
    /// </summary>
    private static string Reason(Exception e) => e is InvalidOperationException { InnerException: DbException db } ? db.Message : e.Message;

    /// <summary>The failed accounts a run left alone: their failure is from before the run, against today's setup.</summary>
    public static string Waiting(int count) =>
        (count == 1 ? "1 account whose last attempt failed was not tried again: neither it" : $"{count:N0} accounts whose last attempt failed were not tried again: neither they") +
        " nor the finance setup (address setup, payment terms, customer groups, currencies) changed since. " +
        "Correct the account in PSA or the setup in finance, or run a full synchronization.";
}
