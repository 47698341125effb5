using Microsoft.AspNetCore.Mvc;
using PsaBridge.Finance.AddressSetup;
using PsaBridge.Infrastructure.Paging;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Web.Pages.Shared;

namespace PsaBridge.Web.Pages.Setup.Cities;

/// <summary>The cities of a country (and state) that a PSA account's city must match.</summary>
public sealed class IndexModel(AddressSetupService setup) : AppPage
{
    [FromQuery(Name = "country")] public string? Country { get; set; }
    [FromQuery(Name = "state")] public string? State { get; set; }
    [FromQuery(Name = "search")] public string? Search { get; set; }
    [FromQuery(Name = Links.PageParameter)] public int? PageNumber { get; set; }

    public AddressChoices Choices { get; private set; } = new([], []);
    public Page<City> Cities { get; private set; } = new([], 0, 1, PageRequest.DefaultPageSize);
    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Country = string.IsNullOrWhiteSpace(Country) ? AddressChoices.DefaultCountry : Country.Trim();
        Choices = await AddressChoices.LoadAsync(setup, Country, ct);
        try
        {
            Cities = await setup.CitiesAsync(Country, State, Search, PageRequest.Of(PageNumber, null), ct);
        }
        catch (NotFoundException e)
        {
            Problem = e.Message;
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }
}
