using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using PsaBridge.Finance.AddressSetup;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Web.Pages.Shared;
using PsaBridge.Web.Pages.Shared.Grid;

namespace PsaBridge.Web.Pages.Setup.Cities;

/// <summary>One city: rename it (its zip codes follow) or delete it, after a confirmation.</summary>
[Authorize(Policy = Policies.ManageFinance)]
public sealed class EditModel(AddressSetupService setup) : AppPage
{
    [FromRoute] public string Country { get; set; } = "";
    [FromRoute] public string State { get; set; } = "";
    [FromRoute] public string Name { get; set; } = "";
    [BindProperty, Display(Name = "City name")] public string? NewName { get; set; }

    public City City { get; private set; } = null!;
    public ConfirmView? Confirm { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        City = await LoadAsync(ct);
        NewName ??= City.Name;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            var renamed = await setup.RenameCityAsync(Country, State, Name, NewName, ct);
            Notify($"City '{Name}' is now '{renamed.Name}'.");
            return Redirect($"/setup/cities?country={Uri.EscapeDataString(Country)}&state={Uri.EscapeDataString(State)}");
        }
        catch (ValidationFailedException e)
        {
            ModelState.AddFieldErrors(e.Errors.Select(x => x with { Field = nameof(NewName), Message = x.Message.Replace("'name'", "City name") }).ToList(), "", GetType());
        }
        City = await LoadAsync(ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(bool confirmed, CancellationToken ct)
    {
        City = await LoadAsync(ct);
        if (!confirmed)
        {
            Confirm = new ConfirmView($"Delete the city {City.Name} ({City.StateId})?", "Accounts in this city will fail the sync until it is added again.", "Delete", "Delete city", []);
            NewName = City.Name;
            return Page();
        }
        try
        {
            await setup.DeleteCityAsync(Country, State, Name, ct);
            Notify($"City '{Name}' ({State}) deleted.");
            return Redirect($"/setup/cities?country={Uri.EscapeDataString(Country)}&state={Uri.EscapeDataString(State)}");
        }
        catch (ConflictException e)
        {
            ModelState.AddModelError("", e.Message);
            NewName = City.Name;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
    }

    private async Task<City> LoadAsync(CancellationToken ct) =>
        (await setup.CitiesQueryAsync(Country, State, ct)).FirstOrDefault(c => c.Name == Name) ?? throw new NotFoundException("City", $"{Country}/{State}/{Name}");
}
