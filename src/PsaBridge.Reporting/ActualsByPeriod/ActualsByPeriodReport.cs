using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Export;
using PsaBridge.Psa;
using PsaBridge.Psa.Actuals;
using PsaBridge.Reporting.Shared;

namespace PsaBridge.Reporting.ActualsByPeriod;

/// <summary>Cost, unbilled and billed sales of one month and transaction class, in one currency.</summary>
public sealed record PeriodRow(DateOnly Period, TransactionClass TransactionClass, string Currency, decimal Cost, decimal UnbilledSales, decimal BilledSales);

/// <summary>Actuals by period: cost, unbilled and billed sales by month (of the document date) and transaction class.</summary>
public sealed class ActualsByPeriodReport(PsaDb db)
{
    public const string Name = "actuals-by-period";

    public async Task<IReadOnlyList<PeriodRow>> RunAsync(ReportFilter filter, CancellationToken ct = default)
    {
        var totals = await filter.Apply(db.Set<Actual>().AsNoTracking())
            .Where(a => a.TransactionType == TransactionType.Cost || a.TransactionType == TransactionType.UnbilledSales || a.TransactionType == TransactionType.BilledSales)
            .GroupBy(a => new { a.DocumentDate.Year, a.DocumentDate.Month, a.TransactionClass, a.Currency, a.TransactionType })
            .Select(g => new { g.Key.Year, g.Key.Month, g.Key.TransactionClass, g.Key.Currency, g.Key.TransactionType, Amount = g.Sum(a => a.Amount) })
            .ToListAsync(ct);
        return totals
            .GroupBy(t => (Period: new DateOnly(t.Year, t.Month, 1), t.TransactionClass, t.Currency))
            .Select(g => new PeriodRow(g.Key.Period, g.Key.TransactionClass, g.Key.Currency,
                g.Where(t => t.TransactionType == TransactionType.Cost).Sum(t => t.Amount),
                g.Where(t => t.TransactionType == TransactionType.UnbilledSales).Sum(t => t.Amount),
                g.Where(t => t.TransactionType == TransactionType.BilledSales).Sum(t => t.Amount)))
            .OrderBy(r => r.Period).ThenBy(r => r.TransactionClass).ThenBy(r => r.Currency, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The columns of the report's table, its downloads and the CLI's table.</summary>
    public static readonly IReadOnlyList<ExportColumn<PeriodRow>> Columns =
    [
        ExportColumn<PeriodRow>.Date("Month", r => r.Period),
        ExportColumn<PeriodRow>.Text("Transaction class", r => Labels.Words(r.TransactionClass)),
        ExportColumn<PeriodRow>.Text("Currency", r => r.Currency),
        ExportColumn<PeriodRow>.Number("Cost", r => r.Cost),
        ExportColumn<PeriodRow>.Number("Unbilled sales", r => r.UnbilledSales),
        ExportColumn<PeriodRow>.Number("Billed sales", r => r.BilledSales),
    ];
}
