using System.ComponentModel.DataAnnotations;
using PsaBridge.Finance.AddressSetup;
using PsaBridge.Web.Pages.Shared.Grid;

namespace PsaBridge.Web.Pages.Setup.ZipCodes;

/// <summary>The zip codes of a country, linked to their state and city: list, add, and delete the selected. The sync adds the ones it meets that are missing.</summary>
[Authorize(Policy = Policies.Read)]
public sealed class IndexModel(AddressSetupService setup) : AddressSetupListPage<ZipCode, IndexModel.ZipForm>(setup)
{
    public static readonly ListGrid<ZipCode> ZipCodeGrid = new ListGrid<ZipCode>("zip codes", "zip-codes")
        .KeyedBy(z => z.Id)
        .Column("code", "Zip code", z => z.Code, GridFilterKind.Text)
        .Column("city", "City", z => z.City, GridFilterKind.Text)
        .Column("stateid", "State", z => z.StateId, GridFilterKind.Text)
        .Column("countryid", "Country/region", z => z.CountryId)
        .Column("bysync", "Created by the sync", z => z.CreatedBySyncAt, GridFilterKind.DateRange)
        .Extra("edit")
        .SortedBy("code");

    protected override ListGrid<ZipCode> Grid => ZipCodeGrid;
    protected override (string One, string Many) Noun => ("zip code", "zip codes");

    protected override Task<IQueryable<ZipCode>> QueryAsync(string country, string? state, CancellationToken ct) => Setup.ZipCodesQueryAsync(country, state, ct);

    protected override async Task<string> CreateAsync(string country, CancellationToken ct)
    {
        var zip = await Setup.CreateZipCodeAsync(new ZipCodeInput(country, Input.State, Input.City, Input.Code), ct);
        Created(zip.Id);
        return $"Zip code '{zip.Code}' ({zip.City}, {zip.StateId}) added.";
    }

    protected override bool IsKey(string key) => Guid.TryParse(key, out _);

    protected override string DeleteConsequence(IReadOnlyList<string> keys) =>
        "Accounts with these zip codes get them created again by the sync when their city and state are known.";

    protected override Task DeleteAsync(string key, CancellationToken ct) => Setup.DeleteZipCodeAsync(Guid.Parse(key), ct);

    public sealed class ZipForm : IStateForm
    {
        [Display(Name = "State")] public string? State { get; set; }
        [Display(Name = "City")] public string? City { get; set; }
        [Display(Name = "Zip code")] public string? Code { get; set; }
    }
}
