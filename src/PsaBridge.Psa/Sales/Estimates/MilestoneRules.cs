using System.Globalization;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.Actuals;

namespace PsaBridge.Psa.Sales.Estimates;

/// <summary>A milestone as the rules plan it, before it becomes a quote or contract milestone.</summary>
public sealed record PlannedMilestone(string Name, DateOnly InvoiceDate, decimal Amount);

/// <summary>
/// Fixed-price milestones (reference sales-and-resourcing.md A2): a lump sum, or periodic ones of the line
/// amount divided by their number, dated by the invoice frequency. Whatever their style, they must add up
/// to the line amount. Plain code over plain objects.
/// </summary>
public static class MilestoneRules
{
    public static IReadOnlyList<PlannedMilestone> LumpSum(decimal amount, DateOnly date) => [new("Lump sum", date, amount)];

    /// <summary>
    /// Equal installments, rounded to cents; Microsoft does not say where the rounding remainder goes, and here the
    /// last milestone takes it, so they always add up to the line amount.
    /// </summary>
    public static IReadOnlyList<PlannedMilestone> Periodic(decimal amount, IReadOnlyList<DateOnly> dates)
    {
        if (dates.Count == 0) return [];
        var each = Math.Round(amount / dates.Count, 2, MidpointRounding.ToZero);
        return dates.Select((d, i) => new PlannedMilestone(
            $"Milestone {i + 1} ({d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)})", d,
            i == dates.Count - 1 ? amount - each * (dates.Count - 1) : each)).ToList();
    }

    /// <summary>Adds an error on <paramref name="field"/> when the milestones do not add up to the line amount.</summary>
    public static Rules CheckTotal(Rules rules, string field, string lineName, decimal lineAmount, IReadOnlyCollection<decimal> amounts)
    {
        var total = amounts.Sum();
        if (total != lineAmount)
            rules.Add(field, $"The milestones of line '{lineName}' add up to {Money.Round(total):0.00} ({amounts.Count} milestone(s)), " +
                             $"not to the line amount {Money.Round(lineAmount):0.00}; create, change or delete milestones until they do.");
        return rules;
    }
}
