using PsaBridge.Reporting.ActualsByPeriod;
using PsaBridge.Reporting.Shared;

namespace PsaBridge.Web.Pages.Reports;

[Authorize(Policy = Policies.Read)]
public sealed class ActualsByPeriodModel(ReportFilterCheck check, Names names, ActualsByPeriodReport report) : ReportPage(check, names)
{
    public override bool HasRole => true;

    public IReadOnlyList<PeriodRow>? Rows { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (await FilterAsync(ct) is { } filter) Rows = await report.RunAsync(filter, ct);
    }
}
