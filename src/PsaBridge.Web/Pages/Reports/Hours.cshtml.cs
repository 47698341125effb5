using PsaBridge.Reporting.Hours;
using PsaBridge.Reporting.Shared;

namespace PsaBridge.Web.Pages.Reports;

[Authorize(Policy = Policies.Read)]
public sealed class HoursModel(ReportFilterCheck check, Names names, HoursReport report) : ReportPage(check, names)
{
    public override bool HasRole => true;

    public IReadOnlyList<HoursRow>? Rows { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (await FilterAsync(ct) is { } filter) Rows = await report.RunAsync(filter, ct);
    }
}
