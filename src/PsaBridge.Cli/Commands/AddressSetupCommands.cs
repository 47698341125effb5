using System.CommandLine;
using PsaBridge.Cli.Infrastructure;
using PsaBridge.Finance.AddressSetup;
using Spectre.Console;

namespace PsaBridge.Cli.Commands;

/// <summary>
/// The finance address setup the sync validates against: <c>countries</c>, <c>states</c>,
/// <c>cities</c>, <c>zip-codes</c> and <c>currencies</c>. More cities and zip codes come in with
/// <c>psabridge import address-data</c>.
/// </summary>
internal static class AddressSetupCommands
{
    private static Argument<string> CountryArgument() => new("COUNTRY")
    {
        Description = "The country/region by ISO alpha-2 (US), alpha-3 (USA) or name (United States), case-insensitive.",
    };

    private static Option<string?> StateOption() => new("--state")
    {
        Description = "Only this state, by code (WA, US-WA) or name (Washington).",
        HelpName = "STATE",
    };

    public static Command Countries()
    {
        var search = CommonOptions.Search("alpha-2 or alpha-3 code (exactly) or name (anywhere)");
        var paging = new PagingOptions();
        var list = paging.AddTo(new Command("list", "Lists countries/regions (ISO 3166-1) by name.") { search }).Runs(async ctx =>
        {
            var page = await ctx.Service<AddressSetupService>().CountriesAsync(ctx.Value(search), paging.Read(ctx), ctx.Cancellation);
            ctx.Console.WritePage(page, "countries/regions", ("Country/region", c => c.Id), ("ISO alpha-2", c => c.Iso2), ("Name", c => c.Name));
            return ExitCodes.Ok;
        });
        return new Command("countries", "Countries/regions of the address setup; the id is ISO alpha-3, as in finance.") { list };
    }

    public static Command States()
    {
        var country = CountryArgument();
        var search = CommonOptions.Search("code (exactly) or name (anywhere)");
        var paging = new PagingOptions();
        var list = paging.AddTo(new Command("list", "Lists the states (ISO 3166-2 subdivisions) of a country by code.") { country, search }).Runs(async ctx =>
        {
            var page = await ctx.Service<AddressSetupService>().StatesAsync(ctx.Value(country), ctx.Value(search), paging.Read(ctx), ctx.Cancellation);
            ctx.Console.WritePage(page, "states", ("Country/region", s => s.CountryId), ("State", s => s.StateId), ("Name", s => s.Name), ("Type", s => s.Type));
            return ExitCodes.Ok;
        });
        return new Command("states", "States of the address setup.") { list };
    }

    public static Command Cities()
    {
        var country = CountryArgument();
        var state = StateOption();
        var search = CommonOptions.Search("name (from the start)");
        var paging = new PagingOptions();
        var list = paging.AddTo(new Command("list", "Lists the cities of a country by name.") { country, state, search }).Runs(async ctx =>
        {
            var page = await ctx.Service<AddressSetupService>().CitiesAsync(ctx.Value(country), ctx.Value(state), ctx.Value(search), paging.Read(ctx), ctx.Cancellation);
            ctx.Console.WritePage(page, "cities", ("City", c => c.Name), ("State", c => c.StateId), ("Country/region", c => c.CountryId));
            return ExitCodes.Ok;
        });
        return new Command("cities", "Cities of the address setup.") { list };
    }

    public static Command ZipCodes()
    {
        var country = CountryArgument();
        var state = StateOption();
        var city = new Option<string?>("--city") { Description = "Only zip codes of this city (whole name, case-insensitive).", HelpName = "CITY" };
        var code = new Option<string?>("--code") { Description = "Only zip codes that start with this text.", HelpName = "CODE" };
        var paging = new PagingOptions();
        var list = paging.AddTo(new Command("list", "Lists the zip codes of a country by code.") { country, state, city, code }).Runs(async ctx =>
        {
            var page = await ctx.Service<AddressSetupService>().ZipCodesAsync(ctx.Value(country), ctx.Value(state), ctx.Value(city), ctx.Value(code),
                paging.Read(ctx), ctx.Cancellation);
            ctx.Console.WritePage(page, "zip codes",
                ("Zip code", z => z.Code), ("City", z => z.City), ("State", z => z.StateId), ("Country/region", z => z.CountryId),
                ("Created by sync", z => z.CreatedBySyncAt));
            return ExitCodes.Ok;
        });
        return new Command("zip-codes", "Zip codes of the address setup, each linked to its country, state and city.") { list };
    }

    public static Command Currencies()
    {
        var search = CommonOptions.Search("code (exactly) or name (anywhere)");
        var paging = new PagingOptions();
        var list = paging.AddTo(new Command("list", "Lists currencies (ISO 4217) by code.") { search }).Runs(async ctx =>
        {
            var page = await ctx.Service<AddressSetupService>().CurrenciesAsync(ctx.Value(search), paging.Read(ctx), ctx.Cancellation);
            ctx.Console.WritePage(page, "currencies", ("Currency", c => c.Code), ("Name", c => c.Name), ("Numeric code", c => c.NumericCode));
            return ExitCodes.Ok;
        });
        return new Command("currencies", "Currencies (ISO 4217).") { list };
    }
}
