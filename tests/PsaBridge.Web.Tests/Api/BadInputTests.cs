using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PsaBridge.Testing;

namespace PsaBridge.Web.Tests.Api;

/// <summary>
/// Every write endpoint answers bad input (malformed JSON, unknown codes, overlong strings, wrong
/// types, unknown fields) with a 400 ProblemDetails naming the field, and changes nothing.
/// </summary>
[Trait("Engine", "Both")]
public sealed class BadInputTests(BadInputTests.Fixture fixture) : IClassFixture<BadInputTests.Fixture>
{
    /// <summary>One application for all cases: none of them may change anything.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        public PsaBridgeApp App { get; private set; } = null!;
        public Guid Account { get; private set; }

        public async Task InitializeAsync()
        {
            App = await PsaBridgeApp.StartAsync();
            var created = await App.CreateClient().PostJsonAsync("/api/psa/accounts", new { name = "Fourth Coffee", address1 = new { country = "US" } });
            Account = (await created.JsonAsync()).GetProperty("id").GetGuid();
        }

        public async Task DisposeAsync() => await App.DisposeAsync();
    }

    private readonly PsaBridgeApp _app = fixture.App;
    private readonly HttpClient _client = fixture.App.CreateClient();
    private readonly Guid _account = fixture.Account;

    public static TheoryData<string, string, string, string> Cases => new()
    {
        // method, url, body, the field the error must name
        { "POST", "/api/psa/accounts", "{ \"name\": ", "name" },
        { "POST", "/api/psa/accounts", "not json at all", "body" },
        { "POST", "/api/psa/accounts", "{ \"name\": \"\" }", "name" },
        { "POST", "/api/psa/accounts", $"{{ \"name\": \"{new string('x', 161)}\" }}", "name" },
        { "POST", "/api/psa/accounts", "{ \"name\": \"A\", \"creditLimit\": \"lots\" }", "creditLimit" },
        { "POST", "/api/psa/accounts", "{ \"name\": \"A\", \"creditLimit\": -5 }", "creditLimit" },
        { "POST", "/api/psa/accounts", "{ \"name\": \"A\", \"currency\": \"DOLLARS\" }", "currency" },
        { "POST", "/api/psa/accounts", "{ \"name\": \"A\", \"colour\": \"blue\" }", "colour" },
        { "POST", "/api/psa/accounts", $"{{ \"name\": \"A\", \"address1\": {{ \"postalCode\": \"{new string('9', 21)}\" }} }}", "address1.postalCode" },
        { "PATCH", "/api/psa/accounts/{account}", "{ \"creditLimit\": true }", "creditLimit" },
        { "PATCH", "/api/psa/accounts/{account}", "{ \"name\": null }", "name" },
        { "PATCH", "/api/psa/accounts/{account}", "[1, 2]", "body" },
        { "POST", "/api/finance/payment-terms", "{ \"code\": \"\", \"description\": \"x\" }", "code" },
        { "POST", "/api/finance/payment-terms", "{ \"code\": \"Net30\", \"description\": \"duplicate\" }", "code" },
        { "POST", "/api/finance/payment-terms", "{ \"code\": \"N7\", \"description\": \"x\", \"netDays\": \"seven\" }", "netDays" },
        { "POST", "/api/finance/payment-terms", "{ \"code\": \"N7\", \"description\": \"x\", \"netDays\": -1 }", "netDays" },
        { "PUT", "/api/finance/payment-terms/Net30", $"{{ \"description\": \"{new string('d', 61)}\" }}", "description" },
        { "POST", "/api/finance/customer-groups", "{ \"id\": \"40\", \"description\": \"x\", \"defaultPaymentTerms\": \"Net999\" }", "defaultPaymentTerms" },
        { "POST", "/api/finance/customer-groups", "{ \"id\": \"12345678901\", \"description\": \"x\" }", "id" },
        { "PUT", "/api/finance/customer-groups/10", "{ \"description\": \"\" }", "description" },
        { "POST", "/api/finance/number-sequences", "{ \"code\": \"INV\", \"name\": \"Invoices\", \"format\": \"INV\" }", "format" },
        { "POST", "/api/finance/number-sequences", "{ \"code\": \"INV\", \"name\": \"Invoices\", \"format\": \"I###\", \"largest\": 5000 }", "largest" },
        { "PUT", "/api/finance/number-sequences/CUST", "{ \"next\": 0 }", "next" },
        { "POST", "/api/finance/number-sequences/CUST/reserve?count=0", "", "count" },
        { "POST", "/api/finance/number-sequences/CUST/reserve?count=many", "", "count" },
        { "POST", "/api/finance/cities", "{ \"country\": \"Narnia\", \"state\": \"X\", \"name\": \"Cair Paravel\" }", "country" },
        { "POST", "/api/finance/cities", "{ \"country\": \"US\", \"state\": \"Atlantis\", \"name\": \"Cair Paravel\" }", "state" },
        { "POST", "/api/finance/cities", "{ \"country\": \"US\", \"state\": \"WA\", \"name\": \"Seattle\" }", "name" },
        { "POST", "/api/finance/zip-codes", "{ \"country\": \"US\", \"state\": \"WA\", \"city\": \"Gotham\", \"code\": \"98000\" }", "city" },
        { "POST", "/api/finance/zip-codes", "{ \"country\": \"US\", \"state\": \"WA\", \"city\": \"Seattle\", \"code\": \"98101-12345\" }", "code" },
        { "PUT", "/api/integration/jobs/customers/schedule", "{ \"intervalMinutes\": 0 }", "intervalMinutes" },
        { "PUT", "/api/integration/jobs/customers/schedule", "{ \"enabled\": \"sometimes\" }", "enabled" },
        { "POST", "/api/integration/jobs/customers/run?full=perhaps", "", "full" },
        { "GET", "/api/finance/customers?page=first", "", "page" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_input_gets_a_400_naming_the_field_and_changes_nothing(string method, string url, string body, string field)
    {
        var before = await SnapshotAsync();
        var request = new HttpRequestMessage(new HttpMethod(method), url.Replace("{account}", _account.ToString()));
        if (body.Length > 0) request.Content = new StringContent(body, Encoding.UTF8, "application/json");

        var response = await _client.SendAsync(request);

        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, text);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.JsonAsync();
        problem.GetProperty("status").GetInt32().ShouldBe(400);
        var errors = problem.GetProperty("errors");
        errors.TryGetProperty(field, out var messages).ShouldBeTrue($"expected an error for '{field}' in {text}");
        messages[0].GetString().ShouldNotBeNullOrWhiteSpace();
        (await SnapshotAsync()).ShouldBe(before);
    }

    /// <summary>Issue 21, faults 1 and 6: PSA refuses at entry what finance could not store or would refuse.</summary>
    [Fact]
    public async Task A_control_character_or_a_malformed_email_in_an_account_is_refused_at_entry_naming_each_field()
    {
        var before = await SnapshotAsync();
        const string body = "{ \"name\": \"Fourth\\u0000Coffee\", \"emailAddress1\": \"ap@fourthcoffee\", \"address1\": { \"line2\": \"Unit\\t7\" } }";

        var response = await _client.PostAsync("/api/psa/accounts", new StringContent(body, Encoding.UTF8, "application/json"));
        var patched = await _client.PatchAsync($"/api/psa/accounts/{_account}", new StringContent("{ \"emailAddress1\": \"Accounts <ap@contoso.com>\" }", Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        errors.GetProperty("name")[0].GetString().ShouldBe("'name' holds the control character U+0000; only printable text is allowed.");
        errors.GetProperty("emailAddress1")[0].GetString().ShouldBe("'emailAddress1' is not an e-mail address.");
        errors.GetProperty("address1.line2")[0].GetString().ShouldBe("'address1.line2' holds the control character U+0009; only printable text is allowed.");
        patched.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await patched.JsonAsync()).GetProperty("errors").GetProperty("emailAddress1")[0].GetString().ShouldBe("'emailAddress1' is not an e-mail address.");
        (await SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task An_unknown_record_is_a_404_problem()
    {
        var response = await _client.GetAsync("/api/finance/customers/NOPE");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.JsonAsync()).GetProperty("detail").GetString().ShouldBe("Customer 'NOPE' was not found.");
        (await _client.PatchAsync($"/api/psa/accounts/{Guid.NewGuid()}", new StringContent("{}", Encoding.UTF8, "application/json")))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private async Task<string> SnapshotAsync()
    {
        await using var finance = _app.Databases.OpenFinance();
        await using var psa = _app.Databases.OpenPsa();
        var account = await psa.Accounts.AsNoTracking().SingleAsync();
        var sequence = await finance.NumberSequences.AsNoTracking().SingleAsync(s => s.Code == "CUST");
        var terms = string.Join(",", await finance.PaymentTerms.AsNoTracking().OrderBy(t => t.Code).Select(t => t.Code + t.Description + t.NetDays).ToListAsync());
        var groups = string.Join(",", await finance.CustomerGroups.AsNoTracking().OrderBy(g => g.Id).Select(g => g.Id + g.Description + g.DefaultPaymentTerms).ToListAsync());
        return string.Join("|", await psa.Accounts.CountAsync(), account.Name, account.VersionNumber, account.CreditLimit,
            await finance.Customers.CountAsync(), await finance.Cities.CountAsync(), await finance.ZipCodes.CountAsync(),
            await finance.NumberSequences.CountAsync(), sequence.Next, terms, groups, await finance.BatchJobSchedules.CountAsync(),
            await finance.IntegrationLogHeaders.CountAsync());
    }
}
