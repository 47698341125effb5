namespace PsaBridge.Reporting.Pipeline;

/// <summary>Where a deal stands: still open, won, or lost (lost, canceled or out-sold opportunities, closed quotes).</summary>
public enum DealOutcome { Open, Won, Lost }

/// <summary>
/// One work-based opportunity or quote as the pipeline sees it: its state, the month it is expected to close (a quote takes its
/// opportunity's), its value and probability (a quote takes its opportunity's), and, once closed, the month it closed.
/// </summary>
public sealed record PipelineDeal(string Kind, string State, DealOutcome Outcome, DateOnly? EstimatedClose, DateOnly? ClosedOn, decimal Value,
    int? Probability, string Currency);

/// <summary>Deals of one kind and state expected to close in one month (null: no date), with their value and weighted value.</summary>
public sealed record PipelineRow(DateOnly? Month, string Kind, string State, string Currency, int Count, decimal Value, decimal Weighted);

/// <summary>Opportunities won and lost in one month, by the month they closed.</summary>
public sealed record WonLostRow(DateOnly Month, string Currency, int Won, decimal WonValue, int Lost, decimal LostValue);

public sealed record PipelineReport(IReadOnlyList<PipelineRow> Rows, IReadOnlyList<WonLostRow> WonLost);

/// <summary>The pipeline's arithmetic, over plain deals.</summary>
public static class PipelineRules
{
    public const string Opportunity = "Opportunity", Quote = "Quote";

    /// <summary>
    /// What a deal is worth weighted by its probability: an open deal its value times its close probability (none given counts as
    /// 0 %, a choice: Microsoft documents no default), a won deal all of it, a lost deal nothing.
    /// </summary>
    public static decimal Weighted(PipelineDeal deal) => deal.Outcome switch
    {
        DealOutcome.Won => deal.Value,
        DealOutcome.Lost => 0m,
        _ => Math.Round(deal.Value * Math.Clamp(deal.Probability ?? 0, 0, 100) / 100m, 2, MidpointRounding.AwayFromZero),
    };

    public static PipelineReport Build(IEnumerable<PipelineDeal> deals)
    {
        var list = deals.ToList();
        var rows = list
            .GroupBy(d => (Month: MonthOf(d.EstimatedClose), d.Kind, d.State, d.Currency))
            .Select(g => new PipelineRow(g.Key.Month, g.Key.Kind, g.Key.State, g.Key.Currency, g.Count(), g.Sum(d => d.Value), g.Sum(Weighted)))
            .OrderBy(r => r.Month ?? DateOnly.MaxValue).ThenBy(r => r.Kind, StringComparer.Ordinal).ThenBy(r => r.State, StringComparer.Ordinal)
            .ThenBy(r => r.Currency, StringComparer.Ordinal)
            .ToList();
        var wonLost = list
            .Where(d => d.Kind == Opportunity && d.Outcome != DealOutcome.Open && d.ClosedOn is not null)
            .GroupBy(d => (Month: MonthOf(d.ClosedOn)!.Value, d.Currency))
            .Select(g => new WonLostRow(g.Key.Month, g.Key.Currency,
                g.Count(d => d.Outcome == DealOutcome.Won), g.Where(d => d.Outcome == DealOutcome.Won).Sum(d => d.Value),
                g.Count(d => d.Outcome == DealOutcome.Lost), g.Where(d => d.Outcome == DealOutcome.Lost).Sum(d => d.Value)))
            .OrderBy(r => r.Month).ThenBy(r => r.Currency, StringComparer.Ordinal)
            .ToList();
        return new PipelineReport(rows, wonLost);
    }

    private static DateOnly? MonthOf(DateOnly? date) => date is { } d ? new DateOnly(d.Year, d.Month, 1) : null;
}
