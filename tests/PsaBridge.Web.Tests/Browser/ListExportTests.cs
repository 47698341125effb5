using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using CsvHelper;
using Microsoft.Extensions.DependencyInjection;
using PsaBridge.Integration.Log;
using PsaBridge.Psa.Accounts;
using PsaBridge.Testing;

namespace PsaBridge.Web.Tests.Browser;

/// <summary>Every list's CSV export carries the rows its filters keep (all of them, not one page), with the grid's headers.</summary>
[Trait("Engine", "Both")]
public sealed class ListExportTests
{
    [Fact]
    public async Task Each_lists_csv_export_carries_exactly_its_filtered_rows()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var fourth = await app.Services.CreateAccountAsync(Arrange.Account("Fourth Coffee", accountNumber: "FOURTH"));
        var tailspin = await app.Services.CreateAccountAsync(Arrange.Account("Tailspin Toys", accountNumber: "TAILSPIN"));
        var blue = await app.Services.CreateAccountAsync(Arrange.Account("Blue Yonder Airlines", state: "Washingtn"));
        var lamna = await app.Services.CreateAccountAsync(Arrange.Account("Lamna Healthcare", paymentTerms: "Net99"));
        var run = await app.Services.RunSyncAsync();
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<AccountService>().SetStateAsync(tailspin.Id, AccountState.Inactive);
        var client = app.CreateClient();

        var accounts = await CsvAsync(client, "/psa/accounts?handler=Export&format=csv&name=o&state=Active&sort=name&dir=desc");
        accounts[0][..3].ShouldBe(["Account name", "Account number", "City"]);
        accounts.Skip(1).Select(r => r[0]).ShouldBe(["Fourth Coffee", "Blue Yonder Airlines"]);

        var customers = await CsvAsync(client, "/finance/customers?handler=Export&format=csv&name=coffee");
        customers.Skip(1).Select(r => (r[0], r[1])).ShouldBe([("FOURTH", "Fourth Coffee")]);
        customers[0].ShouldContain("PSA GUID");
        customers[1][Array.IndexOf(customers[0], "PSA GUID")].ShouldBe(fourth.Id.ToString());

        var headers = await CsvAsync(client, "/integration/log?handler=Export&format=csv&status=All");
        headers.Skip(1).Select(r => r[Array.IndexOf(headers[0], "Failed")]).ShouldBe(["2"]);
        headers.Skip(1).Select(r => r[Array.IndexOf(headers[0], "Status")]).ShouldBe(["Error"]);
        (await CsvAsync(client, "/integration/log?handler=Export&format=csv&status=All&executed-from=2000-01-01&executed-to=2000-01-02")).Count.ShouldBe(1);

        var lines = await CsvAsync(client, $"/integration/log/{run.Id}?handler=Export&format=csv&status=All");
        lines.Skip(1).Select(r => r[1]).ShouldBe(["Fourth Coffee", "Tailspin Toys", "Blue Yonder Airlines", "Lamna Healthcare"]);
        var state = await CsvAsync(client, $"/integration/log/{run.Id}?handler=Export&format=csv&field=State");
        state.Skip(1).Select(r => r[1]).ShouldBe(["Blue Yonder Airlines"]);
        state[1][Array.IndexOf(state[0], "Messages")].ShouldBe("State: 'Washingtn' does not exist in finance for United States (USA).");
        state[1][Array.IndexOf(state[0], "PSA GUID")].ShouldBe(blue.Id.ToString());
        (await CsvAsync(client, $"/integration/log/{run.Id}?handler=Export&format=csv&status=All&search=TAIL")).Skip(1).Select(r => r[1]).ShouldBe(["Tailspin Toys"]);

