using PsaBridge.Reporting.Backlog;
using PsaBridge.Reporting.Shared;

namespace PsaBridge.Web.Pages.Reports;

[Authorize(Policy = Policies.Read)]
public sealed class BacklogModel(ReportFilterCheck check, Names names, BillingBacklog report, TimeProvider clock) : ReportPage(check, names)
{
    public override bool HasAsOf => true;

    public BacklogReport? Report { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Filter.AsOf ??= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (await FilterAsync(ct) is { } filter) Report = await report.RunAsync(filter, Filter.AsOf.Value, ct);
    }
}
