using PsaBridge.Psa.Actuals;

namespace PsaBridge.Reporting.Profitability;

/// <summary>
/// Cost, unbilled and billed sales of a project or a group of them, and what follows: revenue is unbilled plus billed
/// sales with the reversals included, so work that was invoiced counts once, as billed (reference/psa-data-model.md §4).
/// </summary>
public sealed record ProfitAmounts(decimal Cost, decimal UnbilledSales, decimal BilledSales)
{
    public static readonly ProfitAmounts Zero = new(0, 0, 0);

    public decimal Revenue => UnbilledSales + BilledSales;
    public decimal GrossMargin => Revenue - Cost;

    /// <summary>Gross margin in percent of revenue, to two places; none without revenue.</summary>
    public decimal? MarginPercent => Revenue == 0 ? null : Math.Round(GrossMargin / Revenue * 100, 2, MidpointRounding.AwayFromZero);

    /// <summary>
    /// Adds one total of actuals. Resourcing-unit cost and inter-organizational sales are what one unit charges another
    /// for a resource: neither is the project's cost nor its revenue, so they are left out.
    /// </summary>
    public ProfitAmounts Add(TransactionType type, decimal amount) => type switch
    {
        TransactionType.Cost => this with { Cost = Cost + amount },
        TransactionType.UnbilledSales => this with { UnbilledSales = UnbilledSales + amount },
        TransactionType.BilledSales => this with { BilledSales = BilledSales + amount },
        _ => this,
    };

    public static ProfitAmounts operator +(ProfitAmounts a, ProfitAmounts b) => new(a.Cost + b.Cost, a.UnbilledSales + b.UnbilledSales, a.BilledSales + b.BilledSales);
}
