using PsaBridge.Finance.Customers;
using PsaBridge.Integration.Sources;

namespace PsaBridge.Integration.CustomerSync;

/// <summary>A zip code the sync will create, linked to its country, state and city.</summary>
public sealed record NewZipCode(string CountryId, string Code, string StateId, string City);

/// <summary>The finance customer an account maps to, or every rule it broke.</summary>
public sealed record CustomerMapping(
    PsaAccountRecord Account,
    IReadOnlyList<string> Errors,
    string? AccountNumber,
    string Name,
    string? Currency,
    string? Phone,
    string? Email,
    PostalAddress Address,
    decimal CreditLimit,
    string? PaymentTerms,
    NewZipCode? ZipToCreate)
{
    public bool Valid => Errors.Count == 0;

    public bool SameAs(Customer c, string customerGroup) =>
        c.Name == Name && c.Currency == Currency && c.Phone == Phone && c.Email == Email && c.CreditLimit == CreditLimit
        && c.PaymentTerms == PaymentTerms && c.RelationType == RelationType.Organization && c.CustomerGroupId == customerGroup
        && c.Address.Street == Address.Street && c.Address.City == Address.City && c.Address.State == Address.State
        && c.Address.County == Address.County && c.Address.ZipCode == Address.ZipCode && c.Address.CountryRegion == Address.CountryRegion;
}

/// <summary>
/// The seed's field table ("Data that gets integrated"), as plain code over plain objects.
/// Every rule is checked, so a line lists all that an account broke, not only the first.
/// </summary>
public static class CustomerRules
{
    public static CustomerMapping Map(PsaAccountRecord a, FinanceReference reference, string customerGroup)
    {
        var errors = new List<string>();

        // Customer ID: the PSA account number when defined; otherwise the number sequence gives one (later, at write time).
        var accountNumber = Clean(a.AccountNumber);
        if (accountNumber is { Length: > Customer.AccountLength })
            errors.Add($"Account number: '{accountNumber}' is {accountNumber.Length} characters long; a customer account holds at most {Customer.AccountLength}.");

        var name = Clean(a.Name) ?? "";
        if (name.Length == 0) errors.Add("Name: the account has no name.");
        else if (name.Length > Customer.NameLength)
            errors.Add($"Name: '{name}' is {name.Length} characters long; a finance customer name holds at most {Customer.NameLength}.");

        if (!reference.CustomerGroupExists(customerGroup))
            errors.Add($"Customer group: the default customer group '{customerGroup}' does not exist in finance (set PsaBridge:CustomerSync:CustomerGroup).");

        // Currency: taken as it comes from PSA, but finance refuses one it does not have (F&O's own reference data).
        var currency = Clean(a.Currency);
        if (currency is not null && !reference.CurrencyExists(currency)) errors.Add($"Currency: '{currency}' does not exist in finance.");
        // Phone and email: no validation, taken as they come from PSA.
        var phone = Clean(a.Telephone1);
        var email = Clean(a.EmailAddress1);
        // What finance stores as it comes must be text finance can store: PostgreSQL refuses a NUL character.
        Storable(errors, ("Account number", accountNumber), ("Name", name), ("Currency", currency), ("Phone", phone), ("Email", email),
            ("Street", JoinLines(Clean(a.Line1), Clean(a.Line2), Clean(a.Line3))), ("Zip code", Clean(a.PostalCode)));

        var (address, zip) = MapAddress(a, reference, errors);

        // Payment term: must exist in finance.
        string? terms = null;
        if (Clean(a.PaymentTerms) is { } given)
        {
            var term = reference.FindPaymentTerm(given);
            if (term is null) errors.Add($"Payment term: '{given}' does not exist in finance (known: {string.Join(", ", reference.PaymentTermCodes)}).");
            else terms = term.Code;
        }

        return new CustomerMapping(a, errors, accountNumber, name, currency, phone, email, address, a.CreditLimit ?? 0m, terms, zip);
    }