        var failing = await CsvAsync(client, "/integration/failing?handler=Export&format=csv&sort=attempts");
        failing.Skip(1).Select(r => r[0]).Order().ShouldBe(new[] { blue.Id.ToString(), lamna.Id.ToString() }.Order());
        var groups = await app.Services.CreateAsyncScope().ServiceProvider.GetRequiredService<FailingAccounts>().GroupsAsync();
        groups.Select(g => (g.Error, g.Accounts)).ShouldContain(("State: '…' does not exist in finance for United States (USA).", 1));
        var paymentTerm = groups.Single(g => g.Error.StartsWith("Payment term: '…' does not exist in finance", StringComparison.Ordinal)).Error;
        var byPaymentTerm = await CsvAsync(client, $"/integration/failing?handler=Export&format=csv&error={Uri.EscapeDataString(paymentTerm)}");
        byPaymentTerm.Skip(1).Select(r => r[0]).ShouldBe([lamna.Id.ToString()]);

        var cities = await CsvAsync(client, "/setup/cities?handler=Export&format=csv&country=US&state=WA&name=seattl");
        cities.ShouldBe([["City", "State", "Country/region"], ["Seattle", "WA", "USA"]]);
        var zips = await CsvAsync(client, "/setup/zip-codes?handler=Export&format=csv&country=US&state=WA&code=9810&city=seattle&sort=code");
        await using (var finance = app.Databases.OpenFinance())
        {
            var expected = finance.ZipCodes.Where(z => z.CountryId == "USA" && z.StateId == "WA" && z.Code.StartsWith("9810") && z.City == "Seattle")
                .Select(z => z.Code).AsEnumerable().Order(StringComparer.Ordinal).ToList();
            expected.Count.ShouldBeGreaterThan(1);
            zips.Skip(1).Select(r => r[0]).ShouldBe(expected);
        }
        (await CsvAsync(client, "/setup/payment-terms?handler=Export&format=csv&description=net 4")).ShouldBe([["Code", "Description", "Net days"], ["Net45", "Net 45 days", "45"]]);
    }

    [Fact]
    public async Task An_export_of_selected_rows_carries_only_those()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var a = await app.Services.CreateAccountAsync(Arrange.Account("Fourth Coffee"));
        await app.Services.CreateAccountAsync(Arrange.Account("Tailspin Toys"));
        var c = await app.Services.CreateAccountAsync(Arrange.Account("Blue Yonder Airlines"));

        var rows = await CsvAsync(app.CreateClient(), $"/psa/accounts?handler=Export&format=csv&selected={a.Id}&selected={c.Id}");

        rows.Skip(1).Select(r => r[0]).ShouldBe(["Blue Yonder Airlines", "Fourth Coffee"]);
    }

    [Fact]
    public async Task A_bad_format_or_filter_is_refused_by_name_and_the_list_shows_the_filters_words()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();

        var export = await client.GetAsync("/psa/accounts?handler=Export&format=pdf");
        export.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await export.JsonAsync()).GetProperty("errors").GetProperty("format")[0].GetString().ShouldBe("Format 'pdf' is not one of csv, xlsx.");

        var list = await client.GetAsync("/psa/accounts?state=Closed&modified-from=31.12.2026");
        list.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var html = await list.Content.ReadAsStringAsync();
        html.ShouldContain("Status: &#x27;Closed&#x27; is not one of Active, Inactive.");
        html.ShouldContain("Modified from: &#x27;31.12.2026&#x27; is not a date (year-month-day, e.g. 2026-12-31).");
    }

    internal static async Task<List<string[]>> CsvAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsByteArrayAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, System.Text.Encoding.UTF8.GetString(body));
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        return Csv(body);
    }

    /// <summary>The rows of an exported CSV file, header first; the file starts with a UTF-8 byte order mark so Excel reads it as UTF-8.</summary>
    internal static List<string[]> Csv(byte[] body)
    {
        body[..3].ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        using var reader = new CsvReader(new StringReader(System.Text.Encoding.UTF8.GetString(body[3..])), CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        while (reader.Read()) rows.Add(reader.Parser.Record!);
        return rows;
    }
}
