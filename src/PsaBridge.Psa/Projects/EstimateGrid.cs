using PsaBridge.Psa.Scheduling;

namespace PsaBridge.Psa.Projects;

/// <summary>What the rows of the estimates grid are.</summary>
public enum EstimateRows { Task, Role, Resource }

/// <summary>One assignment's day of the estimate: its hours, cost and sales, and the row it belongs to.</summary>
public sealed record EstimateFact(DateOnly Date, string RowKey, string RowLabel, string RowOrder, decimal Hours, decimal Cost, decimal Sales);

public sealed record EstimateCell(decimal Hours, decimal Cost, decimal Sales)
{
    public static readonly EstimateCell Empty = new(0m, 0m, 0m);

    public EstimateCell Add(EstimateCell other) => new(Hours + other.Hours, Cost + other.Cost, Sales + other.Sales);
}

public sealed record EstimateRow(string Key, string Label, IReadOnlyList<EstimateCell> Cells, EstimateCell Total);

/// <summary>The time-phased estimate by week or month: a row per task, role or resource, a column per period, totals both ways.</summary>
public sealed record EstimateGrid(
    PeriodLength Period,
    EstimateRows RowsBy,
    string CostCurrency,
    string? SalesCurrency,
    IReadOnlyList<PeriodColumn> Columns,
    IReadOnlyList<EstimateRow> Rows,
    IReadOnlyList<EstimateCell> ColumnTotals,
    EstimateCell Total)
{
    /// <summary>Pivots the daily facts into the periods between the dates (by default the estimate's first and last day).</summary>
    public static EstimateGrid Build(IReadOnlyList<EstimateFact> facts, PeriodLength period, EstimateRows rowsBy, string costCurrency, string? salesCurrency,
        DateOnly? from = null, DateOnly? to = null)
    {
        var start = from ?? (facts.Count > 0 ? facts.Min(f => f.Date) : null);
        var end = to ?? (facts.Count > 0 ? facts.Max(f => f.Date) : null);
        var windows = start is { } s && end is { } e && s <= e ? Periods.Between(s, e, period) : [];
        var rows = new List<EstimateRow>();
        foreach (var group in facts.Where(f => windows.Count > 0 && f.Date >= windows[0].Start && f.Date <= windows[^1].End)
                     .GroupBy(f => f.RowKey).OrderBy(g => g.First().RowOrder, StringComparer.Ordinal))
        {
            var cells = Enumerable.Repeat(EstimateCell.Empty, windows.Count).ToArray();
            foreach (var fact in group)
            {
                var i = Periods.IndexOf(windows, fact.Date);
                cells[i] = cells[i].Add(new EstimateCell(fact.Hours, fact.Cost, fact.Sales));
            }
            rows.Add(new EstimateRow(group.Key, group.First().RowLabel, cells, cells.Aggregate(EstimateCell.Empty, (a, c) => a.Add(c))));
        }
        var totals = Enumerable.Range(0, windows.Count).Select(i => rows.Aggregate(EstimateCell.Empty, (a, r) => a.Add(r.Cells[i]))).ToList();
        return new EstimateGrid(period, rowsBy, costCurrency, salesCurrency, windows.Select(w => new PeriodColumn(w.Start, w.End, w.Label(period))).ToList(),
            rows, totals, totals.Aggregate(EstimateCell.Empty, (a, c) => a.Add(c)));
    }
}
