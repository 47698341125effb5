using PsaBridge.Finance.AddressSetup;
using PsaBridge.Infrastructure.Paging;

namespace PsaBridge.Web.Pages.Setup;

/// <summary>The countries, and the chosen country's states, for the filters of the address setup pages.</summary>
public sealed record AddressChoices(IReadOnlyList<Country> Countries, IReadOnlyList<State> States)
{
    public const string DefaultCountry = "USA";

    public static async Task<AddressChoices> LoadAsync(AddressSetupService setup, string? country, CancellationToken ct)
    {
        var countries = (await setup.CountriesAsync(null, PageRequest.Of(1, PageRequest.MaxPageSize), ct)).Items;
        var found = await setup.FindCountryAsync(country, ct);
        var states = found is null ? [] : (await setup.StatesAsync(found.Id, null, PageRequest.Of(1, PageRequest.MaxPageSize), ct)).Items;
        return new AddressChoices(countries, states);
    }
}
