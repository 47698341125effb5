using PsaBridge.Psa.Sales;

namespace PsaBridge.Psa.Invoicing.InvoiceRuns;

/// <summary>A contract line invoice schedule row whose run date has come and that has not run successfully.</summary>
public sealed record DueRun(Guid ScheduleId, Guid ContractLineId, DateOnly InvoiceRunDate, DateOnly TransactionCutoffDate);

/// <summary>What a run invoices of one contract, and the schedule rows it runs.</summary>
public sealed record ContractRunPlan(ProjectContract Contract, IReadOnlyList<ReadyUnbilledSales> Unbilled, IReadOnlyList<ContractMilestone> Milestones,
    IReadOnlyList<Guid> ScheduleIds)
{
    public bool HasWork => Unbilled.Count > 0 || Milestones.Count > 0;
}

/// <summary>
/// The batch job <i>Create project invoices</i> (reference psa-data-model.md §3, "Invoicing"; sales-and-resourcing.md A1):
/// for each contract line schedule row whose run date has come, the line's ready unbilled sales dated on or before
/// the row's transaction cut-off date (the latest of its due rows'); and, as fixed-price lines' schedule, the contract's
/// milestones marked ready whose date has come. One draft invoice a contract takes both. Plain code over plain objects.
/// </summary>
public static class InvoiceRunRules
{
    public static ContractRunPlan Plan(ProjectContract contract, IReadOnlyList<DueRun> due, IEnumerable<ReadyUnbilledSales> candidates,
        IEnumerable<ContractMilestone> readyMilestones, DateOnly runDate)
    {
        var cutoffs = due.GroupBy(r => r.ContractLineId).ToDictionary(g => g.Key, g => g.Max(r => r.TransactionCutoffDate));
        var unbilled = candidates
            .Where(u => u.Actual.ContractLineId is { } line && cutoffs.TryGetValue(line, out var cutoff) && InvoiceRules.IsReady(u.Actual, cutoff))
            .ToList();
        var milestones = readyMilestones
            .Where(m => m.ContractId == contract.Id && m.InvoiceStatus == MilestoneInvoiceStatus.ReadyForInvoicing && m.InvoiceDate <= runDate)
            .ToList();
        return new ContractRunPlan(contract, unbilled, milestones, due.Select(r => r.ScheduleId).ToList());
    }
}
