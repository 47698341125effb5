using System.Net;
using System.Text.Json;
using PsaBridge.Integration.Dynamics;
using PsaBridge.Integration.Tests.CustomerSync;
using PsaBridge.Testing;
using PsaBridge.Web.Dataverse;
using PsaBridge.Web.Dynamics;
using PsaBridge.Web.Security;
using Microsoft.Extensions.DependencyInjection;

namespace PsaBridge.Integration.Tests.Dynamics;

/// <summary>The PSA side's Dataverse-compatible <c>/api/data/v9.2/accounts</c>, as a Dataverse client uses it.</summary>
[Trait("Engine", "Both")]
public sealed class DataverseEndpointTests
{
    private static HttpRequestMessage Get(string url, params string[] prefer)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        foreach (var p in prefer) request.Headers.TryAddWithoutValidation("Prefer", p);
        return request;
    }

    [Fact]
    public async Task Accounts_page_by_maxpagesize_and_a_tracked_read_ends_with_a_delta_link_that_brings_only_later_changes()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();
        var ids = new List<Guid>();
        for (var i = 1; i <= 5; i++) ids.Add(await client.CreateAccountAsync($"Account {i}", accountNumber: $"A{i}", paymentTerms: i == 1 ? "Net 30" : "Net30"));

        var first = await client.SendAsync(Get("/api/data/v9.2/accounts?$select=name,accountnumber,paymenttermscode,_transactioncurrencyid_value,versionnumber",
            "odata.maxpagesize=2", "odata.track-changes", "odata.include-annotations=\"OData.Community.Display.V1.FormattedValue\""));
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        first.Headers.GetValues("Preference-Applied").ShouldBe(["odata.maxpagesize=2", "odata.track-changes",
            "odata.include-annotations=\"OData.Community.Display.V1.FormattedValue\""]);
        var page = await first.JsonAsync();
        var rows = page.GetProperty("value").EnumerateArray().ToList();
        rows.Select(r => r.GetProperty("accountid").GetGuid()).ShouldBe(ids.Take(2));
        rows[0].GetProperty("name").GetString().ShouldBe("Account 1");
        rows[0].GetProperty("paymenttermscode").GetInt32().ShouldBe(1); // Microsoft's "Net 30"
        rows[0].GetProperty("paymenttermscode" + AccountMap.FormattedValue).GetString().ShouldBe("Net 30");
        rows[1].GetProperty("paymenttermscode" + AccountMap.FormattedValue).GetString().ShouldBe("Net30"); // a custom option: the text as typed
        rows[0].GetProperty("_transactioncurrencyid_value").GetGuid().ShouldBe(CurrencyIds.Of("USD"));
        rows[0].GetProperty("_transactioncurrencyid_value" + AccountMap.FormattedValue).GetString().ShouldBe("US Dollar");
        rows[0].GetProperty("@odata.etag").GetString().ShouldBe($"W/\"{rows[0].GetProperty("versionnumber").GetInt64()}\"");
        rows[0].TryGetProperty("telephone1", out _).ShouldBeFalse(); // only what $select named
        page.TryGetProperty("@odata.deltaLink", out _).ShouldBeFalse();

        // An account changed while the read pages comes in the next delta, not in this read.
        var seen = rows.Select(r => r.GetProperty("accountid").GetGuid()).ToList();
        await client.PatchAccountAsync(ids[0], new { telephone1 = "+1 206 555 0100" });
        string? deltaLink = null;
        for (var next = page.GetProperty("@odata.nextLink").GetString(); next is not null;)
        {
            var body = await (await client.SendAsync(Get(next, "odata.maxpagesize=2", "odata.track-changes"))).JsonAsync();
            seen.AddRange(body.GetProperty("value").EnumerateArray().Select(r => r.GetProperty("accountid").GetGuid()));
            next = body.TryGetProperty("@odata.nextLink", out var n) ? n.GetString() : null;
            deltaLink = body.TryGetProperty("@odata.deltaLink", out var d) ? d.GetString() : deltaLink;
        }
        seen.ShouldBe(ids);
        deltaLink.ShouldNotBeNull().ShouldContain("$deltatoken=");

        await client.CreateAccountAsync("Account 6", accountNumber: "A6");
        var delta = await (await client.SendAsync(Get(deltaLink!, "odata.track-changes"))).JsonAsync();
        delta.GetProperty("@odata.context").GetString()!.ShouldEndWith("/$delta");
        delta.GetProperty("value").EnumerateArray().Select(r => r.GetProperty("name").GetString()).ShouldBe(["Account 1", "Account 6"]);
        var nothing = await (await client.SendAsync(Get(delta.GetProperty("@odata.deltaLink").GetString()!, "odata.track-changes"))).JsonAsync();
        nothing.GetProperty("value").GetArrayLength().ShouldBe(0);
    }

    [Theory]
    [InlineData("$filter=name eq 'x'", "The \"$filter\" query parameter isn't supported when Change Tracking is enabled.")]
    [InlineData("$top=2", "The \"$top\" query parameter isn't supported when Change Tracking is enabled.")]
    [InlineData("$select=nmae", "Could not find a property named 'nmae' on type 'Microsoft.Dynamics.CRM.account'.")]
    public async Task A_request_Dataverse_refuses_gets_its_message(string query, string message)
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var response = await app.CreateClient().SendAsync(Get("/api/data/v9.2/accounts?" + query, "odata.track-changes"));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.JsonAsync()).GetProperty("error").GetProperty("message").GetString().ShouldBe(message);
    }

    [Fact]
    public async Task A_delta_token_older_than_the_change_tracking_days_asks_for_a_full_sync()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var old = new DeltaToken(10, DateTime.UtcNow.AddDays(-8));
        var response = await app.CreateClient().SendAsync(Get($"/api/data/v9.2/accounts?$select=name&$deltatoken={Uri.EscapeDataString(old.ToString())}", "odata.track-changes"));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.JsonAsync()).GetProperty("error").GetProperty("message").GetString()
            .ShouldBe("Version stamp associated with the client has expired. Please perform a full sync.");
    }

    [Fact]
    public async Task Over_its_request_limit_the_endpoint_answers_429_with_Retry_After_and_Dataverses_message()
    {
        await using var app = await PsaBridgeApp.StartAsync(a => a
            .WithSetting("PsaBridge:Dataverse:Serve:Limits:RequestsPerWindow", "2")
            .WithSetting("PsaBridge:Dataverse:Serve:Limits:WindowSeconds", "300"));
        var client = app.CreateClient();
        (await client.GetAsync("/api/data/v9.2/WhoAmI")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/api/data/v9.2/accounts?$select=name")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var refused = await client.GetAsync("/api/data/v9.2/accounts?$select=name");
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        int.Parse(refused.Headers.GetValues("Retry-After").Single()).ShouldBeInRange(299, 300);
        var error = (await refused.JsonAsync()).GetProperty("error");
        error.GetProperty("code").GetString().ShouldBe("0x80072322");
        error.GetProperty("message").GetString().ShouldBe("Number of requests exceeded the limit of 2 over time window of 300 seconds.");
    }

    [Fact]
    public async Task The_switch_refuses_the_next_requests_and_then_lets_them_through()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();
        app.Services.GetRequiredKeyedService<ServiceProtection>(DataverseApi.ProtectionKey).RefuseNext(1, 7);
        var refused = await client.GetAsync("/api/data/v9.2/accounts?$select=name");
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.GetValues("Retry-After").Single().ShouldBe("7");
        (await client.GetAsync("/api/data/v9.2/accounts?$select=name")).StatusCode.ShouldBe(HttpStatusCode.OK);
        // A service endpoint for integration: a Viewer's token is refused.
        (await (await app.CreateClientAsync(Roles.Viewer)).GetAsync("/api/data/v9.2/accounts?$select=name")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Accounts_are_read_by_id_and_currencies_by_their_ISO_codes()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateClient();
        var a = await client.CreateAccountAsync("Alpha", currency: "EUR");
        await client.CreateAccountAsync("Beta");
        var c = await client.CreateAccountAsync("Gamma");
        var byId = await (await client.GetAsync($"/api/data/v9.2/accounts?$select=name&$filter=accountid eq {a} or accountid eq {c}")).JsonAsync();
        byId.GetProperty("value").EnumerateArray().Select(r => r.GetProperty("name").GetString()).ShouldBe(["Alpha", "Gamma"]);
        var currencies = await (await client.GetAsync("/api/data/v9.2/transactioncurrencies?$select=isocurrencycode,currencyname")).JsonAsync();
        currencies.GetProperty("value").EnumerateArray().Select(r => (r.GetProperty("isocurrencycode").GetString(), r.GetProperty("transactioncurrencyid").GetGuid()))
            .ShouldBe([("EUR", CurrencyIds.Of("EUR")), ("USD", CurrencyIds.Of("USD"))]);
    }
}
