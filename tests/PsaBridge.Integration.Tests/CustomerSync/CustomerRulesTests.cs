using PsaBridge.Finance.AddressSetup;
using PsaBridge.Finance.PaymentTerms;
using PsaBridge.Integration.CustomerSync;
using PsaBridge.Integration.Sources;

namespace PsaBridge.Integration.Tests.CustomerSync;

/// <summary>The seed's field rules as plain code, without a database.</summary>
public sealed class CustomerRulesTests
{
    private static readonly FinanceReference Reference = BuildReference();

    private static FinanceReference BuildReference()
    {
        var reference = new FinanceReference(new AddressLookup(
            [new Country { Id = "USA", Iso2 = "US", Name = "United States" }, new Country { Id = "CAN", Iso2 = "CA", Name = "Canada" }],
            [new State { CountryId = "USA", StateId = "WA", Name = "Washington" }, new State { CountryId = "USA", StateId = "OR", Name = "Oregon" },
             new State { CountryId = "CAN", StateId = "ON", Name = "Ontario" }]),
            PaymentTerm.Defaults(), ["10"], ["USD", "EUR", "CAD"]);
        reference.AddCity(new City { CountryId = "USA", StateId = "WA", Name = "Seattle" });
        reference.AddCity(new City { CountryId = "USA", StateId = "WA", Name = "Portland" });
        reference.AddCity(new City { CountryId = "USA", StateId = "OR", Name = "Portland" });
        reference.AddZip("USA", "98101", "WA", "Seattle");
        return reference;
    }

    private static PsaAccountRecord Account(string? country = "US", string? state = "WA", string? city = "Seattle", string? zip = "98101",
        string? terms = "Net30", string? number = null, string name = "Fourth Coffee", decimal? credit = 1000m) =>
        new(Guid.NewGuid(), 1, name, number, "usd", " +1 425 555 0100 ", "AP@FOURTHCOFFEE.COM", "1 Main St", null, null, city, state, zip, country, credit, terms);

    [Theory]
    [InlineData("US")]
    [InlineData("usa")]
    [InlineData("United States")]
    [InlineData(" united   states ")]
    public void Country_is_found_by_alpha2_alpha3_or_name(string country)
    {
        var mapping = CustomerRules.Map(Account(country: country), Reference, "10");
        mapping.Errors.ShouldBeEmpty();
        mapping.Address.CountryRegion.ShouldBe("USA");
    }

    [Theory]
    [InlineData("WA")]
    [InlineData("wa")]
    [InlineData("US-WA")]
    [InlineData("Washington")]
    public void State_is_found_by_code_or_name_within_the_country(string state) =>
        CustomerRules.Map(Account(state: state), Reference, "10").Address.State.ShouldBe("WA");

    [Fact]
    public void A_currency_finance_does_not_have_fails_the_account_naming_it()
    {
        var mapping = CustomerRules.Map(Account() with { Currency = "XYZ" }, Reference, "10");
        mapping.Errors.ShouldBe(["Currency: 'XYZ' does not exist in finance."]);
        CustomerRules.Map(Account() with { Currency = "  " }, Reference, "10").Errors.ShouldBeEmpty(); // none given: none stored
    }

    [Fact]
    public void A_NUL_character_in_a_value_finance_stores_as_it_comes_fails_the_account_naming_the_field()
    {
        var mapping = CustomerRules.Map(Account(name: "Fourth\0Coffee") with { EmailAddress1 = "ap@\0x.com", Line2 = "Unit\u00007" }, Reference, "10");
        mapping.Errors.ShouldBe([
            "Name: holds a NUL character (U+0000), which finance cannot store; remove it in PSA.",
            "Email: holds a NUL character (U+0000), which finance cannot store; remove it in PSA.",
            "Street: holds a NUL character (U+0000), which finance cannot store; remove it in PSA."]);
    }

    [Fact]
    public void Currency_phone_and_email_are_taken_as_they_come()
    {
        var mapping = CustomerRules.Map(Account(), Reference, "10");
        mapping.Currency.ShouldBe("usd");
        mapping.Phone.ShouldBe("+1 425 555 0100");
        mapping.Email.ShouldBe("AP@FOURTHCOFFEE.COM");
        mapping.CreditLimit.ShouldBe(1000m);
    }

