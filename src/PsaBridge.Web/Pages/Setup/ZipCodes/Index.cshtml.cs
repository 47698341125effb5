using Microsoft.AspNetCore.Mvc;
using PsaBridge.Finance.AddressSetup;
using PsaBridge.Infrastructure.Paging;
using PsaBridge.Infrastructure.Validation;
using PsaBridge.Web.Pages.Shared;

namespace PsaBridge.Web.Pages.Setup.ZipCodes;

/// <summary>The zip codes of a country, linked to their state and city; the sync adds the ones it meets that are missing.</summary>
public sealed class IndexModel(AddressSetupService setup) : AppPage
{
    [FromQuery(Name = "country")] public string? Country { get; set; }
    [FromQuery(Name = "state")] public string? State { get; set; }
    [FromQuery(Name = "city")] public string? City { get; set; }
    [FromQuery(Name = "code")] public string? Code { get; set; }
    [FromQuery(Name = Links.PageParameter)] public int? PageNumber { get; set; }

    public AddressChoices Choices { get; private set; } = new([], []);
    public Page<ZipCode> ZipCodes { get; private set; } = new([], 0, 1, PageRequest.DefaultPageSize);
    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Country = string.IsNullOrWhiteSpace(Country) ? AddressChoices.DefaultCountry : Country.Trim();
        Choices = await AddressChoices.LoadAsync(setup, Country, ct);
        try
        {
            ZipCodes = await setup.ZipCodesAsync(Country, State, City, Code, PageRequest.Of(PageNumber, null), ct);
        }
        catch (NotFoundException e)
        {
            Problem = e.Message;
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }
}
