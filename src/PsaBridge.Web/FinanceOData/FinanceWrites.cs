using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PsaBridge.Finance;
using PsaBridge.Finance.AddressSetup;
using PsaBridge.Finance.Customers;
using PsaBridge.Finance.NumberSequences;
using PsaBridge.Integration.Dynamics;

namespace PsaBridge.Web.FinanceOData;

/// <summary>Settings of the F&amp;O-compatible endpoint (<c>PsaBridge:FinanceAndOperations:Serve</c>).</summary>
public sealed class FinanceServeOptions
{
    public const string Section = "PsaBridge:FinanceAndOperations:Serve";

    /// <summary>The legal entity PsaBridge's finance side is, as F&amp;O names it in <c>dataAreaId</c> (lower case).</summary>
    public string DataAreaId { get; set; } = "usmf";
    /// <summary>
    /// A customer created without an account: <c>Auto</c> takes the next number of <see cref="NumberSequence"/>; <c>Manual</c>
    /// refuses it, as a customer-account sequence set to Manual does.
    /// </summary>
    public string CustomerAccounts { get; set; } = "Auto";
    public string NumberSequence { get; set; } = "CUST";
    /// <summary>Address setup's "Validate on creating addresses" switches: off, a city or zip code is free text.</summary>
    public bool ValidateCity { get; set; } = true;
    public bool ValidateZipCode { get; set; } = true;
    /// <summary>The status of a refused write: 500 (seen in 2020) or 400 (seen later); both carry the same body.</summary>
    public int WriteErrorStatus { get; set; } = 500;
    public int MaxPageSize { get; set; } = 10_000;
    public Dynamics.ServiceProtectionOptions Limits { get; set; } = new();
}

/// <summary>A write F&amp;O refused: its infolog, one warning a line, and the status it is answered with.</summary>
public sealed record WriteRefused(int Status, string Table, IReadOnlyList<string> Infolog)
{
    public string Message => $"Write failed for table row of type '{Table}'. Infolog: {string.Join("; ", Infolog.Select(i => "Warning: " + i))}";
}

/// <summary>
/// Creates and updates customers and postal codes as F&amp;O's entities do: the fields sent are set, then every foreign key
/// checked (customer group, currency, terms of payment, country/region, state; city and zip code when address setup says
/// so), and a refusal lists each failed check in the infolog of an AxODataWriteException. Writes go into the caller's
/// context, saved by the caller, so a change set commits or rolls back whole.
/// </summary>
public sealed class FinanceWrites(FinanceDb db, NumberSequenceAllocator numbers, FinanceServeOptions options)
{
    public const string CustomerTable = "CustCustomerV3Entity";

    public async Task<(Customer? Customer, WriteRefused? Refused)> CreateCustomerAsync(JsonElement body, CancellationToken ct)
    {
        var customer = CustomerMap.FromRow(body);
        var errors = new List<string>();
        if (body.TryGetProperty(CustomerMap.DataAreaId, out var area) && !string.Equals(area.GetString(), options.DataAreaId, StringComparison.OrdinalIgnoreCase))
            errors.Add($"Company '{area.GetString()}' does not exist.");
        if (string.IsNullOrWhiteSpace(customer.CustomerAccount))
        {
            if (!string.Equals(options.CustomerAccounts, "Auto", StringComparison.OrdinalIgnoreCase))
                errors.Add("Customer account field cannot be empty.");
            else if (errors.Count == 0 && await CheckAsync(customer, errors, ct) && errors.Count == 0)
                customer.CustomerAccount = (await numbers.TakeAsync(db, options.NumberSequence, 1, ct))[0];
        }
        if (customer.CustomerAccount.Length > 0 && await db.Customers.AnyAsync(c => c.CustomerAccount == customer.CustomerAccount, ct))
            errors.Add($"Cannot create a record in Customers (CustTable). Customer account: {customer.CustomerAccount}. The record already exists.");
        if (errors.Count == 0 && customer.CustomerAccount.Length > 0) await CheckAsync(customer, errors, ct);
        if (errors.Count > 0) return (null, new WriteRefused(options.WriteErrorStatus, CustomerTable, errors));
        customer.CreatedAt = customer.ModifiedAt = DateTime.UtcNow;
        db.Customers.Add(customer);
        return (customer, null);
    }

