using Microsoft.AspNetCore.Mvc;
using PsaBridge.Finance.Customers;
using PsaBridge.Infrastructure.Paging;
using PsaBridge.Web.Pages.Shared;

namespace PsaBridge.Web.Pages.Finance.Customers;

public sealed class IndexModel(CustomerQueries customers) : AppPage
{
    [FromQuery(Name = "search")] public string? Search { get; set; }
    [FromQuery(Name = Links.PageParameter)] public int? PageNumber { get; set; }

    public Page<Customer> Customers { get; private set; } = new([], 0, 1, PageRequest.DefaultPageSize);

    public async Task OnGetAsync(CancellationToken ct) =>
        Customers = await customers.ListAsync(new CustomerFilter(Search), PageRequest.Of(PageNumber, null), ct);
}
