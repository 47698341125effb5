using Microsoft.AspNetCore.Mvc;
using PsaBridge.Finance.Customers;
using PsaBridge.Infrastructure.Paging;
using PsaBridge.Integration.Log;
using PsaBridge.Web.Pages.Shared;

namespace PsaBridge.Web.Pages.Finance.Customers;

/// <summary>A customer: its address, the PSA account it comes from, and the log lines that touched it.</summary>
[Authorize(Policy = Policies.Read)]
public sealed class DetailsModel(CustomerQueries customers, IntegrationLogQueries log) : AppPage
{
    public const int LinesPerPage = 20;

    [FromRoute] public string Account { get; set; } = "";
    [FromQuery(Name = Links.PageParameter)] public int? PageNumber { get; set; }

    public Customer Customer { get; private set; } = null!;
    public Page<(LogHeaderView Header, LogLineView Line)> Lines { get; private set; } = new([], 0, 1, LinesPerPage);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Customer = await customers.GetAsync(Account, ct);
        Lines = await log.LinesForAsync(Customer.PsaAccountId, PageRequest.Of(PageNumber, LinesPerPage), ct);
    }
}
