using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using PsaBridge.Testing;
using PsaBridge.Web.Security;

namespace PsaBridge.Web.Tests.Api;

/// <summary>Issue 21, fault 7: no call takes a whole number sequence, and the home page warns before one runs out.</summary>
[Trait("Engine", "Both")]
public sealed class NumberSequenceReserveTests
{
    [Fact]
    public async Task Reserving_is_for_administrators_and_a_call_past_10000_numbers_is_a_400_naming_count_that_takes_nothing()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var admin = app.CreateClient();

        (await (await app.CreateClientAsync(Roles.Finance)).PostAsync("/api/finance/number-sequences/CUST/reserve?count=5", null)).StatusCode
            .ShouldBe(HttpStatusCode.Forbidden);
        var tooMany = await admin.PostAsync("/api/finance/number-sequences/CUST/reserve?count=10001", null);
        tooMany.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await tooMany.JsonAsync()).GetProperty("errors").GetProperty("count")[0].GetString()
            .ShouldBe("'count' is 10001; at most 10000 numbers are reserved in one call.");
        (await (await admin.GetAsync("/api/finance/number-sequences/CUST")).JsonAsync()).GetProperty("next").GetInt64().ShouldBe(1);

        var block = await (await admin.PostAsync("/api/finance/number-sequences/CUST/reserve?count=10000", null)).JsonAsync();
        (block.GetProperty("first").GetInt64(), block.GetProperty("last").GetInt64(), block.GetProperty("count").GetInt32()).ShouldBe((1L, 10_000L, 10_000));
        (await (await admin.GetAsync("/api/finance/number-sequences/CUST")).JsonAsync()).GetProperty("next").GetInt64().ShouldBe(10_001);
    }

    [Fact]
    public async Task The_home_page_warns_of_a_sequence_90_percent_used_and_not_of_one_just_below()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var admin = app.CreateClient();
        var browser = app.CreateAnonymousClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var viewer = await app.UserAsync(Roles.Viewer);
        (await SignInForm.PostAsync(browser, viewer.Email, viewer.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await admin.PutAsJsonAsync("/api/finance/number-sequences/CUST", new { next = 900_000 })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await browser.GetStringAsync("/")).ShouldNotContain("data-sequence-warning");

        // 899,999 of 999,999 numbers given is just below 90%; one more reaches it.
        (await admin.PutAsJsonAsync("/api/finance/number-sequences/CUST", new { next = 900_001 })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var home = await browser.GetStringAsync("/");
        home.ShouldContain("data-sequence-warning=\"CUST\"");
        home.ShouldContain("Number sequence CUST (Customer account) is 90% used:");
        home.ShouldContain("99,999 of 999,999 numbers are left");
    }
}
