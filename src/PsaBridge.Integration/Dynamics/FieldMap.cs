using System.Globalization;
using System.Linq.Expressions;
using System.Text.Json;
using PsaBridge.Finance.Customers;
using PsaBridge.Integration.Sources;
using PsaBridge.Psa.Accounts;

namespace PsaBridge.Integration.Dynamics;

/// <summary>
/// The field mapping, in one place: a PSA account as Dataverse's <c>account</c> table names it (logical names, always lower
/// case), and a finance customer as Finance and Operations' <c>CustomersV3</c> entity names it. The Dataverse-compatible
/// and F&amp;O-compatible endpoints write these names, and the connectors read them back.
/// Sources: /work/shared/reference dataverse-web-api-and-odata.md §1, fno-odata-customers.md §2 and §7.
/// </summary>
public static class AccountMap
{
    public const string EntitySet = "accounts";
    public const string EntityType = "account";
    public const string Id = "accountid";
    public const string Name = "name", AccountNumber = "accountnumber", Telephone1 = "telephone1", EmailAddress1 = "emailaddress1",
        Line1 = "address1_line1", Line2 = "address1_line2", Line3 = "address1_line3", City = "address1_city",
        StateOrProvince = "address1_stateorprovince", PostalCode = "address1_postalcode", Country = "address1_country",
        CreditLimit = "creditlimit", PaymentTermsCode = "paymenttermscode", TransactionCurrency = "_transactioncurrencyid_value",
        VersionNumber = "versionnumber", ModifiedOn = "modifiedon", CreatedOn = "createdon", StateCode = "statecode";

    /// <summary>What the customer sync asks for in <c>$select</c>: exactly the fields its rules need.</summary>
    public static readonly string[] SyncSelect =
    [
        Name, AccountNumber, Telephone1, EmailAddress1, Line1, Line2, Line3, City, StateOrProvince, PostalCode, Country,
        CreditLimit, PaymentTermsCode, TransactionCurrency, VersionNumber, ModifiedOn,
    ];

    /// <summary>A column of the account table and how a PSA account gives its value (the primary key is always sent).</summary>
    public sealed record Column(string Name, Func<Account, object?> Read);

    public static readonly IReadOnlyList<Column> Columns =
    [
        new(Name, a => a.Name), new(AccountNumber, a => a.AccountNumber), new(Telephone1, a => a.Telephone1),
        new(EmailAddress1, a => a.EmailAddress1), new(Line1, a => a.Address1.Line1), new(Line2, a => a.Address1.Line2),
        new(Line3, a => a.Address1.Line3), new(City, a => a.Address1.City), new(StateOrProvince, a => a.Address1.StateOrProvince),
        new(PostalCode, a => a.Address1.PostalCode), new(Country, a => a.Address1.Country), new(CreditLimit, a => a.CreditLimit),
        new(PaymentTermsCode, a => PaymentTermsOptions.ValueOf(a.PaymentTerms)),
        new(TransactionCurrency, a => a.Currency is { } c ? CurrencyIds.Of(c) : null),
        new(VersionNumber, a => a.VersionNumber), new(ModifiedOn, a => a.ModifiedOn), new(CreatedOn, a => a.CreatedOn),
        new(StateCode, a => (int)a.StateCode),
    ];

    public static readonly IReadOnlyDictionary<string, Column> ByName = Columns.ToDictionary(c => c.Name, StringComparer.Ordinal);

    /// <summary>
    /// A PSA account record from a Dataverse row. Payment terms are the option's label (its formatted value), matched by the
    /// rules against finance's codes and descriptions; the currency is the ISO code of the row's transaction currency.
    /// </summary>
    public static PsaAccountRecord ToRecord(JsonElement row, IReadOnlyDictionary<Guid, string> currencyCodes) => new(
        row.GetProperty(Id).GetGuid(),
        row.GetProperty(VersionNumber).GetInt64(),
        Text(row, Name) ?? "",
        Text(row, AccountNumber),
        Guid(row, TransactionCurrency) is { } currency ? currencyCodes.GetValueOrDefault(currency) : null,
        Text(row, Telephone1), Text(row, EmailAddress1), Text(row, Line1), Text(row, Line2), Text(row, Line3), Text(row, City),
        Text(row, StateOrProvince), Text(row, PostalCode), Text(row, Country),
        row.TryGetProperty(CreditLimit, out var credit) && credit.ValueKind == JsonValueKind.Number ? credit.GetDecimal() : null,
        Text(row, PaymentTermsCode + FormattedValue));

