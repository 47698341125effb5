using Microsoft.AspNetCore.Mvc;
using PsaBridge.Psa.Actuals;
using PsaBridge.Web.Pages.Shared;

namespace PsaBridge.Web.Pages.Psa.Actuals;

/// <summary>One actual: its fields, the records it came from (Transaction Origin) and the transactions it is connected to.</summary>
[Authorize(Policy = Policies.Read)]
public sealed class DetailsModel(ActualQueries actuals) : AppPage
{
    [FromRoute] public Guid Id { get; set; }

    public ActualDetail Detail { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Detail = await actuals.GetAsync(Id, ct);

    /// <summary>A record named in an origin or a connection, in words, and where to open it when it has a page.</summary>
    public static (string Name, string? Href) Record(string type, Guid id) => type switch
    {
        TransactionTypes.Actual => ("Actual", PsaLinks.Actual(id)),
        TransactionTypes.Invoice => ("Invoice", PsaLinks.Invoice(id)),
        TransactionTypes.InvoiceLine => ("Invoice line", null),
        TransactionTypes.InvoiceLineDetail => ("Invoice line detail", null),
        TransactionTypes.JournalLine => ("Journal line", null),
        TransactionTypes.TimeEntry => ("Time entry", null),
        TransactionTypes.Expense => ("Expense", null),
        TransactionTypes.Milestone => ("Contract milestone", null),
        _ => (type, null),
    };
}
