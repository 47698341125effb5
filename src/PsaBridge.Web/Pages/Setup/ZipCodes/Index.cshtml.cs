using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using PsaBridge.Finance.AddressSetup;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Web.Pages.Shared;
using PsaBridge.Web.Pages.Shared.Grid;

namespace PsaBridge.Web.Pages.Setup.ZipCodes;

/// <summary>The zip codes of a country, linked to their state and city: list, add, and delete the selected. The sync adds the ones it meets that are missing.</summary>
[Authorize(Policy = Policies.Read)]
public sealed class IndexModel(AddressSetupService setup) : AppPage
{
    public static readonly ListGrid<ZipCode> Grid = new ListGrid<ZipCode>("zip codes", "zip-codes")
        .KeyedBy(z => z.Id)
        .Column("code", "Zip code", z => z.Code, GridFilterKind.Text)
        .Column("city", "City", z => z.City, GridFilterKind.Text)
        .Column("stateid", "State", z => z.StateId, GridFilterKind.Text)
        .Column("countryid", "Country/region", z => z.CountryId)
        .Column("bysync", "Created by the sync", z => z.CreatedBySyncAt, GridFilterKind.DateRange)
        .Extra("edit")
        .SortedBy("code");

    public static readonly GridAction[] Actions = [new("Delete", "Delete selected", Destructive: true)];

    [FromQuery(Name = "country")] public string? Country { get; set; }
    [FromQuery(Name = "state")] public string? State { get; set; }
    [BindProperty(SupportsGet = true)] public GridQuery Query { get; set; } = new();
    [BindProperty] public ZipForm Input { get; set; } = new();

    public AddressChoices Choices { get; private set; } = new([], []);
    public GridPage<ZipCode> ZipCodes { get; private set; } = GridPage<ZipCode>.Empty;
    public string? Problem { get; private set; }
    public ConfirmView? Confirm { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Country = string.IsNullOrWhiteSpace(Country) ? AddressChoices.DefaultCountry : Country.Trim();
        Choices = await AddressChoices.LoadAsync(setup, Country, ct);
        Input.State ??= State;
        try
        {
            ZipCodes = Checked(await Grid.PageAsync(await setup.ZipCodesQueryAsync(Country, State, ct), Query, ct));
        }
        catch (NotFoundException e)
        {
            Problem = e.Message;
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct) =>
        Grid.Export(await setup.ZipCodesQueryAsync(string.IsNullOrWhiteSpace(Country) ? AddressChoices.DefaultCountry : Country, State, ct), Query);

    public Task<IActionResult> OnPostExportAsync(CancellationToken ct) => OnGetExportAsync(ct);

    [HandlerPolicy(Policies.ManageFinance)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            var zip = await setup.CreateZipCodeAsync(new ZipCodeInput(Country ?? AddressChoices.DefaultCountry, Input.State, Input.City, Input.Code), ct);
            Notify($"Zip code '{zip.Code}' ({zip.City}, {zip.StateId}) added.");
            return BackToList();
        }
        catch (ValidationFailedException e)
        {
            ModelState.AddFieldErrors(e.Errors, nameof(Input), typeof(ZipForm));
        }
        await OnGetAsync(ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    [HandlerPolicy(Policies.ManageFinance)]
    public async Task<IActionResult> OnPostDeleteAsync(bool confirmed, CancellationToken ct)
    {
        var ids = Query.Selected.Select(s => Guid.TryParse(s, out var id) ? id : (Guid?)null).OfType<Guid>().ToList();
        if (ids.Count == 0)
        {
            Notify("Select one or more zip codes first.");
            return BackToList();
        }
        if (!confirmed)
        {
            Confirm = new ConfirmView($"Delete {ids.Count} zip code{(ids.Count == 1 ? "" : "s")}?",
                "Accounts with these zip codes get them created again by the sync when their city and state are known.", "Delete", "Delete", Query.Selected);
            await OnGetAsync(ct);
            return Page();
        }
        foreach (var id in ids) await setup.DeleteZipCodeAsync(id, ct);
        Notify($"{ids.Count} zip code{(ids.Count == 1 ? "" : "s")} deleted.");
        return BackToList();
    }

    public sealed class ZipForm
    {
        [Display(Name = "State")] public string? State { get; set; }
        [Display(Name = "City")] public string? City { get; set; }
        [Display(Name = "Zip code")] public string? Code { get; set; }
    }
}
