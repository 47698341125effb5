using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Reporting.Shared;
using PsaBridge.Web.Pages.Shared;

namespace PsaBridge.Web.Pages.Reports;

/// <summary>The filters of a report page, as the query string carries them (<c>?from=2018-01-01&amp;customerId=...</c>).</summary>
public sealed class ReportFilterForm
{
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public Guid? CustomerId { get; set; }
    public Guid? ProjectId { get; set; }
    public Guid? ContractingUnitId { get; set; }
    public Guid? RoleId { get; set; }
    public DateOnly? AsOf { get; set; }

    public ReportFilter ToFilter() => new(From, To, CustomerId, ProjectId, ContractingUnitId, RoleId);

    /// <summary>The filters as a query string, for the download links: the same rows as the page.</summary>
    public string Query(string? format = null)
    {
        var values = new (string Name, object? Value)[]
        {
            ("from", From), ("to", To), ("customerId", CustomerId), ("projectId", ProjectId), ("contractingUnitId", ContractingUnitId),
            ("roleId", RoleId), ("asOf", AsOf), ("format", format),
        };
        var parts = values.Where(v => v.Value is not null)
            .Select(v => $"{v.Name}={Uri.EscapeDataString(v.Value is IFormattable f ? f.ToString(v.Value is DateOnly ? "yyyy-MM-dd" : null, CultureInfo.InvariantCulture) : v.Value!.ToString()!)}");
        return "?" + string.Join("&", parts);
    }
}

/// <summary>
/// The base of a report page: the filters, the choices of its lists, and a check that refuses a period that runs backwards or a
/// record that does not exist, beside the field, before any figure is read.
/// </summary>
public abstract class ReportPage(ReportFilterCheck check, Names names) : AppPage
{
    [BindProperty(SupportsGet = true)]
    public ReportFilterForm Filter { get; set; } = new();

    public IReadOnlyList<KeyValuePair<Guid, string>> Customers { get; private set; } = [];
    public IReadOnlyList<KeyValuePair<Guid, string>> Projects { get; private set; } = [];
    public IReadOnlyList<KeyValuePair<Guid, string>> Units { get; private set; } = [];
    public IReadOnlyList<KeyValuePair<Guid, string>> Roles { get; private set; } = [];

    /// <summary>Whether the page filters by role (where every figure carries one: profitability, actuals by period, hours, utilization), and whether it is aged on a date (the backlog).</summary>
    public virtual bool HasRole => false;
    public virtual bool HasAsOf => false;

    /// <summary>Whether the page filters by customer and by project (the pipeline has no projects, utilization neither).</summary>
    public virtual bool HasCustomer => true;
    public virtual bool HasProject => true;

    /// <summary>The checked filter, or null when a field is wrong (its error is then beside it).</summary>
    protected async Task<ReportFilter?> FilterAsync(CancellationToken ct)
    {
        Customers = Sorted(await names.CustomersAsync(ct));
        Projects = Sorted(await names.ProjectsAsync(ct));
        Units = Sorted(await names.UnitsAsync(ct));
        Roles = Sorted(await names.RolesAsync(ct));
        if (!ModelState.IsValid) return null;
        try
        {
            return await check.CheckAsync(Filter.ToFilter(), ct);
        }
        catch (ValidationFailedException e)
        {
            ModelState.AddFieldErrors(e.Errors, nameof(Filter), typeof(ReportFilterForm));
            return null;
        }
    }

    private static List<KeyValuePair<Guid, string>> Sorted(Dictionary<Guid, string> names) =>
        names.OrderBy(n => n.Value, StringComparer.OrdinalIgnoreCase).ToList();
}
