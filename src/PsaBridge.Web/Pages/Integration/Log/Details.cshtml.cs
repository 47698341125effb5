using Microsoft.AspNetCore.Mvc;
using PsaBridge.Finance.IntegrationLog;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Integration.Log;
using PsaBridge.Web.Pages.Shared;
using PsaBridge.Web.Pages.Shared.Grid;

namespace PsaBridge.Web.Pages.Integration.Log;

/// <summary>
/// The Details of one run: its header and its lines. A run with errors opens on its Error lines; the lines can be searched
/// by account name or number, filtered by the field that failed, sorted, paged (to any page) and exported.
/// </summary>
[Authorize(Policy = Policies.Read)]
public sealed class DetailsModel(IntegrationLogQueries log) : AppPage
{
    /// <summary>The same order as the log's header filter.</summary>
    public static readonly LogStatusFilter[] Filters = IndexModel.Filters;

    /// <summary>The fields the sync's messages name first ("State: 'Washingtn' does not exist ..."), in the seed's order.</summary>
    public static readonly string[] FailingFields = ["Account number", "Name", "Customer group", "Payment term", "Street", "Country", "State", "City", "Zip code"];

    public static readonly ListGrid<IntegrationLogLine> Grid = new ListGrid<IntegrationLogLine>("lines", "integration-log-lines")
        .KeyedBy(l => l.LineNumber)
        .Filter("search", "Account name or number", GridFilterKind.Text, text => SearchFor(text))
        .Filter("field", "Failing field", GridFilterKind.Choice, field => FailingIn(field), FailingFields.Select(f => (f, f)).ToList())
        .Column("line", "Line", l => l.LineNumber)
        .Column("account", "PSA account", l => l.AccountName)
        .Column("number", "Account number", l => l.AccountNumber)
        .Column("customer", "Customer account", l => l.CustomerAccount)
        .Column("status", "Status", l => l.Status)
        .Column("action", "Action", l => l.Action, GridFilterKind.Choice)
        .Column("messages", "Messages", l => l.Messages, sortable: false)
        .Column("psaid", "PSA GUID", l => l.PsaAccountId, shown: false)
        .SortedBy("line");

    [FromRoute] public Guid Id { get; set; }
    [FromQuery(Name = "status")] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public GridQuery Query { get; set; } = new();

    public LogHeaderView Header { get; private set; } = null!;
    public LogStatusFilter Filter { get; private set; } = LogStatusFilter.All;
    public GridPage<LogLineView> Lines { get; private set; } = GridPage<LogLineView>.Empty;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Header = await log.HeaderAsync(Id, ct);
        ParseStatus();
        Lines = Checked(await Grid.PageAsync(log.LinesQuery(Id, Filter), Query, ct)).Map(LogLineView.From);
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        Header = await log.HeaderAsync(Id, ct);
        ParseStatus();
        return Grid.Export(log.LinesQuery(Id, Filter), Query);
    }

    public Task<IActionResult> OnPostExportAsync(CancellationToken ct) => OnGetExportAsync(ct);

    /// <summary>A run with errors opens on its Error lines; one without, on all of them.</summary>
    private void ParseStatus()
    {
        var fallback = Header.Counts.Failed > 0 ? LogStatusFilter.Error : LogStatusFilter.All;
        try
        {
            Filter = IntegrationLogQueries.ParseFilter(Status, fallback);
            if (Filter == LogStatusFilter.Running) throw new ValidationFailedException("status", $"Status '{Status}' is not one of Error, Completed, All.");
        }
        catch (ValidationFailedException e)
        {
            ModelState.AddFieldErrors(e.Errors, "", GetType());
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Filter = fallback;
        }
    }

    private static System.Linq.Expressions.Expression<Func<IntegrationLogLine, bool>> SearchFor(string text)
    {
        var term = text.ToLowerInvariant();
        return l => l.AccountName.ToLower().Contains(term) || (l.AccountNumber != null && l.AccountNumber.ToLower().Contains(term));
    }

    /// <summary>Each message starts with the field it is about; the messages are one text, a message a line.</summary>
    private static System.Linq.Expressions.Expression<Func<IntegrationLogLine, bool>> FailingIn(string field)
    {
        var name = FailingFields.First(f => string.Equals(f, field, StringComparison.OrdinalIgnoreCase));
        var first = name + ": ";
        var later = "\n" + name + ": ";
        return l => l.Status == IntegrationStatus.Error && (l.Messages.StartsWith(first) || l.Messages.Contains(later));
    }
}
