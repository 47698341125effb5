using PsaBridge.Reporting.ActualsByPeriod;
using PsaBridge.Reporting.Backlog;
using PsaBridge.Reporting.Hours;
using PsaBridge.Reporting.Pipeline;
using PsaBridge.Reporting.Profitability;
using PsaBridge.Reporting.Shared;
using PsaBridge.Reporting.Utilization;
using PsaBridge.Web.Pages.Shared;

namespace PsaBridge.Web.Pages.Reports;

/// <summary>The reporting home: each report's headline figures and a small chart, linking into the report.</summary>
[Authorize(Policy = Policies.Read)]
public sealed class IndexModel(ProjectProfitability profitability, BillingBacklog backlog, ActualsByPeriodReport periods, HoursReport hours,
    SalesPipelineReport pipeline, ResourceUtilizationReport utilization, TimeProvider clock) : AppPage
{
    public ProfitabilityReport Profitability { get; private set; } = new([], [], []);
    public BacklogReport Backlog { get; private set; } = new(default, []);
    public IReadOnlyList<PeriodRow> Periods { get; private set; } = [];
    public IReadOnlyList<HoursRow> Hours { get; private set; } = [];
    public PipelineReport Pipeline { get; private set; } = new([], []);
    public UtilizationReportResult? Utilization { get; private set; }

    /// <summary>Profitability in total, per currency (amounts in two currencies are never added).</summary>
    public IEnumerable<ProfitAmounts> ProfitByCurrency(out List<string> currencies)
    {
        var groups = Profitability.Projects.GroupBy(p => p.Currency).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        currencies = groups.Select(g => g.Key).ToList();
        return groups.Select(g => new ProfitAmounts(g.Sum(p => p.Cost), g.Sum(p => p.UnbilledSales), g.Sum(p => p.BilledSales)));
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Profitability = await profitability.RunAsync(ReportFilter.None, ct);
        Backlog = await backlog.RunAsync(ReportFilter.None, today, ct);
        Periods = await periods.RunAsync(ReportFilter.None, ct);
        Hours = await hours.RunAsync(ReportFilter.None, ct);
        Pipeline = await pipeline.RunAsync(ReportFilter.None, ct);
        Utilization = await utilization.RunAsync(ReportFilter.None, today, ct);
    }
}
