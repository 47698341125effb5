using PsaBridge.Infrastructure.Validation;
using PsaBridge.Reporting.Shared;
using PsaBridge.Web.Pages.Shared;
using PsaBridge.Reporting.Utilization;

namespace PsaBridge.Web.Pages.Reports;

[Authorize(Policy = Policies.Read)]
public sealed class UtilizationModel(ReportFilterCheck check, Names names, ResourceUtilizationReport report, TimeProvider clock) : ReportPage(check, names)
{
    public override bool HasRole => true;
    public override bool HasCustomer => false;
    public override bool HasProject => false;

    public UtilizationReportResult? Report { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (await FilterAsync(ct) is not { } filter) return;
        try
        {
            Report = await report.RunAsync(filter, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct);
        }
        catch (ValidationFailedException e)
        {
            // A window longer than the planning's utilization reads (three years) is refused beside the To field.
            ModelState.AddFieldErrors(e.Errors, nameof(Filter), typeof(ReportFilterForm));
        }
    }
}
