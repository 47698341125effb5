using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using PsaBridge.Finance.AddressSetup;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Web.Pages.Shared;
using PsaBridge.Web.Pages.Shared.Grid;

namespace PsaBridge.Web.Pages.Setup.ZipCodes;

/// <summary>One zip code: change its code or city (within its state), or delete it after a confirmation.</summary>
[Authorize(Policy = Policies.ManageFinance)]
public sealed class EditModel(AddressSetupService setup) : AppPage
{
    [FromRoute] public Guid Id { get; set; }
    [BindProperty, Display(Name = "Zip code")] public string? Code { get; set; }
    [BindProperty, Display(Name = "City")] public string? City { get; set; }

    public ZipCode ZipCode { get; private set; } = null!;
    public ConfirmView? Confirm { get; private set; }
    public string BackUrl => $"/setup/zip-codes?country={Uri.EscapeDataString(ZipCode.CountryId)}&state={Uri.EscapeDataString(ZipCode.StateId)}";

    public async Task OnGetAsync(CancellationToken ct)
    {
        ZipCode = await setup.GetZipCodeAsync(Id, ct);
        Code ??= ZipCode.Code;
        City ??= ZipCode.City;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ZipCode = await setup.GetZipCodeAsync(Id, ct);
        try
        {
            var saved = await setup.UpdateZipCodeAsync(Id, Code, City, ct);
            Notify($"Zip code '{saved.Code}' ({saved.City}, {saved.StateId}) saved.");
            return Redirect(BackUrl);
        }
        catch (ValidationFailedException e)
        {
            ModelState.AddFieldErrors(e.Errors, "", GetType());
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(bool confirmed, CancellationToken ct)
    {
        await OnGetAsync(ct);
        if (!confirmed)
        {
            Confirm = new ConfirmView($"Delete zip code {ZipCode.Code} ({ZipCode.City}, {ZipCode.StateId})?",
                "The sync creates it again for an account that brings it with a known city and state.", "Delete", "Delete zip code", []);
            return Page();
        }
        await setup.DeleteZipCodeAsync(Id, ct);
        Notify($"Zip code '{ZipCode.Code}' ({ZipCode.City}) deleted.");
        return Redirect(BackUrl);
    }
}
