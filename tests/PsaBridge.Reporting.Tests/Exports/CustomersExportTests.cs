using System.Globalization;
using System.Net;
using System.Text;
using CsvHelper;
using MiniExcelLibs;
using PsaBridge.Finance.Customers;
using PsaBridge.Testing;

namespace PsaBridge.Reporting.Tests.Exports;

/// <summary>The finance customers list downloads as CSV and XLSX through its API, filtered like the list, in the page's columns.</summary>
[Trait("Engine", "Both")]
public sealed class CustomersExportTests
{
    [Fact]
    public async Task The_customers_list_downloads_as_csv_and_xlsx_with_the_filters_of_the_list()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();
        var psa = Guid.NewGuid();
        await using (var finance = app.Databases.OpenFinance())
        {
            finance.Customers.Add(new Customer
            {
                CustomerAccount = "C000002", Name = "Fabrikam, \"North\"", CustomerGroupId = "10", Currency = "USD", CreditLimit = 1234.5m,
                Address = new PostalAddress { City = "Seattle", State = "WA", CountryRegion = "USA" }, PsaAccountId = psa,
                CreatedAt = new DateTime(2018, 2, 3, 14, 5, 6, DateTimeKind.Utc),
            });
            finance.Customers.Add(new Customer { CustomerAccount = "C000001", Name = "Adatum", CustomerGroupId = "10", CreatedAt = new DateTime(2018, 1, 1, 0, 0, 0, DateTimeKind.Utc) });
            finance.Customers.Add(new Customer { CustomerAccount = "C000003", Name = "Contoso", CustomerGroupId = "20", CreatedAt = new DateTime(2018, 1, 1, 0, 0, 0, DateTimeKind.Utc) });
            await finance.SaveChangesAsync();
        }

        using var csv = await client.GetAsync("/api/finance/customers?format=csv&customerGroup=10");
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        csv.StatusCode.ShouldBe(HttpStatusCode.OK, Encoding.UTF8.GetString(bytes));
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        csv.Content.Headers.ContentDisposition!.FileName.ShouldBe("finance-customers.csv");
        bytes[..3].ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var rows = Records(Encoding.UTF8.GetString(bytes[3..]));
        rows[0].ShouldBe(["Customer account", "Name", "Customer group", "Currency", "Terms of payment", "Credit limit", "City", "State", "Country/Region", "Created", "PSA GUID"]);
        rows.Skip(1).Select(r => r[0]).ShouldBe(["C000001", "C000002"]);
        rows[2].ShouldBe(["C000002", "Fabrikam, \"North\"", "10", "USD", "", rows[2][5], "Seattle", "WA", "USA", "2018-02-03 14:05:06", psa.ToString()]);
        decimal.Parse(rows[2][5], CultureInfo.InvariantCulture).ShouldBe(1234.5m);
        decimal.Parse(rows[1][5], CultureInfo.InvariantCulture).ShouldBe(0m);
        rows[1][10].ShouldBe("");

        using var xlsx = await client.GetAsync("/api/finance/customers?format=xlsx&search=fabrikam");
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        xlsx.Content.Headers.ContentDisposition!.FileName.ShouldBe("finance-customers.xlsx");
        var row = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()).Query(useHeaderRow: true).Cast<IDictionary<string, object>>().Single();
        row["Customer account"].ShouldBe("C000002");
        row["Name"].ShouldBe("Fabrikam, \"North\"");
        Convert.ToDecimal(row["Credit limit"], CultureInfo.InvariantCulture).ShouldBe(1234.5m);
        row["Created"].ShouldBe(new DateTime(2018, 2, 3, 14, 5, 6));

        using var page = await client.GetAsync("/api/finance/customers?customerGroup=10&pageSize=1");
        (await page.Content.ReadAsStringAsync()).ShouldContain("\"C000001\"");

        using var bad = await client.GetAsync("/api/finance/customers?format=pdf");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("format");
    }

    private static List<string[]> Records(string csv)
    {
        using var parser = new CsvParser(new StringReader(csv), CultureInfo.InvariantCulture);
        var records = new List<string[]>();
        while (parser.Read()) records.Add(parser.Record!);
        return records;
    }
}
