using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Validation;

namespace PsaBridge.Psa.Actuals;

/// <summary>The outcome of changing the billing status of one actual: a bad one fails alone, the others go on.</summary>
public sealed record BillingStatusResult(Guid Id, bool Changed, string? Error = null);

public sealed record BillingStatusReport(int Requested, int Changed, int Failed, IReadOnlyList<BillingStatusResult> Results)
{
    public static BillingStatusReport From(IReadOnlyList<BillingStatusResult> results) =>
        new(results.Count, results.Count(r => r.Changed), results.Count(r => !r.Changed), results);
}

/// <summary>
/// The time-and-material billing backlog (reference/psa-data-model.md §3, "Billing status"): unbilled sales move from
/// Unbilled Sales Created to Ready to Invoice when someone has reviewed them, and back; a draft invoice then makes them
/// Customer Invoice Created and its confirmation Customer Invoice Posted. An invoice takes both the reviewed and the
/// not yet reviewed (unsourced whether Project Service takes only the reviewed: chosen so approving is enough to invoice).
/// </summary>
public static class BillingBacklog
{
    public const int MaxIds = 10_000;

    /// <summary>Why the actual cannot move to <paramref name="ready"/> (Ready to Invoice, or back), or null when it can.</summary>
    public static string? Refusal(Actual actual, bool ready)
    {
        var to = ready ? BillingStatus.ReadyToInvoice : BillingStatus.UnbilledSalesCreated;
        var from = ready ? BillingStatus.UnbilledSalesCreated : BillingStatus.ReadyToInvoice;
        if (actual.TransactionType != TransactionType.UnbilledSales)
            return $"Actual '{actual.Id}' is {actual.TransactionType}; only unbilled sales have a billing status to change.";
        if (actual.AdjustmentStatus is not null || actual.InvoiceId is not null || actual.BillingStatus is not { } status || (status != from && status != to))
            return $"Actual '{actual.Id}' is {actual.BillingStatus}{(actual.AdjustmentStatus is { } a ? $" and {a}" : "")}; only unbilled sales not on an invoice can be marked {to}.";
        return null;
    }
}

/// <summary>Marks unbilled sales Ready to Invoice (or Unbilled Sales Created again), each one failing alone.</summary>
public sealed class BillingBacklogService(PsaDb db)
{
    public async Task<BillingStatusReport> MarkAsync(IReadOnlyList<Guid>? ids, bool ready, CancellationToken ct = default)
    {
        if (ids is null || ids.Count == 0) throw new ValidationFailedException("ids", "'ids' is required: give at least one id.");
        if (ids.Count > BillingBacklog.MaxIds) throw new ValidationFailedException("ids", $"'ids' has {ids.Count} ids; at most {BillingBacklog.MaxIds} are taken in one call.");
        var distinct = ids.Distinct().ToList();
        var actuals = await db.Set<Actual>().AsNoTracking().Where(a => distinct.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        var results = new List<BillingStatusResult>(distinct.Count);
        var changing = new List<Guid>(distinct.Count);
        foreach (var id in distinct)
        {
            if (!actuals.TryGetValue(id, out var actual)) results.Add(new BillingStatusResult(id, false, $"Actual '{id}' was not found."));
            else if (BillingBacklog.Refusal(actual, ready) is { } refusal) results.Add(new BillingStatusResult(id, false, refusal));
            else
            {
                changing.Add(id);
                results.Add(new BillingStatusResult(id, true));
            }
        }
        var (from, to) = ready ? (BillingStatus.UnbilledSalesCreated, BillingStatus.ReadyToInvoice) : (BillingStatus.ReadyToInvoice, BillingStatus.UnbilledSalesCreated);
        // The guard repeats the rule in SQL: an actual a draft invoice took meanwhile is not marked, and the batch rolls back.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var changed = await db.Set<Actual>()
            .Where(a => changing.Contains(a.Id) && a.InvoiceId == null && a.AdjustmentStatus == null && (a.BillingStatus == from || a.BillingStatus == to))
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.BillingStatus, to), ct);
        if (changed != changing.Count) throw new ConflictException("Some of these unbilled sales were invoiced or changed meanwhile; read them again and retry.");
        await tx.CommitAsync(ct);
        return BillingStatusReport.From(results);
    }
}
