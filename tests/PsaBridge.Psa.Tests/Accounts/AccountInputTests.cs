using PsaBridge.Psa.Accounts;

namespace PsaBridge.Psa.Tests.Accounts;

/// <summary>The account's entry rules over plain objects: each text field is checked for length and control characters, once.</summary>
public sealed class AccountInputTests
{
    private static Dictionary<string, string[]> Errors(AccountInput input) =>
        input.Validate("accounts[3].").Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());

    [Fact]
    public void A_control_character_in_any_text_field_is_named_once_with_its_code_point()
    {
        var errors = Errors(new AccountInput("Fourth\u0000Coffee", AccountNumber: "FC\u001b", Telephone1: "555\u0007",
            PaymentTerms: "Net\n30", Address1: new AddressInput(Line2: "Unit\t7", Country: "US\u007f")));

        errors.Keys.Order().ShouldBe(["accounts[3].accountNumber", "accounts[3].address1.country", "accounts[3].address1.line2",
            "accounts[3].name", "accounts[3].paymentTerms", "accounts[3].telephone1"]);
        errors["accounts[3].name"].ShouldBe(["'accounts[3].name' holds the control character U+0000; only printable text is allowed."]);
        errors["accounts[3].address1.line2"].ShouldBe(["'accounts[3].address1.line2' holds the control character U+0009; only printable text is allowed."]);
        errors["accounts[3].address1.country"].ShouldBe(["'accounts[3].address1.country' holds the control character U+007F; only printable text is allowed."]);
    }

    [Fact]
    public void An_overlong_field_is_refused_with_its_length_and_a_missing_name_as_required()
    {
        var errors = Errors(new AccountInput(" ", AccountNumber: new string('9', Account.AccountNumberLength + 1),
            Address1: new AddressInput(City: new string('x', Account.CityLength + 5))));

        errors["accounts[3].name"].ShouldBe(["'accounts[3].name' is required."]);
        errors["accounts[3].accountNumber"].ShouldBe(["'accounts[3].accountNumber' is 21 characters long; at most 20 are allowed."]);
        errors["accounts[3].address1.city"].ShouldBe(["'accounts[3].address1.city' is 85 characters long; at most 80 are allowed."]);
        errors.Count.ShouldBe(3);
    }

    [Fact]
    public void Valid_text_at_its_longest_passes_and_a_currency_is_three_letters()
    {
        new AccountInput(new string('n', Account.NameLength), Currency: "usd", EmailAddress1: "ap@fourthcoffee.com",
            Address1: new AddressInput(Line1: new string('l', Account.LineLength))).Validate().Ok.ShouldBeTrue();
        Errors(new AccountInput("Contoso", Currency: "US\u0000"))["accounts[3].currency"]
            .ShouldBe(["Currency 'US\u0000' is not an ISO 4217 code (three letters, such as USD)."]);
    }
}
