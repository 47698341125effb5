using Microsoft.AspNetCore.Mvc;
using PsaBridge.Psa.Accounts;
using PsaBridge.Web.Pages.Shared;
using PsaBridge.Web.Pages.Shared.Grid;

namespace PsaBridge.Web.Pages.Psa.Accounts;

/// <summary>PSA accounts in the shared grid; selected accounts can be activated or deactivated together.</summary>
[Authorize(Policy = Policies.Read)]
public sealed class IndexModel(AccountService accounts) : AppPage
{
    public static readonly ListGrid<Account> Grid = new ListGrid<Account>("accounts", "psa-accounts")
        .KeyedBy(a => a.Id)
        .Column("name", "Account name", a => a.Name, GridFilterKind.Text)
        .Column("number", "Account number", a => a.AccountNumber, GridFilterKind.Text)
        .Column("city", "City", a => a.Address1.City, GridFilterKind.Text)
        .Column("stateorprovince", "State/Province", a => a.Address1.StateOrProvince, GridFilterKind.Text)
        .Column("country", "Country/Region", a => a.Address1.Country, GridFilterKind.Text)
        .Column("currency", "Currency", a => a.Currency)
        .Column("terms", "Payment terms", a => a.PaymentTerms, GridFilterKind.Text)
        .Column("credit", "Credit limit", a => a.CreditLimit)
        .Column("state", "Status", a => a.StateCode, GridFilterKind.Choice)
        .Column("modified", "Modified", a => a.ModifiedOn, GridFilterKind.DateRange)
        .SortedBy("name");

    public static readonly GridAction[] Actions = [new("Activate", "Activate"), new("Deactivate", "Deactivate")];

    [BindProperty(SupportsGet = true)] public GridQuery Query { get; set; } = new();

    public GridPage<Account> Accounts { get; private set; } = GridPage<Account>.Empty;

    public async Task OnGetAsync(CancellationToken ct) => Accounts = Checked(await Grid.PageAsync(accounts.Query(new AccountFilter()), Query, ct));

    public IActionResult OnGetExport() => Grid.Export(accounts.Query(new AccountFilter()), Query);

    public IActionResult OnPostExport() => OnGetExport();

    [HandlerPolicy(Policies.OperateIntegration)]
    public Task<IActionResult> OnPostActivateAsync(CancellationToken ct) => SetStateAsync(AccountState.Active, ct);

    [HandlerPolicy(Policies.OperateIntegration)]
    public Task<IActionResult> OnPostDeactivateAsync(CancellationToken ct) => SetStateAsync(AccountState.Inactive, ct);

    private async Task<IActionResult> SetStateAsync(AccountState state, CancellationToken ct)
    {
        var ids = Query.Selected.Select(s => Guid.TryParse(s, out var id) ? id : (Guid?)null).OfType<Guid>().ToList();
        if (ids.Count == 0)
        {
            Notify("Select one or more accounts first.");
            return BackToList();
        }
        foreach (var id in ids) await accounts.SetStateAsync(id, state, ct);
        Notify($"{ids.Count} account{(ids.Count == 1 ? "" : "s")} {(state == AccountState.Active ? "activated" : "deactivated")}.");
        return BackToList();
    }
}
