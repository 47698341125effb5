namespace PsaBridge.Psa.Invoicing.InvoiceRuns;

/// <summary>What a run did with one contract.</summary>
public enum ContractRunOutcome { Invoiced, NothingToInvoice, Failed }

/// <summary>
/// One contract a run touched: the draft invoice it made (with its amount, in the contract currency, and how many
/// transactions it took), or why it failed; and the schedule rows it ran.
/// </summary>
public sealed record ContractRunResult(
    Guid ContractId,
    string ContractName,
    ContractRunOutcome Outcome,
    Guid? InvoiceId,
    decimal Amount,
    string Currency,
    int Transactions,
    IReadOnlyList<Guid> ScheduleIds,
    string? Message);

/// <summary>The result of one run of <i>Create project invoices</i> for a run date.</summary>
public sealed record InvoiceRunReport(DateOnly RunDate, DateTime StartedOn, DateTime FinishedOn, IReadOnlyList<ContractRunResult> Contracts)
{
    /// <summary>The run's log header, once the run is logged (<see cref="InvoiceRunLog"/>).</summary>
    public Guid? LogId { get; init; }

    public int Invoiced => Contracts.Count(c => c.Outcome == ContractRunOutcome.Invoiced);
    public int NothingToInvoice => Contracts.Count(c => c.Outcome == ContractRunOutcome.NothingToInvoice);
    public int Failed => Contracts.Count(c => c.Outcome == ContractRunOutcome.Failed);
}
