using PsaBridge.Psa.Actuals;
using PsaBridge.Psa.Sales;

namespace PsaBridge.Reporting.Backlog;

/// <summary>Unbilled sales not yet billed of one contract, currency, document date and billing status, summed by the database.</summary>
public sealed record UnbilledTotal(Guid? ContractId, string Currency, DateOnly DocumentDate, BillingStatus? Status, decimal Amount);

/// <summary>A fixed-price milestone not yet invoiced.</summary>
public sealed record OpenMilestone(Guid ContractId, MilestoneInvoiceStatus Status, decimal Amount);

/// <summary>What the report shows of a contract.</summary>
public sealed record ContractFacts(Guid Id, string Name, string Customer, string Currency);

/// <summary>
/// One contract's billing backlog: its unbilled sales (work in progress) aged by document date, how much of it is ready
/// to invoice and how much is on a draft invoice, and its fixed-price milestones not yet invoiced.
/// </summary>
public sealed record BacklogRow(
    Guid? ContractId, string Contract, string? Customer, string Currency,
    decimal Unbilled, decimal Days0To30, decimal Days31To60, decimal Days61To90, decimal Over90Days,
    decimal ReadyToInvoice, decimal OnDraftInvoice, decimal MilestonesNotInvoiced, decimal MilestonesReady);

/// <summary>The billing backlog as of a date.</summary>
public sealed record BacklogReport(DateOnly AsOf, IReadOnlyList<BacklogRow> Contracts);

/// <summary>Builds the billing backlog. Plain code over plain objects.</summary>
public static class BacklogRules
{
    /// <summary>The ageing bucket of a transaction: 0 for 0-30 days old (and anything dated later), 1 for 31-60, 2 for 61-90, 3 for over 90.</summary>
    public static int Bucket(DateOnly asOf, DateOnly documentDate)
    {
        var days = asOf.DayNumber - documentDate.DayNumber;
        return days <= 30 ? 0 : days <= 60 ? 1 : days <= 90 ? 2 : 3;
    }

    public static BacklogReport Build(DateOnly asOf, IEnumerable<UnbilledTotal> unbilled, IEnumerable<OpenMilestone> milestones,
        IReadOnlyDictionary<Guid, ContractFacts> contracts)
    {
        var rows = new Dictionary<(Guid?, string), decimal[]>();
        decimal[] Of(Guid? contract, string currency) =>
            rows.TryGetValue((contract, currency), out var r) ? r : rows[(contract, currency)] = new decimal[9];

        foreach (var u in unbilled.Where(u => u.DocumentDate <= asOf))
        {
            var row = Of(u.ContractId, u.Currency);
            row[0] += u.Amount;
            row[1 + Bucket(asOf, u.DocumentDate)] += u.Amount;
            if (u.Status == BillingStatus.CustomerInvoiceCreated) row[6] += u.Amount;
            else if (u.ContractId is not null) row[5] += u.Amount;
        }
        foreach (var m in milestones)
        {
            var row = Of(m.ContractId, contracts.TryGetValue(m.ContractId, out var c) ? c.Currency : "");
            row[7] += m.Amount;
            if (m.Status == MilestoneInvoiceStatus.ReadyForInvoicing) row[8] += m.Amount;
        }
        return new BacklogReport(asOf, rows
            .Where(r => r.Value.Any(v => v != 0))
            .Select(r =>
            {
                var facts = r.Key.Item1 is { } id ? contracts.GetValueOrDefault(id) : null;
                var v = r.Value;
                return new BacklogRow(r.Key.Item1, facts?.Name ?? "(no contract)", facts?.Customer, r.Key.Item2, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8]);
            })
            .OrderByDescending(r => r.Unbilled + r.MilestonesNotInvoiced).ThenBy(r => r.Contract, StringComparer.OrdinalIgnoreCase)
            .ToList());
    }
}
