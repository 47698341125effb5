using PsaBridge.Finance.AddressSetup;

namespace PsaBridge.Finance.Tests.AddressSetup;

public class AddressLookupTests
{
    private static readonly AddressLookup Lookup = AddressLookup.FromReferenceData(withCities: true);

    [Theory]
    [InlineData("us")]
    [InlineData("US")]
    [InlineData("usa")]
    [InlineData("USA")]
    [InlineData("united states")]
    [InlineData("  United   States ")]
    [InlineData("UNITED STATES OF AMERICA")]
    public void Finds_the_United_States_by_alpha2_alpha3_or_name(string text) =>
        Lookup.FindCountry(text)!.Id.ShouldBe("USA");

    [Theory]
    [InlineData("de", "DEU")]
    [InlineData("Germany", "DEU")]
    [InlineData("gb", "GBR")]
    [InlineData("united kingdom", "GBR")]
    [InlineData("United Kingdom of Great Britain and Northern Ireland", "GBR")]
    [InlineData("CAN", "CAN")]
    [InlineData("Bolivia", "BOL")]
    [InlineData("Vietnam", "VNM")]
    [InlineData("viet nam", "VNM")]
    [InlineData("South Korea", "KOR")]
    [InlineData("Congo", "COG")] // the exact name, not the short form of "Congo, The Democratic Republic of the"
    [InlineData("Cote d'Ivoire", "CIV")] // accents ignored: Côte d'Ivoire
    [InlineData("aland islands", "ALA")] // Åland Islands
    public void Finds_other_countries_by_code_name_or_alias(string text, string expected) =>
        Lookup.FindCountry(text)!.Id.ShouldBe(expected);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Atlantis")]
    [InlineData("XX")]
    [InlineData("Korea")] // both Koreas: ambiguous, so none
    public void Finds_no_country_for_unknown_or_ambiguous_text(string? text) =>
        Lookup.FindCountry(text).ShouldBeNull();

    [Theory]
    [InlineData("wa")]
    [InlineData("WA")]
    [InlineData(" WA ")]
    [InlineData("US-WA")]
    [InlineData("us-wa")]
    [InlineData("washington")]
    [InlineData("Washington")]
    public void Finds_Washington_by_code_or_name(string text)
    {
        var state = Lookup.FindState("USA", text)!;
        state.StateId.ShouldBe("WA");
        state.Name.ShouldBe("Washington");
    }

    [Theory]
    [InlineData("DEU", "BY", "BY")]
    [InlineData("DEU", "DE-BY", "BY")]
    [InlineData("DEU", "bayern", "BY")]
    [InlineData("DEU", "Bavaria", "BY")] // GeoNames' English name
    [InlineData("DEU", "baden-wurttemberg", "BW")] // accents ignored
    [InlineData("DEU", "Baden-Württemberg", "BW")]
    [InlineData("DEU", "North Rhine-Westphalia", "NW")]
    [InlineData("CAN", "quebec", "QC")]
    [InlineData("CAN", "ON", "ON")]
    [InlineData("GBR", "England", "ENG")]
    [InlineData("GBR", "wales", "WLS")] // ISO: "Wales [Cymru GB-CYM]"
    [InlineData("GBR", "Cymru", "WLS")]
    [InlineData("USA", "District of Columbia", "DC")]
    [InlineData("USA", "puerto rico", "PR")]
    public void Finds_states_by_code_or_name_within_their_country(string country, string text, string expected) =>
        Lookup.FindState(country, text)!.StateId.ShouldBe(expected);

    [Theory]
    [InlineData("USA", "ON")] // Ontario is Canadian
    [InlineData("USA", "Bavaria")]
    [InlineData("USA", "Narnia")]
    [InlineData("USA", "")]
    [InlineData("XXX", "WA")]
    public void Finds_no_state_outside_its_country(string country, string text) =>
        Lookup.FindState(country, text).ShouldBeNull();

    [Fact]
    public void Finds_cities_within_country_and_state()
    {
        Lookup.FindCity("USA", "WA", "seattle")!.Name.ShouldBe("Seattle");
        Lookup.FindCity("USA", "WA", "  SEATTLE ")!.Name.ShouldBe("Seattle");
        Lookup.FindCity("CAN", "QC", "Montreal")!.Name.ShouldBe("Montréal");
        Lookup.FindCity("DEU", "BY", "muenchen").ShouldBeNull();
        Lookup.FindCity("DEU", "BY", "münchen")!.Name.ShouldBe("München");
        Lookup.FindCity("USA", "OR", "Seattle").ShouldBeNull();
    }

    [Fact]
    public void A_lookup_built_from_lists_knows_only_those_and_learns_added_cities()
    {
        var lookup = new AddressLookup(
            [new Country { Id = "NOR", Iso2 = "NO", Name = "Norway" }],
            [new State { CountryId = "NOR", StateId = "03", Name = "Oslo", Type = "County" }]);

        lookup.FindCountry("no")!.Id.ShouldBe("NOR");
        lookup.FindCountry("norway")!.Iso2.ShouldBe("NO");
        lookup.FindCountry("USA").ShouldBeNull();
        lookup.FindState("NOR", "NO-03")!.Name.ShouldBe("Oslo");
        lookup.FindState("nor", "oslo")!.StateId.ShouldBe("03");
        lookup.StatesOf("NOR").Count.ShouldBe(1);
        lookup.FindCity("NOR", "03", "Oslo").ShouldBeNull();

        lookup.AddCity(new City { CountryId = "NOR", StateId = "03", Name = "Oslo" });

        lookup.FindCity("nor", "03", "OSLO")!.Name.ShouldBe("Oslo");
        lookup.CityCount.ShouldBe(1);
    }
}
