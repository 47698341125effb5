using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using PsaBridge.Finance.AddressSetup;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Web.Pages.Shared;
using PsaBridge.Web.Pages.Shared.Grid;

namespace PsaBridge.Web.Pages.Setup.Cities;

/// <summary>The cities of a country (and state) that a PSA account's city must match: list, add, and delete the selected.</summary>
[Authorize(Policy = Policies.Read)]
public sealed class IndexModel(AddressSetupService setup) : AppPage
{
    public static readonly ListGrid<City> Grid = new ListGrid<City>("cities", "cities")
        .KeyedBy(c => c.CountryId + "|" + c.StateId + "|" + c.Name)
        .Column("name", "City", c => c.Name, GridFilterKind.Text)
        .Column("stateid", "State", c => c.StateId, GridFilterKind.Text)
        .Column("countryid", "Country/region", c => c.CountryId)
        .Extra("edit")
        .SortedBy("name");

    public static readonly GridAction[] Actions = [new("Delete", "Delete selected", Destructive: true)];

    [FromQuery(Name = "country")] public string? Country { get; set; }
    [FromQuery(Name = "state")] public string? State { get; set; }
    [BindProperty(SupportsGet = true)] public GridQuery Query { get; set; } = new();
    [BindProperty] public CityForm Input { get; set; } = new();

    public AddressChoices Choices { get; private set; } = new([], []);
    public GridPage<City> Cities { get; private set; } = GridPage<City>.Empty;
    public string? Problem { get; private set; }
    public ConfirmView? Confirm { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Country = string.IsNullOrWhiteSpace(Country) ? AddressChoices.DefaultCountry : Country.Trim();
        Choices = await AddressChoices.LoadAsync(setup, Country, ct);
        Input.State ??= State;
        try
        {
            Cities = Checked(await Grid.PageAsync(await setup.CitiesQueryAsync(Country, State, ct), Query, ct));
        }
        catch (NotFoundException e)
        {
            Problem = e.Message;
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct) =>
        Grid.Export(await setup.CitiesQueryAsync(string.IsNullOrWhiteSpace(Country) ? AddressChoices.DefaultCountry : Country, State, ct), Query);

    public Task<IActionResult> OnPostExportAsync(CancellationToken ct) => OnGetExportAsync(ct);

    [HandlerPolicy(Policies.ManageFinance)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            var city = await setup.CreateCityAsync(new CityInput(Country ?? AddressChoices.DefaultCountry, Input.State, Input.Name), ct);
            Notify($"City '{city.Name}' ({city.StateId}) added.");
            return BackToList();
        }
        catch (ValidationFailedException e)
        {
            ModelState.AddFieldErrors(e.Errors, nameof(Input), typeof(CityForm));
        }
        await OnGetAsync(ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    [HandlerPolicy(Policies.ManageFinance)]
    public async Task<IActionResult> OnPostDeleteAsync(bool confirmed, CancellationToken ct)
    {
        var keys = Query.Selected.Select(k => k.Split('|')).Where(k => k.Length == 3).ToList();
        if (keys.Count == 0)
        {
            Notify("Select one or more cities first.");
            return BackToList();
        }
        if (!confirmed)
        {
            Confirm = new ConfirmView($"Delete {keys.Count} cit{(keys.Count == 1 ? "y" : "ies")}?",
                $"{string.Join(", ", keys.Select(k => $"{k[2]} ({k[1]})"))}. Accounts in these cities will fail the sync until they are added again.",
                "Delete", "Delete", Query.Selected);
            await OnGetAsync(ct);
            return Page();
        }
        var refused = new List<string>();
        foreach (var k in keys)
        {
            try { await setup.DeleteCityAsync(k[0], k[1], k[2], ct); }
            catch (Exception e) when (e is ConflictException or NotFoundException) { refused.Add(e.Message); }
        }
        Notify($"{keys.Count - refused.Count} deleted." + (refused.Count > 0 ? " Not deleted: " + string.Join(" ", refused) : ""));
        return BackToList();
    }

    public sealed class CityForm
    {
        [Display(Name = "State")] public string? State { get; set; }
        [Display(Name = "City name")] public string? Name { get; set; }
    }
}