    public async Task<(Customer? Customer, WriteRefused? Refused)> UpdateCustomerAsync(string account, JsonElement body, CancellationToken ct)
    {
        var customer = await db.Customers.AsTracking().SingleOrDefaultAsync(c => c.CustomerAccount == account, ct);
        if (customer is null) return (null, null);
        foreach (var property in body.EnumerateObject())
            if (CustomerMap.ByName.TryGetValue(property.Name, out var p) && p.Write is not null)
                p.Write(customer, property.Value.ValueKind switch
                {
                    JsonValueKind.Null => null,
                    JsonValueKind.String => property.Value.GetString(),
                    _ => property.Value.GetRawText(),
                });
        var errors = new List<string>();
        await CheckAsync(customer, errors, ct);
        if (errors.Count > 0)
        {
            db.Entry(customer).State = EntityState.Detached;
            return (null, new WriteRefused(options.WriteErrorStatus, CustomerTable, errors));
        }
        customer.ModifiedAt = DateTime.UtcNow;
        return (customer, null);
    }

    /// <summary>A postal code (AddressPostalCodesV3): its city must exist in its state and country.</summary>
    public async Task<(ZipCode? ZipCode, WriteRefused? Refused)> CreatePostalCodeAsync(JsonElement body, CancellationToken ct)
    {
        string? Text(string name) => body.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var zip = new ZipCode
        {
            Code = Text("ZipCode") ?? "", CountryId = Text("CountryRegionId") ?? "", StateId = Text("StateId") ?? "",
            City = Text("CityId") ?? Text("City") ?? "", CreatedBySyncAt = DateTime.UtcNow,
        };
        var errors = new List<string>();
        if (zip.Code.Length == 0) errors.Add("Field 'ZIP/postal code' must be filled in.");
        else if (zip.Code.Length > Customer.ZipLength) errors.Add($"The value '{zip.Code}' in field 'ZIP/postal code' is longer than {Customer.ZipLength} characters.");
        if (!await db.Cities.AnyAsync(c => c.CountryId == zip.CountryId && c.StateId == zip.StateId && c.Name == zip.City, ct))
            errors.Add($"The value '{zip.City}' in field 'City' is not found in the related table 'Cities'.");
        if (await db.ZipCodes.AnyAsync(z => z.CountryId == zip.CountryId && z.Code == zip.Code && z.StateId == zip.StateId && z.City == zip.City, ct))
            errors.Add($"Cannot create a record in Postal codes (LogisticsAddressZipCode). ZIP/postal code: {zip.Code}. The record already exists.");
        if (errors.Count > 0) return (null, new WriteRefused(options.WriteErrorStatus, "LogisticsAddressPostalCodeV3Entity", errors));
        db.ZipCodes.Add(zip);
        return (zip, null);
    }

    public Task SaveAsync(CancellationToken ct) => db.SaveChangesAsync(ct);

    /// <summary>The first property of a customer body that CustomersV3 does not have (names are case-sensitive), or null.</summary>
    public static string? UnknownProperty(JsonElement body) => body.EnumerateObject().Select(p => p.Name)
        .FirstOrDefault(n => n != CustomerMap.DataAreaId && !n.StartsWith('@') && !CustomerMap.ByName.ContainsKey(n));

    /// <summary>The setup a customer's foreign keys point into, read once a request (a batch checks many customers; no write here changes it).</summary>
    private sealed record Setup(HashSet<string> Groups, HashSet<string> Currencies, HashSet<string> Terms, HashSet<string> Countries,
        HashSet<(string?, string)> States);

