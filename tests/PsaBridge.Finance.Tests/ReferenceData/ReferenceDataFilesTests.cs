using PsaBridge.Finance.AddressSetup;
using PsaBridge.Finance.ReferenceData;

namespace PsaBridge.Finance.Tests.ReferenceData;

public class ReferenceDataFilesTests
{
    [Fact]
    public void Countries_are_all_249_of_ISO_3166_1_with_unique_codes()
    {
        var countries = ReferenceDataFiles.Countries().ToList();

        countries.Count.ShouldBe(249);
        countries.Select(c => c.Id).Distinct().Count().ShouldBe(249);
        countries.Select(c => c.Iso2).Distinct().Count().ShouldBe(249);
        countries.ShouldAllBe(c => c.Id.Length == 3 && c.Iso2.Length == 2 && c.Name.Length > 0 && c.Name.Length <= 100);
        var usa = countries.Single(c => c.Id == "USA");
        usa.Iso2.ShouldBe("US");
        usa.Name.ShouldBe("United States");
        countries.Single(c => c.Id == "DEU").Name.ShouldBe("Germany");
        countries.Single(c => c.Id == "GBR").Iso2.ShouldBe("GB");
    }

    [Fact]
    public void States_are_every_ISO_3166_2_subdivision()
    {
        var states = ReferenceDataFiles.States().ToList();

        states.Count.ShouldBe(5127); // Debian iso-codes 4.15.0
        states.Select(s => (s.CountryId, s.StateId)).Distinct().Count().ShouldBe(states.Count);
        states.ShouldAllBe(s => s.StateId.Length <= 10 && s.Name.Length <= 100 && (s.Type == null || s.Type.Length <= 60));
        var countries = ReferenceDataFiles.Countries().Select(c => c.Id).ToHashSet();
        states.ShouldAllBe(s => countries.Contains(s.CountryId));
    }

    [Fact]
    public void The_United_States_have_50_states_DC_and_6_outlying_areas()
    {
        var us = ReferenceDataFiles.States().Where(s => s.CountryId == "USA").ToList();

        us.Count.ShouldBe(57);
        us.Count(s => s.Type == "State").ShouldBe(50);
        us.Single(s => s.Type == "District").StateId.ShouldBe("DC");
        us.Where(s => s.Type == "Outlying area").Select(s => s.StateId).OrderBy(x => x)
            .ShouldBe(["AS", "GU", "MP", "PR", "UM", "VI"]);
        us.Single(s => s.StateId == "WA").Name.ShouldBe("Washington");
    }

    [Fact]
    public void Canada_Germany_and_the_United_Kingdom_have_their_ISO_subdivisions()
    {
        var states = ReferenceDataFiles.States().ToList();

        states.Count(s => s.CountryId == "CAN").ShouldBe(13); // 10 provinces, 3 territories
        states.Single(s => s.CountryId == "CAN" && s.StateId == "ON").Name.ShouldBe("Ontario");
        states.Count(s => s.CountryId == "DEU").ShouldBe(16); // the Länder
        states.Single(s => s.CountryId == "DEU" && s.StateId == "BY").Name.ShouldBe("Bayern");
        states.Single(s => s.CountryId == "DEU" && s.StateId == "BW").Name.ShouldBe("Baden-Württemberg");
        var gb = states.Where(s => s.CountryId == "GBR").ToDictionary(s => s.StateId);
        gb["ENG"].Name.ShouldBe("England");
        gb["SCT"].Name.ShouldBe("Scotland");
        gb["NIR"].Name.ShouldBe("Northern Ireland");
        gb["WLS"].Name.ShouldStartWith("Wales");
    }

    [Fact]
    public void Currencies_are_ISO_4217_with_numeric_codes()
    {
        var currencies = ReferenceDataFiles.Currencies().ToDictionary(c => c.Code);

        currencies.Count.ShouldBe(181);
        currencies["USD"].Name.ShouldBe("US Dollar");
        currencies["USD"].NumericCode.ShouldBe("840");
        currencies["EUR"].NumericCode.ShouldBe("978");
        currencies["GBP"].Name.ShouldBe("Pound Sterling");
        currencies["JPY"].NumericCode.ShouldBe("392");
    }

