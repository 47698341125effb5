using PsaBridge.Reporting.Pipeline;
using PsaBridge.Reporting.Shared;

namespace PsaBridge.Web.Pages.Reports;

[Authorize(Policy = Policies.Read)]
public sealed class PipelineModel(ReportFilterCheck check, Names names, SalesPipelineReport report) : ReportPage(check, names)
{
    public override bool HasProject => false;

    public PipelineReport? Report { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (await FilterAsync(ct) is { } filter) Report = await report.RunAsync(filter, ct);
    }
}
