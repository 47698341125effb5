using PsaBridge.Psa.Actuals;

namespace PsaBridge.Psa.Sales.Estimates;

/// <summary>A record of an estimate as the breakdown reads it: its dimensions, dates, type and amount, and whether its line is fixed price.</summary>
public sealed record BreakdownInput(
    TransactionType TransactionType,
    TransactionClass TransactionClass,
    BillingType? BillingType,
    Guid? RoleId,
    Guid? TransactionCategoryId,
    DateOnly StartDate,
    DateOnly EndDate,
    decimal Amount,
    bool FixedPriceLine);

/// <summary>
/// One row of the quote line analytics breakdown (<c>msdyn_quotelineanalyticsbreakdown</c>): the estimated cost,
/// sales and margin of a role, transaction category, transaction class and billing type in one month.
/// </summary>
public sealed record BreakdownRow(
    DateOnly Month,
    TransactionClass TransactionClass,
    BillingType? BillingType,
    Guid? RoleId,
    string? Role,
    Guid? TransactionCategoryId,
    string? TransactionCategory,
    decimal Cost,
    decimal Sales,
    decimal Margin);

/// <summary>
/// The analytics breakdown of a quote, from its estimates and milestones. An estimate over several months is spread
/// over them by days (to the cent, the last month taking the rounding). Sales are what the quote sells, as in its
/// rollups: chargeable estimates of time-and-material lines, and the milestones of fixed-price lines (class
/// Milestone, in their month); a fixed-price line's estimates give its cost only. Plain code over plain objects.
/// </summary>
public static class AnalyticsBreakdown
{
    public static IReadOnlyList<BreakdownRow> Rows(IEnumerable<BreakdownInput> records, IEnumerable<PlannedMilestone> milestones,
        IReadOnlyDictionary<Guid, string> roles, IReadOnlyDictionary<Guid, string> categories)
    {
        var cells = new Dictionary<(DateOnly, TransactionClass, BillingType?, Guid?, Guid?), (decimal Cost, decimal Sales)>();
        void Add(DateOnly month, TransactionClass cls, BillingType? type, Guid? role, Guid? category, decimal cost, decimal sales)
        {
            var key = (month, cls, type, role, category);
            var (c, s) = cells.GetValueOrDefault(key);
            cells[key] = (c + cost, s + sales);
        }

        foreach (var r in records)
        {
            var isCost = r.TransactionType == TransactionType.Cost;
            if (!isCost && (r.FixedPriceLine || r.BillingType != BillingType.Chargeable)) continue;
            foreach (var (month, share) in Spread(r.StartDate, r.EndDate, r.Amount))
                Add(month, r.TransactionClass, r.BillingType, r.RoleId, r.TransactionCategoryId, isCost ? share : 0m, isCost ? 0m : share);
        }
        foreach (var m in milestones)
            Add(MonthOf(m.InvoiceDate), TransactionClass.Milestone, BillingType.Chargeable, null, null, 0m, m.Amount);

        return cells
            .Select(c => new BreakdownRow(c.Key.Item1, c.Key.Item2, c.Key.Item3, c.Key.Item4, Name(roles, c.Key.Item4), c.Key.Item5, Name(categories, c.Key.Item5),
                c.Value.Cost, c.Value.Sales, c.Value.Sales - c.Value.Cost))
            .OrderBy(r => r.Month).ThenBy(r => r.TransactionClass).ThenBy(r => r.Role, StringComparer.Ordinal)
            .ThenBy(r => r.TransactionCategory, StringComparer.Ordinal).ThenBy(r => r.BillingType)
            .ToList();
    }

    /// <summary>An amount over the months of a date range, in proportion to the days in each, to the cent; the last month takes the remainder.</summary>
    public static IReadOnlyList<(DateOnly Month, decimal Amount)> Spread(DateOnly start, DateOnly end, decimal amount)
    {
        if (end < start) end = start;
        var totalDays = end.DayNumber - start.DayNumber + 1;
        var parts = new List<(DateOnly, decimal)>();
        var given = 0m;
        for (var month = MonthOf(start); month <= end; month = month.AddMonths(1))
        {
            var from = month < start ? start : month;
            var last = month.AddMonths(1).AddDays(-1);
            var to = last > end ? end : last;
            var isLast = last >= end;
            var share = isLast ? amount - given : Money.Round(amount * (to.DayNumber - from.DayNumber + 1) / totalDays);
            given += share;
            parts.Add((month, share));
        }
        return parts;
    }

    private static DateOnly MonthOf(DateOnly date) => new(date.Year, date.Month, 1);

    private static string? Name(IReadOnlyDictionary<Guid, string> names, Guid? id) => id is { } g && names.TryGetValue(g, out var n) ? n : null;
}
