using Microsoft.AspNetCore.Mvc;
using PsaBridge.Finance.PaymentTerms;
using PsaBridge.Infrastructure.Paging;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Psa.Accounts;
using PsaBridge.Web.Pages.Shared;

namespace PsaBridge.Web.Pages.Psa.Accounts;

[Authorize(Policy = Policies.OperateIntegration)]
public sealed class NewModel(AccountService accounts, PaymentTermService terms) : AppPage
{
    [BindProperty] public AccountForm Input { get; set; } = new();

    public IReadOnlyList<PaymentTerm> PaymentTerms { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => PaymentTerms = (await terms.ListAsync(PageRequest.Of(1, PageRequest.MaxPageSize), ct)).Items;

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var input = Input.ToInput();
        if (ModelState.IsValid)
        {
            try
            {
                var account = await accounts.CreateAsync(input, ct: ct);
                Created(account.Id);
                Notify($"Account '{account.Name}' created. The next run of the sync brings it into finance.");
                return Redirect(Links.PsaAccount(account.Id));
            }
            catch (ValidationFailedException e)
            {
                ModelState.AddFieldErrors(e.Errors, nameof(Input), typeof(AccountForm));
            }
        }
        else ModelState.AddFieldErrors(input.Validate().Errors, nameof(Input), typeof(AccountForm));
        await OnGetAsync(ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