    public const string FormattedValue = "@OData.Community.Display.V1.FormattedValue";

    private static string? Text(JsonElement row, string name) =>
        row.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static Guid? Guid(JsonElement row, string name) =>
        row.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetGuid() : null;
}

/// <summary>Dataverse's <c>transactioncurrency</c> table, through which an account names its currency.</summary>
public static class CurrencyMap
{
    public const string EntitySet = "transactioncurrencies";
    public const string Id = "transactioncurrencyid", IsoCode = "isocurrencycode", Name = "currencyname";
}

/// <summary>
/// The ids of the currencies the Dataverse-compatible endpoint serves: PSA keeps an account's currency as its ISO code, so
/// each code gets a fixed id derived from it (a name-based UUID), the same on every host and every run.
/// </summary>
public static class CurrencyIds
{
    public static Guid Of(string isoCode)
    {
        var hash = System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes("transactioncurrency:" + isoCode.Trim().ToUpperInvariant()));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x30); // version 3: name-based
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash, bigEndian: true);
    }
}

/// <summary>
/// Dataverse's <c>paymenttermscode</c> option set. PSA keeps payment terms as the text the user chose; the four options
/// Microsoft ships keep their integers (1 Net 30, 2 "2% 10, Net 30", 3 Net 45, 4 Net 60) and any other text is a custom
/// option whose value is derived from the text (in the range Dataverse gives custom options), so its label is the text as
/// typed. Chosen, not sourced: PSA has no option-set table of its own.
/// </summary>
public static class PaymentTermsOptions
{
    private static readonly string[] Microsoft = ["Net 30", "2% 10, Net 30", "Net 45", "Net 60"];

    public static int? ValueOf(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var known = Array.FindIndex(Microsoft, m => string.Equals(m, text.Trim(), StringComparison.OrdinalIgnoreCase));
        if (known >= 0) return known + 1;
        var hash = 2166136261u; // FNV-1a: the same value for the same text in every process
        foreach (var c in text.Trim()) hash = (hash ^ c) * 16777619u;
        return 100_000_000 + (int)(hash % 900_000_000u);
    }

    /// <summary>The label Dataverse gives the option: Microsoft's own for its four values, else the text as typed.</summary>
    public static string? LabelOf(string? text)
    {
        if (ValueOf(text) is not { } value) return null;
        return value <= Microsoft.Length ? Microsoft[value - 1] : text!.Trim();
    }
}

/// <summary>
/// A finance customer as F&amp;O's <c>CustomersV3</c> entity names it (keys <c>dataAreaId</c> and <c>CustomerAccount</c>).
/// <see cref="PsaKey"/> carries the PSA account's GUID into F&amp;O, so a customer created by a page whose commit was lost is
/// found again by the account it came from (<c>IdentificationNumber</c>: a standard free-text field of 50 characters that
/// none of Microsoft's integrations map; an environment that uses it for something else maps an extension field instead).
/// </summary>
public static class CustomerMap
{
    public const string EntitySet = "CustomersV3";
    public const string DataAreaId = "dataAreaId", CustomerAccount = "CustomerAccount", OrganizationName = "OrganizationName",
        PartyType = "PartyType", CustomerGroupId = "CustomerGroupId", SalesCurrencyCode = "SalesCurrencyCode", PaymentTerms = "PaymentTerms",
        CreditLimit = "CreditLimit", AddressStreet = "AddressStreet", AddressCity = "AddressCity", AddressState = "AddressState",
        AddressCounty = "AddressCounty", AddressZipCode = "AddressZipCode", AddressCountryRegionId = "AddressCountryRegionId",
        PrimaryContactPhone = "PrimaryContactPhone", PrimaryContactEmail = "PrimaryContactEmail", PsaKey = "IdentificationNumber";

