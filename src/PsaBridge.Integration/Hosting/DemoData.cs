using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PsaBridge.Integration.CustomerSync;
using PsaBridge.Psa;
using PsaBridge.Psa.Accounts;

namespace PsaBridge.Integration.Hosting;

/// <summary>
/// Demo accounts for a first look: mostly good, a few with the mistakes users make (an unknown
/// state, a misspelt city, a payment term finance lacks, a reused account number), then one run of
/// the sync so the integration log has something to show. Only on an empty PSA database.
/// </summary>
public static class DemoData
{
    private static readonly AccountInput[] Accounts =
    [
        new("Fourth Coffee", null, "USD", "+1 425 555 0100", "ap@fourthcoffee.com", new("1 Main St", City: "Seattle", StateOrProvince: "WA", PostalCode: "98101", Country: "US"), 50_000, "Net30"),
        new("Alpine Ski House", "ALPINE", "USD", "+1 970 555 0134", "billing@alpineskihouse.com", new("100 Mountain Rd", City: "Denver", StateOrProvince: "Colorado", PostalCode: "80202", Country: "USA"), 75_000, "Net45"),
        new("Contoso Pharmaceuticals", "CONTOSO", "USD", "+1 206 555 0199", "ap@contoso.com", new("200 Pine St", City: "Seattle", StateOrProvince: "WA", PostalCode: "98101", Country: "United States"), 250_000, "Net60"),
        new("Adventure Works Cycles", null, "USD", "+1 503 555 0111", "finance@adventure-works.com", new("45 Harbor Way", City: "Portland", StateOrProvince: "OR", PostalCode: "97201", Country: "US"), 120_000, "Net30"),
        new("Northwind Traders", "NORTHWIND", "CAD", "+1 416 555 0150", "ar@northwindtraders.ca", new("500 King St W", City: "Toronto", StateOrProvince: "ON", PostalCode: "M5V", Country: "CA"), 40_000, "Net30"),
        new("Fabrikam GmbH", null, "EUR", "+49 89 5550 1200", "buchhaltung@fabrikam.de", new("Marienplatz 1", City: "München", StateOrProvince: "BY", PostalCode: "80331", Country: "DE"), 90_000, "Net45"),
        new("Litware Ltd", null, "GBP", "+44 20 5550 0170", "accounts@litware.co.uk", new("10 Downing Court", City: "London", StateOrProvince: "ENG", PostalCode: "SW1A", Country: "GB"), 60_000, "Net30"),
        new("Tailspin Toys", null, "USD", "+1 512 555 0177", "ap@tailspintoys.com", new("77 Congress Ave", City: "Austin", StateOrProvince: "TX", PostalCode: "78701", Country: "US"), 30_000, "Net10"),
        new("Wide World Importers", null, "USD", "+1 305 555 0123", "ap@wideworldimporters.com", new("9 Ocean Dr", City: "Miami", StateOrProvince: "FL", PostalCode: "33139", Country: "US"), 45_000, "DueOnRcpt"),
        new("Proseware Inc", null, "USD", "+1 312 555 0190", "ap@proseware.com", new("1 Wacker Dr", City: "Chicago", StateOrProvince: "IL", PostalCode: "60601", Country: "US"), 80_000, "Net30"),
        // The mistakes the log is there to catch:
        new("Blue Yonder Airlines", null, "USD", "+1 206 555 0142", "ap@blueyonder.com", new("3 Airport Way", City: "Seattle", StateOrProvince: "Washingtn", PostalCode: "98158", Country: "US"), 150_000, "Net30"),
        new("Coho Winery", null, "USD", "+1 707 555 0163", "office@cohowinery.com", new("12 Vine St", City: "Napa Vally", StateOrProvince: "CA", PostalCode: "94559", Country: "US"), 20_000, "Net30"),
        new("Graphic Design Institute", null, "USD", "+1 617 555 0155", "ap@gdi.edu", new("88 Beacon St", City: "Boston", StateOrProvince: "MA", PostalCode: "02108", Country: "US"), 35_000, "2% 10 Net 30"),
        new("Lamna Healthcare", "CONTOSO", "USD", "+1 615 555 0181", "ap@lamnahealthcare.com", new("400 Broadway", City: "Nashville", StateOrProvince: "TN", PostalCode: "37203", Country: "US"), 55_000, "Net30"),
        new("Margie's Travel", null, "USD", "+1 808 555 0118", "ap@margiestravel.com", new("5 Aloha Tower", City: "Honolulu", StateOrProvince: "HI", PostalCode: "96813", Country: "Atlantis"), 15_000, "Net30"),
        new("Trey Research", null, "USD", "+1 919 555 0107", "ap@treyresearch.net", new("1 Research Pkwy", City: "Durham", StateOrProvince: "NC", PostalCode: "27701", Country: "US"), 65_000, "Net90"),
    ];

    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var psa = scope.ServiceProvider.GetRequiredService<PsaDb>();
        if (await psa.Accounts.AnyAsync(ct)) return;
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        foreach (var input in Accounts) await accounts.CreateAsync(input, ct: ct);
        await scope.ServiceProvider.GetRequiredService<SynchronizeCustomers>().RunAsync(new SyncRequest(JobDescription: "Initial load of the demo accounts"), ct: ct);
    }
}
