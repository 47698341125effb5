using PsaBridge.Infrastructure.Validation;

namespace PsaBridge.Psa.Accounts;

public sealed record AddressInput(string? Line1 = null, string? Line2 = null, string? Line3 = null, string? City = null,
    string? StateOrProvince = null, string? PostalCode = null, string? Country = null);

/// <summary>An account as the API and the CSV import take it. Text is trimmed; blank becomes empty (null).</summary>
public sealed record AccountInput(
    string? Name,
    string? AccountNumber = null,
    string? Currency = null,
    string? Telephone1 = null,
    string? EmailAddress1 = null,
    AddressInput? Address1 = null,
    decimal? CreditLimit = null,
    string? PaymentTerms = null)
{
    public const decimal MaxCreditLimit = 100_000_000_000_000m;

    /// <summary>Every broken rule, named by its JSON field.</summary>
    public Rules Validate(string prefix = "")
    {
        var rules = new Rules();
        // Text finance would store as it comes: a NUL that PostgreSQL refuses, or a tab or line break pasted into a field.
        rules.Required(prefix + "name", Name, Account.NameLength).NoControlCharacters(prefix + "name", Name);
        rules.Text(prefix + "accountNumber", AccountNumber, Account.AccountNumberLength);
        if (!string.IsNullOrWhiteSpace(Currency) && (Currency.Trim().Length != 3 || !Currency.Trim().All(char.IsAsciiLetter)))
            rules.Add(prefix + "currency", $"Currency '{Currency}' is not an ISO 4217 code (three letters, such as USD).");
        rules.Text(prefix + "telephone1", Telephone1, Account.PhoneLength);
        rules.Text(prefix + "emailAddress1", EmailAddress1, Account.EmailLength).Email(prefix + "emailAddress1", EmailAddress1);
        rules.Range(prefix + "creditLimit", CreditLimit, 0, MaxCreditLimit);
        rules.Text(prefix + "paymentTerms", PaymentTerms, Account.PaymentTermsLength);
        if (Address1 is { } a)
        {
            var p = prefix + "address1.";
            rules.Text(p + "line1", a.Line1, Account.LineLength).Text(p + "line2", a.Line2, Account.LineLength)
                .Text(p + "line3", a.Line3, Account.LineLength).Text(p + "city", a.City, Account.CityLength)
                .Text(p + "stateOrProvince", a.StateOrProvince, Account.StateLength)
                .Text(p + "postalCode", a.PostalCode, Account.PostalCodeLength)
                .Text(p + "country", a.Country, Account.CountryLength);
        }
        return rules;
    }

    public void ApplyTo(Account account)
    {
        account.Name = Name!.Trim();
        account.AccountNumber = Clean(AccountNumber);
        account.Currency = Clean(Currency)?.ToUpperInvariant();
        account.Telephone1 = Clean(Telephone1);
        account.EmailAddress1 = Clean(EmailAddress1);
        account.CreditLimit = CreditLimit;
        account.PaymentTerms = Clean(PaymentTerms);
        var a = Address1 ?? new AddressInput();
        account.Address1 = new Address
        {
            Line1 = Clean(a.Line1), Line2 = Clean(a.Line2), Line3 = Clean(a.Line3), City = Clean(a.City),
            StateOrProvince = Clean(a.StateOrProvince), PostalCode = Clean(a.PostalCode), Country = Clean(a.Country),
        };
    }

    public static AccountInput From(Account a) => new(a.Name, a.AccountNumber, a.Currency, a.Telephone1, a.EmailAddress1,
        new AddressInput(a.Address1.Line1, a.Address1.Line2, a.Address1.Line3, a.Address1.City, a.Address1.StateOrProvince,
            a.Address1.PostalCode, a.Address1.Country), a.CreditLimit, a.PaymentTerms);

    /// <summary>Whether applying this input would change the account (an unchanged save takes no new version).</summary>
    public bool Differs(Account account) => From(account) != Normalized();

    private AccountInput Normalized()
    {
        var probe = new Account { Name = Name?.Trim() ?? "" };
        ApplyTo(probe);
        return From(probe);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
