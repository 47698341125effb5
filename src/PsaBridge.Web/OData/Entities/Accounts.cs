using System.ComponentModel.DataAnnotations;
using PsaBridge.Psa.Accounts;
using PsaBridge.Psa.OrganizationalUnits;

namespace PsaBridge.Web.OData.Entities;

/// <summary>Account (<c>account</c>). Payment terms are our finance code, text, where Dataverse's <c>paymenttermscode</c> is an option set.</summary>
[FeedEntity("accounts", typeof(Account))]
public sealed class account
{
    [Key, From(nameof(Account.Id))] public Guid accountid { get; set; }
    [From(nameof(Account.Name))] public string? name { get; set; }
    [From(nameof(Account.AccountNumber))] public string? accountnumber { get; set; }
    [From(nameof(Account.Currency))] public string? isocurrencycode { get; set; }
    [From(nameof(Account.Telephone1))] public string? telephone1 { get; set; }
    [From(nameof(Account.EmailAddress1))] public string? emailaddress1 { get; set; }
    [From("Address1.Line1")] public string? address1_line1 { get; set; }
    [From("Address1.Line2")] public string? address1_line2 { get; set; }
    [From("Address1.Line3")] public string? address1_line3 { get; set; }
    [From("Address1.City")] public string? address1_city { get; set; }
    [From("Address1.StateOrProvince")] public string? address1_stateorprovince { get; set; }
    [From("Address1.PostalCode")] public string? address1_postalcode { get; set; }
    [From("Address1.Country")] public string? address1_country { get; set; }
    [From(nameof(Account.CreditLimit))] public decimal? creditlimit { get; set; }
    [From(nameof(Account.PaymentTerms))] public string? paymenttermscode { get; set; }
    [From(nameof(Account.StateCode))] public int statecode { get; set; }
    [From(nameof(Account.CreatedOn))] public DateTime createdon { get; set; }
    [From(nameof(Account.ModifiedOn))] public DateTime modifiedon { get; set; }
    [From(nameof(Account.VersionNumber))] public long versionnumber { get; set; }
}

/// <summary>Organizational unit (<c>msdyn_organizationalunit</c>): a contracting or resourcing unit.</summary>
[FeedEntity("msdyn_organizationalunits", typeof(OrganizationalUnit))]
public sealed class msdyn_organizationalunit
{
    [Key, From(nameof(OrganizationalUnit.Id))] public Guid msdyn_organizationalunitid { get; set; }
    [From(nameof(OrganizationalUnit.Name))] public string? msdyn_name { get; set; }
    [From(nameof(OrganizationalUnit.Currency))] public string? isocurrencycode { get; set; }
    [From(nameof(OrganizationalUnit.CreatedOn))] public DateTime createdon { get; set; }
}