    [Theory]
    [InlineData("USA", "98101", "WA", "Seattle")]
    [InlineData("USA", "10001", "NY", "New York")]
    [InlineData("USA", "00901", "PR", "San Juan")]
    [InlineData("CAN", "M5V", "ON", "Toronto")]
    [InlineData("CAN", "H2X", "QC", "Montréal")]
    [InlineData("CAN", "V6B", "BC", "Vancouver")]
    [InlineData("GBR", "SW1", "ENG", "London")]
    [InlineData("GBR", "CR0", "ENG", "Croydon")]
    [InlineData("GBR", "KT1", "ENG", "Kingston upon Thames")]
    [InlineData("DEU", "80331", "BY", "München")]
    [InlineData("DEU", "10115", "BE", "Berlin")]
    [InlineData("DEU", "60311", "HE", "Frankfurt am Main")]
    [InlineData("DEU", "01067", "SN", "Dresden")]
    public void Real_zip_codes_have_their_city_and_state(string country, string zip, string state, string city)
    {
        var match = ReferenceDataFiles.ZipCodes().Where(z => z.CountryId == country && z.Code == zip).ToList();

        match.ShouldContain(z => z.StateId == state && z.City == city, $"{country} {zip}: {string.Join(", ", match.Select(m => m.StateId + " " + m.City))}");
    }

    [Fact]
    public void Every_zip_code_names_a_city_and_every_city_a_state()
    {
        var states = ReferenceDataFiles.States().Select(s => (s.CountryId, s.StateId)).ToHashSet();
        var cities = new HashSet<(string, string, string)>();
        foreach (var c in ReferenceDataFiles.Cities())
        {
            states.ShouldContain((c.CountryId, c.StateId));
            c.Name.Length.ShouldBeInRange(1, 60);
            cities.Add((c.CountryId, c.StateId, c.Name)).ShouldBeTrue($"duplicate city {c.CountryId} {c.StateId} {c.Name}");
        }

        var zips = ReferenceDataFiles.ZipCodes().ToList();
        zips.ShouldAllBe(z => cities.Contains(new ValueTuple<string, string, string>(z.CountryId, z.StateId, z.City)));
        zips.ShouldAllBe(z => z.Code.Length <= 10 && z.CreatedBySyncAt == null);
        zips.Select(z => (z.CountryId, z.Code, z.StateId, z.City)).Distinct().Count().ShouldBe(zips.Count);
        zips.Select(z => z.Id).Distinct().Count().ShouldBe(zips.Count);

        var perCountry = zips.GroupBy(z => z.CountryId).ToDictionary(g => g.Key, g => g.Count());
        perCountry["USA"].ShouldBeGreaterThan(40_000);
        perCountry["DEU"].ShouldBeGreaterThan(19_000);
        perCountry["CAN"].ShouldBeGreaterThan(1_500);
        perCountry["GBR"].ShouldBeGreaterThan(200);
        cities.Count(c => c.Item1 == "GBR").ShouldBeGreaterThan(4_000);
    }

    [Fact]
    public void Zip_code_ids_are_stable_name_based_guids()
    {
        var seattle = ReferenceDataFiles.ZipCodes().First(z => z.CountryId == "USA" && z.Code == "98101");

        seattle.Id.ShouldBe(ReferenceDataFiles.ReferenceZipCodeId("USA", "98101", "WA", "Seattle"));
        seattle.Id.ToString()[14].ShouldBe('5'); // version 5 layout
        ReferenceDataFiles.ReferenceZipCodeId("USA", "98101", "WA", "Seattle")
            .ShouldNotBe(ReferenceDataFiles.ReferenceZipCodeId("USA", "98102", "WA", "Seattle"));
    }

    [Fact]
    public void Aliases_name_real_countries_and_states()
    {
        var aliases = ReferenceDataFiles.Aliases().ToList();

        aliases.ShouldContain(new AddressAlias(AddressAliasKind.Country, "USA", "USA", "United States of America"));
        aliases.ShouldContain(new AddressAlias(AddressAliasKind.State, "DEU", "BY", "Bavaria"));
        var countries = ReferenceDataFiles.Countries().Select(c => c.Id).ToHashSet();
        aliases.ShouldAllBe(a => countries.Contains(a.CountryId));
    }

    [Fact]
    public void Every_embedded_file_is_present_with_its_provenance()
    {
        foreach (var file in ReferenceDataFiles.FileNames)
        {
            using var stream = ReferenceDataFiles.Open(file);
            stream.ReadByte().ShouldNotBe(-1, file);
        }
        using var provenance = new StreamReader(ReferenceDataFiles.Open("PROVENANCE.md"));
        var text = provenance.ReadToEnd();
        foreach (var file in ReferenceDataFiles.FileNames) text.ShouldContain(file);
    }
}