    private static (PostalAddress, NewZipCode?) MapAddress(PsaAccountRecord a, FinanceReference reference, List<string> errors)
    {
        var street = JoinLines(Clean(a.Line1), Clean(a.Line2), Clean(a.Line3));
        var cityText = Clean(a.City);
        var stateText = Clean(a.StateOrProvince);
        var zipText = Clean(a.PostalCode);
        var countryText = Clean(a.Country);
        var address = new PostalAddress { Street = street };
        if (street is null && cityText is null && stateText is null && zipText is null && countryText is null) return (address, null);

        if (street is { Length: > Customer.StreetLength })
            errors.Add($"Street: the address lines are {street.Length} characters long together; a finance street holds at most {Customer.StreetLength}.");

        // Country: must exist in finance, by ISO alpha-2, alpha-3 or name.
        if (countryText is null)
        {
            errors.Add("Country: the address has no country/region; it is needed to validate the state, city and zip code.");
            return (address, null);
        }
        var country = reference.FindCountry(countryText);
        if (country is null)
        {
            errors.Add($"Country: '{countryText}' does not exist in finance (give an ISO code such as US or USA, or the country's name).");
            return (address, null);
        }
        address.CountryRegion = country.Id;

        // State: must exist in finance, within the country.
        string? stateId = null;
        if (stateText is not null)
        {
            var state = reference.FindState(country.Id, stateText);
            if (state is null) errors.Add($"State: '{stateText}' does not exist in finance for {country.Name} ({country.Id}).");
            else stateId = state.StateId;
        }
        var stateKnown = stateText is null || stateId is not null;

        // City: must exist in finance, within the country and state.
        string? cityName = null;
        if (cityText is not null && stateKnown)
        {
            var cities = reference.FindCities(country.Id, stateId, cityText);
            if (cities.Count == 1)
            {
                cityName = cities[0].Name;
                stateId ??= cities[0].StateId;
            }
            else if (cities.Count == 0)
                errors.Add(stateId is null
                    ? $"City: '{cityText}' does not exist in finance for {country.Name} ({country.Id})."
                    : $"City: '{cityText}' does not exist in finance for state {stateId} of {country.Name} ({country.Id}).");
            else
                errors.Add($"City: '{cityText}' exists in several states of {country.Name} ({string.Join(", ", cities.Select(c => c.StateId))}); the account must give the state.");
        }
        address.State = stateId;
        address.City = cityName ?? (stateKnown ? null : cityText);

        // Zip code: created in finance when it does not exist, linked to its country, state and city.
        NewZipCode? zip = null;
        if (zipText is not null)
        {
            var code = FinanceReference.NormalizeZip(zipText);
            if (code.Length > Customer.ZipLength)
                errors.Add($"Zip code: '{zipText}' is {code.Length} characters long; a finance zip code holds at most {Customer.ZipLength}.");
            else if (cityName is not null && stateId is not null)
            {
                if (!reference.ZipExists(country.Id, code, stateId, cityName)) zip = new NewZipCode(country.Id, code, stateId, cityName);
            }
            else if (cityText is null && !reference.ZipExistsInCountry(country.Id, code))
                errors.Add($"Zip code: '{zipText}' does not exist in finance for {country.Name} and cannot be created without a city and state.");
            address.ZipCode = code;
        }
        return (address, zip);
    }

    /// <summary>
    /// The texts given, one a line (a street's address lines, a log line's messages); null when none is. A single text
    /// is returned as it is, with no new string: most streets have one line, most log lines one message.
    /// </summary>
    internal static string? JoinLines(string? first, string? second, string? third) => (first, second, third) switch
    {
        (null, null, null) => null,
        (_, null, null) => first,
        (null, _, null) => second,
        (null, null, _) => third,
        _ => string.Join('\n', new[] { first, second, third }.OfType<string>()),
    };

    private static void Storable(List<string> errors, params (string Field, string? Value)[] fields)
    {
        foreach (var (field, value) in fields)
            if (value is not null && value.Contains('\0'))
                errors.Add($"{field}: holds a NUL character (U+0000), which finance cannot store; remove it in PSA.");
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