    private Setup? _setup;

    private async Task<Setup> SetupAsync(CancellationToken ct) => _setup ??= new Setup(
        (await db.CustomerGroups.Select(g => g.Id).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal),
        (await db.Currencies.Select(x => x.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal),
        (await db.PaymentTerms.Select(t => t.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal),
        (await db.Countries.Select(x => x.Id).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal),
        (await db.States.Select(x => new { x.CountryId, x.StateId }).ToListAsync(ct)).Select(x => ((string?)x.CountryId, x.StateId)).ToHashSet());

    /// <summary>Adds the customer's failed checks to <paramref name="errors"/>; true when it has none.</summary>
    private async Task<bool> CheckAsync(Customer c, List<string> errors, CancellationToken ct)
    {
        var before = errors.Count;
        void Missing(string value, string field, string table, string entityField)
        {
            errors.Add($"The value '{value}' in field '{field}' is not found in the related table '{table}'.");
            errors.Add($"validateField failed on field '{CustomerTable}.{entityField}'.");
        }
        if (c.RelationType == RelationType.Organization && string.IsNullOrWhiteSpace(c.Name)) errors.Add("Field 'Organization name' must be filled in.");
        Length(c.CustomerAccount, Customer.AccountLength, "Customer account", errors);
        Length(c.Name, Customer.NameLength, "Organization name", errors);
        Length(c.Address.Street, Customer.StreetLength, "Street", errors);
        if (string.IsNullOrWhiteSpace(c.CustomerGroupId)) errors.Add("Field 'Customer group' must be filled in.");
        else if (!(await SetupAsync(ct)).Groups.Contains(c.CustomerGroupId)) Missing(c.CustomerGroupId, "Customer group", "Customer groups", CustomerMap.CustomerGroupId);
        if (string.IsNullOrWhiteSpace(c.Currency)) errors.Add("Field 'Currency' must be filled in.");
        else if (!(await SetupAsync(ct)).Currencies.Contains(c.Currency)) Missing(c.Currency, "Currency", "Currencies", CustomerMap.SalesCurrencyCode);
        if (c.PaymentTerms is { } terms && !(await SetupAsync(ct)).Terms.Contains(terms)) Missing(terms, "Terms of payment", "Terms of payment", CustomerMap.PaymentTerms);
        var a = c.Address;
        if (a.CountryRegion is { } country && !(await SetupAsync(ct)).Countries.Contains(country))
            Missing(country, "Country/region", "Country/regions", CustomerMap.AddressCountryRegionId);
        else if (a.State is { } state && !(await SetupAsync(ct)).States.Contains((a.CountryRegion, state)))
            Missing(state, "State", "States", CustomerMap.AddressState);
        else if (options.ValidateCity && a.City is { } city && !await db.Cities.AnyAsync(x => x.CountryId == a.CountryRegion && x.StateId == a.State && x.Name == city, ct))
            Missing(city, "City", "Cities", CustomerMap.AddressCity);
        else if (options.ValidateZipCode && a.ZipCode is { } zip && !await db.ZipCodes.AnyAsync(z => z.CountryId == a.CountryRegion && z.Code == zip, ct))
            Missing(zip, "ZIP/postal code", "Postal codes", CustomerMap.AddressZipCode);
        // PsaBridge keeps one customer a PSA account (a unique key F&O does not have on this field).
        if (c.PsaAccountId is { } key && await db.Customers.AnyAsync(x => x.PsaAccountId == key && x.CustomerAccount != c.CustomerAccount, ct))
            errors.Add($"The value '{key}' in field 'Identification number' is already the identification number of another customer.");
        return errors.Count == before;
    }

    private static void Length(string? value, int max, string field, List<string> errors)
    {
        if (value is { Length: var n } && n > max) errors.Add($"The value in field '{field}' is {n} characters long; the field holds {max}.");
    }
}
