using Microsoft.AspNetCore.Mvc;
using PsaBridge.Finance.Customers;
using PsaBridge.Web.Pages.Shared;
using PsaBridge.Web.Pages.Shared.Grid;

namespace PsaBridge.Web.Pages.Finance.Customers;

/// <summary>Finance customers in the shared grid; <c>search</c> keeps the old quick search (account, name, phone, email).</summary>
[Authorize(Policy = Policies.Read)]
public sealed class IndexModel(CustomerQueries customers) : AppPage
{
    public static readonly ListGrid<Customer> Grid = new ListGrid<Customer>("customers", "finance-customers")
        .KeyedBy(c => c.CustomerAccount)
        .Column("account", "Customer account", c => c.CustomerAccount, GridFilterKind.Text)
        .Column("name", "Name", c => c.Name, GridFilterKind.Text)
        .Column("group", "Customer group", c => c.CustomerGroupId, GridFilterKind.Text)
        .Column("currency", "Currency", c => c.Currency, GridFilterKind.Text)
        .Column("terms", "Terms of payment", c => c.PaymentTerms, GridFilterKind.Text)
        .Column("credit", "Credit limit", c => c.CreditLimit)
        .Column("city", "City", c => c.Address.City, GridFilterKind.Text)
        .Column("state", "State", c => c.Address.State, GridFilterKind.Text)
        .Column("country", "Country/Region", c => c.Address.CountryRegion, GridFilterKind.Text)
        .Column("created", "Created", c => c.CreatedAt, GridFilterKind.DateRange)
        .Column("psa", "PSA GUID", c => c.PsaAccountId, shown: false)
        .SortedBy("account");

    [FromQuery(Name = "search")] public string? Search { get; set; }
    [BindProperty(SupportsGet = true)] public GridQuery Query { get; set; } = new();

    public GridPage<Customer> Customers { get; private set; } = GridPage<Customer>.Empty;

    public async Task OnGetAsync(CancellationToken ct) => Customers = Checked(await Grid.PageAsync(customers.Query(new CustomerFilter(Search)), Query, ct));

    public IActionResult OnGetExport() => Grid.Export(customers.Query(new CustomerFilter(Search)), Query);

    public IActionResult OnPostExport() => OnGetExport();
}