    [Fact]
    public void A_missing_credit_limit_is_zero() => CustomerRules.Map(Account(credit: null), Reference, "10").CreditLimit.ShouldBe(0m);

    [Fact]
    public void A_state_of_another_country_is_an_error() =>
        CustomerRules.Map(Account(country: "CA", state: "WA", city: null, zip: null), Reference, "10").Errors
            .ShouldBe(["State: 'WA' does not exist in finance for Canada (CAN)."]);

    [Fact]
    public void A_city_in_two_states_needs_the_state()
    {
        CustomerRules.Map(Account(state: null, city: "Portland", zip: null), Reference, "10").Errors
            .ShouldBe(["City: 'Portland' exists in several states of United States (WA, OR); the account must give the state."]);
        foreach (var state in new[] { "OR", "WA" }) // the second of the two cities and the first
        {
            var mapping = CustomerRules.Map(Account(state: state, city: "Portland", zip: null), Reference, "10");
            mapping.Errors.ShouldBeEmpty();
            (mapping.Address.State, mapping.Address.City).ShouldBe((state, "Portland"));
        }
    }

    [Fact]
    public void A_city_in_one_state_gives_the_state_when_the_account_has_none()
    {
        var mapping = CustomerRules.Map(Account(state: null), Reference, "10");
        mapping.Errors.ShouldBeEmpty();
        mapping.Address.State.ShouldBe("WA");
        mapping.ZipToCreate.ShouldBeNull();
    }

    [Fact]
    public void An_unknown_zip_code_is_to_be_created_linked_to_country_state_and_city()
    {
        var mapping = CustomerRules.Map(Account(zip: "98104"), Reference, "10");
        mapping.Errors.ShouldBeEmpty();
        mapping.ZipToCreate.ShouldBe(new NewZipCode("USA", "98104", "WA", "Seattle"));
    }

    [Fact]
    public void A_zip_code_without_a_city_cannot_be_created() =>
        CustomerRules.Map(Account(city: null, zip: "99999"), Reference, "10").Errors
            .ShouldBe(["Zip code: '99999' does not exist in finance for United States and cannot be created without a city and state."]);

    [Theory]
    [InlineData("Net30", "Net30")]
    [InlineData("net 30", "Net30")]
    [InlineData("Net 30 days", "Net30")]
    [InlineData("Due on receipt", "DueOnRcpt")]
    [InlineData(null, null)]
    public void Payment_term_is_found_by_code_or_description(string? given, string? expected) =>
        CustomerRules.Map(Account(terms: given), Reference, "10").PaymentTerms.ShouldBe(expected);

    [Fact]
    public void Every_broken_rule_is_listed()
    {
        var errors = CustomerRules.Map(Account(country: "Narnia", terms: "Net90", number: new string('X', 21), name: new string('N', 101)), Reference, "99").Errors;
        errors.Count.ShouldBe(5);
        errors[0].ShouldStartWith("Account number: '");
        errors[1].ShouldStartWith("Name: '");
        errors[2].ShouldBe("Customer group: the default customer group '99' does not exist in finance (set PsaBridge:CustomerSync:CustomerGroup).");
        errors[3].ShouldBe("Country: 'Narnia' does not exist in finance (give an ISO code such as US or USA, or the country's name).");
        errors[4].ShouldStartWith("Payment term: 'Net90' does not exist in finance (known: ");
    }

    [Fact]
    public void An_account_without_an_address_maps_to_a_customer_without_one()
    {
        var mapping = CustomerRules.Map(Account(country: null, state: null, city: null, zip: null) with { Line1 = null }, Reference, "10");
        mapping.Errors.ShouldBeEmpty();
        mapping.Address.IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public void An_address_without_a_country_is_an_error() =>
        CustomerRules.Map(Account(country: null), Reference, "10").Errors
            .ShouldBe(["Country: the address has no country/region; it is needed to validate the state, city and zip code."]);
}
