using System.ComponentModel.DataAnnotations;
using PsaBridge.Finance.AddressSetup;
using PsaBridge.Web.Pages.Shared.Grid;

namespace PsaBridge.Web.Pages.Setup.Cities;

/// <summary>The cities of a country (and state) that a PSA account's city must match: list, add, and delete the selected.</summary>
[Authorize(Policy = Policies.Read)]
public sealed class IndexModel(AddressSetupService setup) : AddressSetupListPage<City, IndexModel.CityForm>(setup)
{
    public static readonly ListGrid<City> CityGrid = new ListGrid<City>("cities", "cities")
        // Written out, not through Key, so that a selection filters in SQL.
        .KeyedBy(c => c.CountryId + "|" + c.StateId + "|" + c.Name)
        .Column("name", "City", c => c.Name, GridFilterKind.Text)
        .Column("stateid", "State", c => c.StateId, GridFilterKind.Text)
        .Column("countryid", "Country/region", c => c.CountryId)
        .Extra("edit")
        .SortedBy("name");

    /// <summary>A city has no id of its own: it is named by its country, state and name.</summary>
    public static string Key(string country, string state, string name) => $"{country}|{state}|{name}";

    protected override ListGrid<City> Grid => CityGrid;
    protected override (string One, string Many) Noun => ("city", "cities");

    protected override Task<IQueryable<City>> QueryAsync(string country, string? state, CancellationToken ct) => Setup.CitiesQueryAsync(country, state, ct);

    protected override async Task<string> CreateAsync(string country, CancellationToken ct)
    {
        var city = await Setup.CreateCityAsync(new CityInput(country, Input.State, Input.Name), ct);
        Created($"{city.CountryId}/{city.StateId}/{city.Name}");
        return $"City '{city.Name}' ({city.StateId}) added.";
    }

    protected override bool IsKey(string key) => key.Split('|').Length == 3;

    protected override string DeleteConsequence(IReadOnlyList<string> keys) =>
        $"{string.Join(", ", keys.Select(k => k.Split('|')).Select(k => $"{k[2]} ({k[1]})"))}. Accounts in these cities will fail the sync until they are added again.";

    protected override Task DeleteAsync(string key, CancellationToken ct) =>
        key.Split('|') is [var country, var state, var name] ? Setup.DeleteCityAsync(country, state, name, ct) : Task.CompletedTask;

    public sealed class CityForm : IStateForm
    {
        [Display(Name = "State")] public string? State { get; set; }
        [Display(Name = "City name")] public string? Name { get; set; }
    }
}
