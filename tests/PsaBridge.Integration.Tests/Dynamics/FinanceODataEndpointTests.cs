using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PsaBridge.Integration.Dynamics;
using PsaBridge.Testing;

namespace PsaBridge.Integration.Tests.Dynamics;

/// <summary>The finance side's F&amp;O-compatible <c>/data/</c>, as an F&amp;O OData client uses it.</summary>
[Trait("Engine", "Both")]
public sealed class FinanceODataEndpointTests
{
    private static object Customer(string? account, string name, string group = "10", string currency = "USD", string? terms = "Net30",
        string? state = "WA", string? city = "Seattle", string? zip = "98101", Guid? psa = null) => new Dictionary<string, object?>
    {
        ["dataAreaId"] = "USMF", ["CustomerAccount"] = account, ["OrganizationName"] = name, ["PartyType"] = "Organization",
        ["CustomerGroupId"] = group, ["SalesCurrencyCode"] = currency, ["PaymentTerms"] = terms, ["CreditLimit"] = 1000.5m,
        ["AddressStreet"] = "1 Main St", ["AddressCity"] = city, ["AddressState"] = state, ["AddressZipCode"] = zip,
        ["AddressCountryRegionId"] = "USA", ["PrimaryContactPhone"] = "+1 425 555 0100", ["PrimaryContactEmail"] = "ap@x.com",
        ["IdentificationNumber"] = (psa ?? Guid.NewGuid()).ToString(),
    };

    [Fact]
    public async Task A_customer_is_created_read_by_its_keys_filtered_and_updated_as_FnO_answers()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();
        var psa = Guid.NewGuid();

        var created = await client.PostAsJsonAsync("/data/CustomersV3", Customer("US-001", "Fourth Coffee", psa: psa));
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = await created.JsonAsync();
        body.GetProperty("dataAreaId").GetString().ShouldBe("usmf"); // returned in lower case
        body.GetProperty("CustomerAccount").GetString().ShouldBe("US-001");
        body.GetProperty("PartyType").GetString().ShouldBe("Organization");
        body.GetProperty("CreditLimit").GetDecimal().ShouldBe(1000.5m);
        body.GetProperty("@odata.etag").GetString()!.ShouldStartWith("W/\"");

        var numbered = await (await client.PostAsJsonAsync("/data/CustomersV3", Customer(null, "Adventure Works"))).JsonAsync();
        numbered.GetProperty("CustomerAccount").GetString().ShouldBe("C000001"); // the number sequence gave it

        var byKey = await (await client.GetAsync("/data/CustomersV3(dataAreaId='usmf',CustomerAccount='US-001')")).JsonAsync();
        byKey.GetProperty("OrganizationName").GetString().ShouldBe("Fourth Coffee");
        var byPsa = await (await client.GetAsync($"/data/CustomersV3?$filter=IdentificationNumber eq '{psa}'&$select=CustomerAccount&cross-company=true")).JsonAsync();
        byPsa.GetProperty("value").EnumerateArray().Select(r => r.GetProperty("CustomerAccount").GetString()).ShouldBe(["US-001"]);
        var wildcard = await (await client.GetAsync("/data/CustomersV3?$filter=OrganizationName eq '*Coffee*' and dataAreaId eq 'USMF'&$count=true")).JsonAsync();
        wildcard.GetProperty("@odata.count").GetInt64().ShouldBe(1);
        (await (await client.GetAsync("/data/CustomersV3?$filter=dataAreaId eq 'usrt'&cross-company=true")).JsonAsync())
            .GetProperty("value").GetArrayLength().ShouldBe(0);

