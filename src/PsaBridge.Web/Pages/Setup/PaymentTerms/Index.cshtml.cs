using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using PsaBridge.Finance.PaymentTerms;
using PsaBridge.Infrastructure.Paging;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Web.Pages.Shared;

namespace PsaBridge.Web.Pages.Setup.PaymentTerms;

/// <summary>Terms of payment: the codes a PSA account's payment terms must match (the seed's "Payment Term" rule).</summary>
public sealed class IndexModel(PaymentTermService terms) : AppPage
{
    [FromQuery(Name = Links.PageParameter)] public int? PageNumber { get; set; }
    [BindProperty] public TermForm Input { get; set; } = new();

    public Page<PaymentTerm> Terms { get; private set; } = new([], 0, 1, PageRequest.DefaultPageSize);

    public async Task OnGetAsync(CancellationToken ct) => Terms = await terms.ListAsync(PageRequest.Of(PageNumber, null), ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            try
            {
                var term = await terms.CreateAsync(new PaymentTermInput(Input.Code, Input.Description, Input.NetDays), ct);
                Notify($"Payment term '{term.Code}' created.");
                return RedirectToPage();
            }
            catch (ValidationFailedException e)
            {
                ModelState.AddFieldErrors(e.Errors, nameof(Input), typeof(TermForm));
            }
        }
        await OnGetAsync(ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public sealed class TermForm
    {
        [Display(Name = "Code")] public string? Code { get; set; }
        [Display(Name = "Description")] public string? Description { get; set; }
        [Display(Name = "Net days")] public int? NetDays { get; set; }
    }
}
