using System.Linq.Expressions;
using PsaBridge.Finance;
using PsaBridge.Finance.AddressSetup;
using PsaBridge.Finance.Currencies;
using PsaBridge.Finance.CustomerGroups;
using PsaBridge.Finance.Customers;
using PsaBridge.Finance.PaymentTerms;
using PsaBridge.Integration.Dynamics;

namespace PsaBridge.Web.FinanceOData;

/// <summary>
/// The public entities the F&amp;O-compatible endpoint serves over the finance tables, with F&amp;O's collection, key and
/// property names (fno-odata-customers.md §2–§4). PsaBridge's finance side is one legal entity: the configured
/// <c>dataAreaId</c>. A city has no key of its own here, so <c>CityKey</c> is its country, state and name; a zip code's
/// <c>CityId</c> is its city's name; counties and districts are empty (chosen, not sourced).
/// </summary>
public static class FinanceSets
{
    public const string Countries = "AddressCountryRegions", CountryTranslations = "AddressCountryRegionTranslations",
        States = "AddressStates", Cities = "AddressCities", PostalCodes = "AddressPostalCodesV3", PaymentTerms = "PaymentTerms",
        CustomerGroups = "CustomerGroups", Currencies = "Currencies";

    public static IReadOnlyDictionary<string, IEntitySet> For(string company) => new IEntitySet[]
    {
        Customers(company),
        new EntitySet<Country>(Countries, ["CountryRegion"], false, company, db => db.Countries,
        [
            P<Country>("CountryRegion", c => c.Id), P<Country>("ISOcode", c => c.Iso2),
        ]),
        new EntitySet<Country>(CountryTranslations, ["CountryRegionId", "LanguageId"], false, company, db => db.Countries,
        [
            P<Country>("CountryRegionId", c => c.Id), P<Country>("LanguageId", c => "en-us"), P<Country>("ShortName", c => c.Name),
            P<Country>("LongName", c => c.Name),
        ]),
        new EntitySet<State>(States, ["CountryRegionId", "State"], false, company, db => db.States,
        [
            P<State>("CountryRegionId", s => s.CountryId), P<State>("State", s => s.StateId), P<State>("Name", s => s.Name),
        ]),
        new EntitySet<City>(Cities, ["CityKey"], false, company, db => db.Cities,
        [
            P<City>("CityKey", c => c.CountryId + "|" + c.StateId + "|" + c.Name), P<City>("Name", c => c.Name),
            P<City>("CountryRegionId", c => c.CountryId), P<City>("StateId", c => c.StateId), P<City>("CountyId", c => ""),
            P<City>("Description", c => c.Name),
        ]),
        new EntitySet<ZipCode>(PostalCodes, ["ZipCode", "CountryRegionId", "StateId", "CountyId", "CityId", "DistrictId"], false, company, db => db.ZipCodes,
        [
            P<ZipCode>("ZipCode", z => z.Code), P<ZipCode>("CountryRegionId", z => z.CountryId), P<ZipCode>("StateId", z => z.StateId),
            P<ZipCode>("CountyId", z => ""), P<ZipCode>("CityId", z => z.City), P<ZipCode>("City", z => z.City), P<ZipCode>("DistrictId", z => ""),
        ]),
        new EntitySet<PaymentTerm>(PaymentTerms, ["dataAreaId", "Name"], true, company, db => db.PaymentTerms,
        [
            P<PaymentTerm>("Name", t => t.Code), P<PaymentTerm>("Description", t => t.Description), P<PaymentTerm>("NumberOfDays", t => t.NetDays),
        ]),
        new EntitySet<CustomerGroup>(CustomerGroups, ["dataAreaId", "CustomerGroupId"], true, company, db => db.CustomerGroups,
        [
            P<CustomerGroup>("CustomerGroupId", g => g.Id), P<CustomerGroup>("Description", g => g.Description),
            P<CustomerGroup>("PaymentTermId", g => g.DefaultPaymentTerms),
        ]),
        new EntitySet<Currency>(Currencies, ["CurrencyCode"], false, company, db => db.Currencies,
        [
            P<Currency>("CurrencyCode", c => c.Code), P<Currency>("Name", c => c.Name),
        ]),
    }.ToDictionary(s => s.Name, StringComparer.Ordinal);

    /// <summary>CustomersV3 with the properties of the field mapping (<see cref="CustomerMap"/>).</summary>
    public static EntitySet<Customer> Customers(string company) => new(CustomerMap.EntitySet, [CustomerMap.DataAreaId, CustomerMap.CustomerAccount],
        true, company, db => db.Customers, CustomerMap.Properties.Select(p => new SetProperty<Customer>(p.Name, p.Value)).ToList());

    private static SetProperty<T> P<T>(string name, Expression<Func<T, object?>> value) => new(name, value);
}
