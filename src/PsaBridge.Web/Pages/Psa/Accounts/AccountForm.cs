using System.ComponentModel.DataAnnotations;
using PsaBridge.Psa.Accounts;

namespace PsaBridge.Web.Pages.Psa.Accounts;

/// <summary>
/// The account form, shaped as the API's <see cref="AccountInput"/> so the server's field names
/// (<c>address1.stateOrProvince</c>) find their inputs (<c>Input.Address1.StateOrProvince</c>).
/// The rules are the service's; the form only carries the values.
/// </summary>
public sealed class AccountForm
{
    [Display(Name = "Account name")] public string? Name { get; set; }
    [Display(Name = "Account number")] public string? AccountNumber { get; set; }
    [Display(Name = "Currency")] public string? Currency { get; set; }
    [Display(Name = "Phone")] public string? Telephone1 { get; set; }
    [Display(Name = "Email")] public string? EmailAddress1 { get; set; }
    public AddressForm Address1 { get; set; } = new();
    [Display(Name = "Credit limit")] public decimal? CreditLimit { get; set; }
    [Display(Name = "Payment terms")] public string? PaymentTerms { get; set; }

    public AccountInput ToInput() => new(Name, AccountNumber, Currency, Telephone1, EmailAddress1,
        new AddressInput(Address1.Line1, Address1.Line2, Address1.Line3, Address1.City, Address1.StateOrProvince, Address1.PostalCode, Address1.Country),
        CreditLimit, PaymentTerms);

    public static AccountForm From(Account a) => new()
    {
        Name = a.Name, AccountNumber = a.AccountNumber, Currency = a.Currency, Telephone1 = a.Telephone1, EmailAddress1 = a.EmailAddress1,
        CreditLimit = a.CreditLimit, PaymentTerms = a.PaymentTerms,
        Address1 = new AddressForm
        {
            Line1 = a.Address1.Line1, Line2 = a.Address1.Line2, Line3 = a.Address1.Line3, City = a.Address1.City,
            StateOrProvince = a.Address1.StateOrProvince, PostalCode = a.Address1.PostalCode, Country = a.Address1.Country,
        },
    };
}

public sealed class AddressForm
{
    [Display(Name = "Street 1")] public string? Line1 { get; set; }
    [Display(Name = "Street 2")] public string? Line2 { get; set; }
    [Display(Name = "Street 3")] public string? Line3 { get; set; }
    [Display(Name = "City")] public string? City { get; set; }
    [Display(Name = "State/Province")] public string? StateOrProvince { get; set; }
    [Display(Name = "ZIP/Postal code")] public string? PostalCode { get; set; }
    [Display(Name = "Country/Region")] public string? Country { get; set; }
}