    /// <summary>The properties the sync reads back (a customer's state, to tell created, updated and unchanged apart).</summary>
    public static readonly string[] SyncSelect =
    [
        CustomerAccount, OrganizationName, PartyType, CustomerGroupId, SalesCurrencyCode, PaymentTerms, CreditLimit, AddressStreet,
        AddressCity, AddressState, AddressCounty, AddressZipCode, AddressCountryRegionId, PrimaryContactPhone, PrimaryContactEmail, PsaKey,
    ];

    /// <summary>
    /// A property of the entity: the customer's value as an expression (the F&amp;O-compatible endpoint filters and sorts by
    /// it in the database) and how a written value sets it (none for the key).
    /// </summary>
    public sealed class Property(string name, Expression<Func<Customer, object?>> value, Action<Customer, string?>? write)
    {
        private Func<Customer, object?>? _read;
        public string Name { get; } = name;
        public Expression<Func<Customer, object?>> Value { get; } = value;
        public Action<Customer, string?>? Write { get; } = write;
        public object? Read(Customer c) => (_read ??= Value.Compile())(c);
    }

    public static readonly IReadOnlyList<Property> Properties =
    [
        new(CustomerAccount, c => c.CustomerAccount, null),
        new(OrganizationName, c => c.Name, (c, v) => c.Name = v ?? ""),
        new(PartyType, c => c.RelationType, (c, v) => c.RelationType = Enum.Parse<RelationType>(v ?? nameof(RelationType.Organization), true)),
        new(CustomerGroupId, c => c.CustomerGroupId, (c, v) => c.CustomerGroupId = v ?? ""),
        new(SalesCurrencyCode, c => c.Currency, (c, v) => c.Currency = v),
        new(PaymentTerms, c => c.PaymentTerms, (c, v) => c.PaymentTerms = v),
        new(CreditLimit, c => c.CreditLimit, (c, v) => c.CreditLimit = decimal.Parse(v ?? "0", CultureInfo.InvariantCulture)),
        new(AddressStreet, c => c.Address.Street, (c, v) => c.Address.Street = v),
        new(AddressCity, c => c.Address.City, (c, v) => c.Address.City = v),
        new(AddressState, c => c.Address.State, (c, v) => c.Address.State = v),
        new(AddressCounty, c => c.Address.County, (c, v) => c.Address.County = v),
        new(AddressZipCode, c => c.Address.ZipCode, (c, v) => c.Address.ZipCode = v),
        new(AddressCountryRegionId, c => c.Address.CountryRegion, (c, v) => c.Address.CountryRegion = v),
        new(PrimaryContactPhone, c => c.Phone, (c, v) => c.Phone = v),
        new(PrimaryContactEmail, c => c.Email, (c, v) => c.Email = v),
        new(PsaKey, c => c.PsaAccountId, (c, v) => c.PsaAccountId = string.IsNullOrEmpty(v) ? null : Guid.Parse(v)),
    ];

    public static readonly IReadOnlyDictionary<string, Property> ByName = Properties.ToDictionary(p => p.Name, StringComparer.Ordinal);

    /// <summary>The body that creates or updates <paramref name="customer"/> (every mapped property; the key only on create).</summary>
    public static Dictionary<string, object?> ToBody(Customer customer, string dataAreaId, bool create)
    {
        var body = new Dictionary<string, object?> { [DataAreaId] = dataAreaId };
        foreach (var p in Properties)
        {
            if (p.Name == CustomerAccount && (!create || string.IsNullOrEmpty(customer.CustomerAccount))) continue;
            body[p.Name] = p.Read(customer) switch { Enum e => e.ToString(), Guid g => g.ToString(), var v => v };
        }
        return body;
    }

    /// <summary>A customer from an entity row (the properties it has; the others keep their defaults).</summary>
    public static Customer FromRow(JsonElement row)
    {
        var customer = new Customer { CustomerAccount = "", Name = "", CustomerGroupId = "" };
        foreach (var property in row.EnumerateObject())
        {
            if (property.Name == CustomerAccount) customer.CustomerAccount = property.Value.GetString() ?? "";
            else if (ByName.TryGetValue(property.Name, out var p) && p.Write is not null)
                p.Write(customer, property.Value.ValueKind switch
                {
                    JsonValueKind.Null or JsonValueKind.Undefined => null,
                    JsonValueKind.String => property.Value.GetString(),
                    _ => property.Value.GetRawText(),
                });
        }
        return customer;
    }
}
