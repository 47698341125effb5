using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using PsaBridge.Finance.PaymentTerms;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Web.Pages.Shared;
using PsaBridge.Web.Pages.Shared.Grid;

namespace PsaBridge.Web.Pages.Setup.PaymentTerms;

/// <summary>One payment term: change its description and net days (its code is its key), or delete it after a confirmation.</summary>
[Authorize(Policy = Policies.ManageFinance)]
public sealed class EditModel(PaymentTermService terms) : AppPage
{
    [FromRoute] public string Code { get; set; } = "";
    [BindProperty, Display(Name = "Description")] public string? Description { get; set; }
    [BindProperty, Display(Name = "Net days")] public int? NetDays { get; set; }

    public PaymentTerm Term { get; private set; } = null!;
    public ConfirmView? Confirm { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Term = await terms.GetAsync(Code, ct);
        Description ??= Term.Description;
        NetDays ??= Term.NetDays;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Term = await terms.GetAsync(Code, ct);
        if (ModelState.IsValid)
        {
            try
            {
                // An emptied description is sent as empty, so the rule that it is required answers (null would mean "unchanged").
                var saved = await terms.UpdateAsync(Code, new PaymentTermInput(null, Description ?? "", NetDays), ct);
                Notify($"Payment term '{saved.Code}' saved.");
                return Redirect("/setup/payment-terms");
            }
            catch (ValidationFailedException e)
            {
                ModelState.AddFieldErrors(e.Errors, "", GetType());
            }
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(bool confirmed, CancellationToken ct)
    {
        await OnGetAsync(ct);
        if (!confirmed)
        {
            Confirm = new ConfirmView($"Delete payment term {Term.Code}?", "Accounts with this term fail the sync until it exists again.", "Delete", "Delete payment term", []);
            return Page();
        }
        try
        {
            await terms.DeleteAsync(Code, ct);
            Notify($"Payment term '{Code}' deleted.");
            return Redirect("/setup/payment-terms");
        }
        catch (ConflictException e)
        {
            ModelState.AddModelError("", e.Message);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
    }
}