        var patch = new HttpRequestMessage(HttpMethod.Patch, "/data/CustomersV3(dataAreaId='usmf',CustomerAccount='US-001')")
        {
            Content = JsonContent.Create(new Dictionary<string, string> { ["PrimaryContactPhone"] = "+1 206 555 0199" }),
        };
        (await client.SendAsync(patch)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        // Property names are case-sensitive: a name the entity does not have is refused by name, and nothing changes.
        var unknown = await client.PatchAsJsonAsync("/data/CustomersV3(dataAreaId='usmf',CustomerAccount='US-001')", new { primaryContactPhone = "+1 000" });
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unknown.JsonAsync()).GetProperty("error").GetProperty("message").GetString()!
            .ShouldStartWith("The property 'primaryContactPhone' does not exist on type 'Microsoft.Dynamics.DataEntities.CustomerV3'.");
        await using var finance = app.Databases.OpenFinance();
        var stored = await finance.Customers.AsNoTracking().SingleAsync(c => c.CustomerAccount == "US-001");
        (stored.Phone, stored.Name, stored.PsaAccountId).ShouldBe(("+1 206 555 0199", "Fourth Coffee", (Guid?)psa));
    }

    [Fact]
    public async Task A_read_by_key_matches_the_account_exactly_even_when_it_holds_a_star()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();
        (await client.PostAsJsonAsync("/data/CustomersV3", Customer("US-001", "Fourth Coffee"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await client.PostAsJsonAsync("/data/CustomersV3", Customer("US*01", "Star Coffee"))).StatusCode.ShouldBe(HttpStatusCode.Created);

        // In a $filter a '*' is a wildcard (both accounts match); in a key it is the character itself.
        var filtered = await (await client.GetAsync("/data/CustomersV3?$filter=CustomerAccount eq 'US*01'&$count=true")).JsonAsync();
        filtered.GetProperty("@odata.count").GetInt64().ShouldBe(2);
        var star = await client.GetAsync("/data/CustomersV3(dataAreaId='usmf',CustomerAccount='US*01')");
        star.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await star.JsonAsync()).GetProperty("OrganizationName").GetString().ShouldBe("Star Coffee");
        var wildcard = await client.GetAsync("/data/CustomersV3(dataAreaId='usmf',CustomerAccount='US-*')");
        wildcard.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync("/data/CustomersV3(dataAreaId='usmf',CustomerAccount='*')")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_refused_create_answers_the_AxODataWriteException_with_every_failed_check_and_writes_nothing()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var response = await app.CreateClient().PostAsJsonAsync("/data/CustomersV3", Customer("US-002", "Litware", group: "Local", terms: "Net90", state: "XX"));
        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        var error = (await response.JsonAsync()).GetProperty("error");
        error.GetProperty("message").GetString().ShouldBe("An error has occurred.");
        error.GetProperty("innererror").GetProperty("type").GetString().ShouldBe("Microsoft.Dynamics.Platform.Integration.Services.OData.AxODataWriteException");
        error.GetProperty("innererror").GetProperty("message").GetString().ShouldBe(
            "Write failed for table row of type 'CustCustomerV3Entity'. Infolog: " +
            "Warning: The value 'Local' in field 'Customer group' is not found in the related table 'Customer groups'.; " +
            "Warning: validateField failed on field 'CustCustomerV3Entity.CustomerGroupId'.; " +
            "Warning: The value 'Net90' in field 'Terms of payment' is not found in the related table 'Terms of payment'.; " +
            "Warning: validateField failed on field 'CustCustomerV3Entity.PaymentTerms'.; " +
            "Warning: The value 'XX' in field 'State' is not found in the related table 'States'.; " +
            "Warning: validateField failed on field 'CustCustomerV3Entity.AddressState'.");
        await using var finance = app.Databases.OpenFinance();
        (await finance.Customers.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_change_set_commits_whole_or_not_at_all_and_a_part_on_its_own_stands_alone()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();
        string Json(object o) => System.Text.Json.JsonSerializer.Serialize(o);
        var zip = new { ZipCode = "98199-7", CountryRegionId = "USA", StateId = "WA", CountyId = "", CityId = "Seattle", DistrictId = "" };
        var parts = new List<BatchPart>
        {
            // The zip code first, then the customer that needs it, in one change set.
            new(null, [BatchMessage.Request("POST", "http://localhost/data/AddressPostalCodesV3", Json(zip), "1"),
                       BatchMessage.Request("POST", "http://localhost/data/CustomersV3", Json(Customer("B-1", "Alpha", zip: "98199-7")), "2")]),
            new(null, [BatchMessage.Request("POST", "http://localhost/data/CustomersV3", Json(Customer("B-2", "Beta")), "3"),
                       BatchMessage.Request("POST", "http://localhost/data/CustomersV3", Json(Customer("B-3", "Gamma", currency: "ZZZ")), "4")]),
            new(BatchMessage.Request("POST", "http://localhost/data/CustomersV3", Json(Customer("B-4", "Delta")), "5"), null),
        };
        var boundary = "batch_" + Guid.NewGuid().ToString("N");
        var content = new StringContent(ODataBatch.Write(parts, boundary), Encoding.UTF8);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse($"multipart/mixed; boundary={boundary}");

        var response = await client.PostAsync("/data/$batch", content);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var answers = ODataBatch.Read(await response.Content.ReadAsStringAsync(), ODataBatch.BoundaryOf(response.Content.Headers.ContentType!.ToString()));
        answers[0].ChangeSet!.Select(m => (m.ContentId, m.Status)).ShouldBe([("1", 201), ("2", 201)]);
        answers[1].ChangeSet!.Select(m => (m.ContentId, m.Status)).ShouldBe([("4", 500)]); // the failed change set is one part
        System.Text.Json.JsonDocument.Parse(answers[1].ChangeSet![0].Body).RootElement.GetProperty("error").GetProperty("innererror").GetProperty("message")
            .GetString()!.ShouldContain("The value 'ZZZ' in field 'Currency' is not found in the related table 'Currencies'.");
        answers[2].Single!.Status.ShouldBe(201);
        await using var finance = app.Databases.OpenFinance();
        (await finance.Customers.AsNoTracking().OrderBy(c => c.CustomerAccount).Select(c => c.CustomerAccount).ToListAsync()).ShouldBe(["B-1", "B-4"]);
        (await finance.ZipCodes.CountAsync(z => z.Code == "98199-7")).ShouldBe(1);
    }

    [Fact]
    public async Task Reference_entities_page_at_the_page_size_with_a_next_link()
    {
        await using var app = await PsaBridgeApp.StartAsync(a => a.WithSetting("PsaBridge:FinanceAndOperations:Serve:MaxPageSize", "20"));
        var client = app.CreateClient();
        var states = new List<string>();
        var pages = 0;
        for (var next = "/data/AddressStates?$filter=CountryRegionId eq 'USA'&$select=State,Name"; next is not null; pages++)
        {
            var body = await (await client.GetAsync(next)).JsonAsync();
            states.AddRange(body.GetProperty("value").EnumerateArray().Select(r => r.GetProperty("State").GetString()!));
            next = body.TryGetProperty("@odata.nextLink", out var n) ? n.GetString() : null;
        }
        await using var finance = app.Databases.OpenFinance();
        var expected = await finance.States.AsNoTracking().Where(s => s.CountryId == "USA").OrderBy(s => s.StateId).Select(s => s.StateId).ToListAsync();
        states.ShouldBe(expected);
        pages.ShouldBe((expected.Count + 19) / 20);
        var bad = await client.GetAsync("/data/CustomersV3?$filter=CustomerAccount in ('A','B')");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.JsonAsync()).GetProperty("error").GetProperty("message").GetString()!.ShouldContain("The 'in' operator is not supported.");
    }
}
