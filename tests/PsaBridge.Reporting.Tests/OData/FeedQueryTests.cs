using System.Net;
using System.Text.Json;
using PsaBridge.Psa.Tests.Api;
using PsaBridge.Testing;

namespace PsaBridge.Reporting.Tests.OData;

/// <summary>The feed's query options over the seed's invoiced actuals, answered with Dataverse's names and shapes.</summary>
[Trait("Engine", "Both")]
public sealed class FeedQueryTests
{
    private const string Cost = "192350000", Unbilled = "192350005", Billed = "192350006";

    [Fact]
    public async Task Select_filter_orderby_top_skip_and_count_answer_in_dataverse_names()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();
        var alpine = await AlpineReporting.InvoicedAsync(client);

        var page = await Feed.GetAsync(client, $"/odata/msdyn_actuals?$select=msdyn_transactiontypecode,msdyn_amount,msdyn_documentdate,_msdyn_project_value"
            + $"&$filter=_msdyn_project_value eq {alpine.Project} and msdyn_transactiontypecode ne {Cost}&$orderby=msdyn_amount desc&$count=true&$top=2&$skip=1");

        page.GetProperty("@odata.context").GetString().ShouldEndWith("$metadata#msdyn_actuals(msdyn_transactiontypecode,msdyn_amount,msdyn_documentdate,_msdyn_project_value,msdyn_actualid)");
        page.GetProperty("@odata.count").GetInt32().ShouldBe(3);
        var rows = page.GetProperty("value").EnumerateArray().ToList();
        rows.Select(r => r.GetProperty("msdyn_amount").GetDecimal()).ShouldBe([800m, -800m]);
        rows[0].GetProperty("msdyn_transactiontypecode").GetInt32().ToString().ShouldBeOneOf(Unbilled, Billed);
        rows[1].GetProperty("msdyn_transactiontypecode").GetInt32().ToString().ShouldBe(Unbilled);
        rows[1].GetProperty("msdyn_documentdate").GetString().ShouldBe("2018-02-04");
        rows[1].GetProperty("_msdyn_project_value").GetGuid().ShouldBe(alpine.Project);
        rows[1].GetProperty("msdyn_actualid").GetGuid().ShouldNotBe(Guid.Empty); // the key comes even when not selected
        rows[1].TryGetProperty("msdyn_quantity", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task Expanding_a_lookup_brings_the_record_it_points_to()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();
        var alpine = await AlpineReporting.ApprovedAsync(client);

        var page = await Feed.GetAsync(client, "/odata/msdyn_actuals?$select=msdyn_amount&$expand=msdyn_project($select=msdyn_subject),msdyn_accountcustomer($select=name)"
            + $",msdyn_resourcecategory&$filter=msdyn_transactiontypecode eq {Unbilled} and _msdyn_project_value eq {alpine.Project}");

        var row = page.GetProperty("value").EnumerateArray().Single();
        row.GetProperty("msdyn_amount").GetDecimal().ShouldBe(800m);
        row.GetProperty("msdyn_project").GetProperty("msdyn_subject").GetString().ShouldBe("Alpine CRM implementation");
        row.TryGetProperty("_msdyn_project_value", out _).ShouldBeFalse(); // not selected
        row.GetProperty("msdyn_accountcustomer").GetProperty("name").GetString().ShouldBe("Alpine Ski House");
        row.GetProperty("msdyn_resourcecategory").GetProperty("name").GetString().ShouldBe("Project Manager");

        var contract = (await Feed.GetAsync(client, "/odata/salesorders?$expand=order_details($select=salesorderdetailname,msdyn_budgetamount)"))
            .GetProperty("value").EnumerateArray().Single();
        contract.GetProperty("name").GetString().ShouldBe("Alpine CRM");
        var line = contract.GetProperty("order_details").EnumerateArray().Single();
        (line.GetProperty("salesorderdetailname").GetString(), line.GetProperty("msdyn_budgetamount").GetDecimal()).ShouldBe(("CRM implementation", 10_000m));
    }

    [Fact]
    public async Task Option_sets_carry_their_label_when_the_client_asks_for_formatted_values()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();
        await AlpineReporting.ApprovedAsync(client);
        const string url = "/odata/msdyn_actuals?$select=msdyn_transactiontypecode,msdyn_billingtype,msdyn_billingstatus&$orderby=msdyn_transactiontypecode";

        var plain = (await Feed.GetAsync(client, url)).GetProperty("value")[0];
        plain.TryGetProperty("msdyn_transactiontypecode@OData.Community.Display.V1.FormattedValue", out _).ShouldBeFalse();

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Prefer", "odata.include-annotations=\"OData.Community.Display.V1.FormattedValue\"");
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        response.Headers.GetValues("Preference-Applied").ShouldContain(v => v.Contains("OData.Community.Display.V1.FormattedValue"));
        var rows = JsonDocument.Parse(body).RootElement.GetProperty("value").EnumerateArray().ToList();
        rows.Select(r => (r.GetProperty("msdyn_transactiontypecode").GetInt32(), Feed.Label(r, "msdyn_transactiontypecode")))
            .ShouldBe([(192350000, "Cost"), (192350005, "Unbilled Sales")]);
        Feed.Label(rows[0], "msdyn_billingtype").ShouldBe("Chargeable");
        Feed.Label(rows[1], "msdyn_billingstatus").ShouldBe("Unbilled Sales Created");
        rows[0].GetProperty("msdyn_billingstatus").ValueKind.ShouldBe(JsonValueKind.Null);
        rows[0].TryGetProperty("msdyn_billingstatus@OData.Community.Display.V1.FormattedValue", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task The_service_document_lists_the_entity_sets_and_bad_queries_are_refused()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();

        var sets = (await Feed.GetAsync(client, "/odata")).GetProperty("value").EnumerateArray().Select(s => s.GetProperty("name").GetString()).ToList();
        sets.ShouldContain("msdyn_actuals");
        sets.ShouldContain("accounts");
        sets.ShouldContain("salesorders");
        sets.ShouldContain("msdyn_timeentries");

        (await client.GetAsync("/odata/msdyn_actuals?$filter=msdyn_nosuchcolumn eq 1")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.GetAsync("/odata/msdyn_actuals?$top=-1")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.PostAsync("/odata/msdyn_actuals", new StringContent("{}"))).StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
    }
}
