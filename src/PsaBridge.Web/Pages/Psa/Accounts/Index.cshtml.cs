using Microsoft.AspNetCore.Mvc;
using PsaBridge.Infrastructure.Paging;
using PsaBridge.Psa.Accounts;
using PsaBridge.Web.Pages.Shared;

namespace PsaBridge.Web.Pages.Psa.Accounts;

public sealed class IndexModel(AccountService accounts) : AppPage
{
    [FromQuery(Name = "search")] public string? Search { get; set; }
    [FromQuery(Name = "state")] public AccountState? State { get; set; }
    [FromQuery(Name = Links.PageParameter)] public int? PageNumber { get; set; }

    public Page<Account> Accounts { get; private set; } = new([], 0, 1, PageRequest.DefaultPageSize);

    public async Task OnGetAsync(CancellationToken ct) =>
        Accounts = await accounts.ListAsync(new AccountFilter(Search, State), PageRequest.Of(PageNumber, null), ct);
}
