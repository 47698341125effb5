using Microsoft.EntityFrameworkCore;
using PsaBridge.Infrastructure.Export;
using PsaBridge.Psa;
using PsaBridge.Psa.Sales;
using PsaBridge.Psa.Sales.Opportunities;
using PsaBridge.Psa.Sales.Quotes;
using PsaBridge.Reporting.Shared;

namespace PsaBridge.Reporting.Pipeline;

/// <summary>
/// The sales pipeline: work-based opportunities and quotes by state and estimated close month, weighted by probability, and the
/// opportunities won and lost by the month they closed. The period filters the estimated close date of the pipeline and the close
/// date of the won and lost; the customer and contracting unit filters apply, the project and role filters do not.
/// </summary>
public sealed class SalesPipelineReport(PsaDb db)
{
    public const string Name = "pipeline";

    public async Task<PipelineReport> RunAsync(ReportFilter filter, CancellationToken ct = default)
    {
        var opportunities = db.Set<Opportunity>().AsNoTracking().Where(o => o.OrderType == OrderType.WorkBased);
        var quotes = db.Set<Quote>().AsNoTracking().Where(q => q.OrderType == OrderType.WorkBased);
        if (filter.CustomerId is { } customer)
        {
            opportunities = opportunities.Where(o => o.CustomerId == customer);
            quotes = quotes.Where(q => q.CustomerId == customer);
        }
        if (filter.ContractingUnitId is { } unit)
        {
            opportunities = opportunities.Where(o => o.ContractingUnitId == unit);
            quotes = quotes.Where(q => q.ContractingUnitId == unit);
        }
        var opportunityRows = await opportunities
            .Select(o => new { o.Id, o.StateCode, o.EstimatedCloseDate, o.ActualCloseDate, o.EstimatedValue, o.CloseProbability, o.Currency }).ToListAsync(ct);
        var byId = opportunityRows.ToDictionary(o => o.Id);
        var quoteRows = await quotes.Select(q => new { q.OpportunityId, q.StateCode, q.ClosedOn, q.Rollup.SalesAmount, q.Currency }).ToListAsync(ct);

        var deals = opportunityRows.Select(o => new PipelineDeal(PipelineRules.Opportunity, Labels.Words(o.StateCode),
                o.StateCode switch { OpportunityState.Won => DealOutcome.Won, OpportunityState.Lost => DealOutcome.Lost, _ => DealOutcome.Open },
                o.EstimatedCloseDate, o.ActualCloseDate, o.EstimatedValue ?? 0m, o.CloseProbability, o.Currency))
            .Concat(quoteRows.Select(q =>
            {
                var opportunity = q.OpportunityId is { } id ? byId.GetValueOrDefault(id) : null;
                return new PipelineDeal(PipelineRules.Quote, Labels.Words(q.StateCode),
                    q.StateCode switch { QuoteState.Won => DealOutcome.Won, QuoteState.Closed => DealOutcome.Lost, _ => DealOutcome.Open },
                    opportunity?.EstimatedCloseDate, q.ClosedOn, q.SalesAmount, opportunity?.CloseProbability, q.Currency);
            }))
            .ToList();
        var expected = PipelineRules.Build(deals.Where(d => InPeriod(filter, d.EstimatedClose)));
        var closed = PipelineRules.Build(deals.Where(d => d.Outcome != DealOutcome.Open && InPeriod(filter, d.ClosedOn)));
        return new PipelineReport(expected.Rows, closed.WonLost);
    }

    /// <summary>Whether a date falls in the filter's period; a deal without the date is in an open period only.</summary>
    private static bool InPeriod(ReportFilter filter, DateOnly? date) =>
        date is { } d ? (filter.From is not { } from || d >= from) && (filter.To is not { } to || d <= to) : filter.From is null && filter.To is null;

    /// <summary>The columns of the pipeline table, its downloads and the CLI's table.</summary>
    public static readonly IReadOnlyList<ExportColumn<PipelineRow>> Columns =
    [
        ExportColumn<PipelineRow>.Date("Estimated close month", r => r.Month),
        ExportColumn<PipelineRow>.Text("Kind", r => r.Kind),
        ExportColumn<PipelineRow>.Text("State", r => r.State),
        ExportColumn<PipelineRow>.Text("Currency", r => r.Currency),
        ExportColumn<PipelineRow>.Integer("Count", r => r.Count),
        ExportColumn<PipelineRow>.Number("Value", r => r.Value),
        ExportColumn<PipelineRow>.Number("Weighted value", r => r.Weighted),
    ];
}
