using PsaBridge.Reporting.Profitability;
using PsaBridge.Reporting.Shared;

namespace PsaBridge.Web.Pages.Reports;

[Authorize(Policy = Policies.Read)]
public sealed class ProfitabilityModel(ReportFilterCheck check, Names names, ProjectProfitability report) : ReportPage(check, names)
{
    public override bool HasRole => true;

    public ProfitabilityReport? Report { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (await FilterAsync(ct) is { } filter) Report = await report.RunAsync(filter, ct);
    }
}
