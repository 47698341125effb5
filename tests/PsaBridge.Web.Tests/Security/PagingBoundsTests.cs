using System.Net;
using PsaBridge.Testing;
using PsaBridge.Web.Tests.Browser;

namespace PsaBridge.Web.Tests.Security;

/// <summary>Page numbers never overflow: past the data a list is empty, past the sane maximum it is a 400 naming <c>page</c>.</summary>
[Trait("Engine", "Both")]
public sealed class PagingBoundsTests
{
    [Fact]
    public async Task A_page_beyond_the_data_is_empty_and_keeps_the_total()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        await app.Services.CreateAccountAsync(Arrange.Account("Paging One"));
        await app.Services.CreateAccountAsync(Arrange.Account("Paging Two"));
        (await app.Services.RunSyncAsync()).Counts.Created.ShouldBe(2);
        var client = app.CreateClient();

        var first = await (await client.GetAsync("/api/finance/customers?page=1&pageSize=1")).JsonAsync();
        first.GetProperty("items").GetArrayLength().ShouldBe(1);
        foreach (var page in new[] { 3, 1_000_000 })
        {
            var response = await client.GetAsync($"/api/finance/customers?page={page}&pageSize=500");
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var body = await response.JsonAsync();
            body.GetProperty("items").GetArrayLength().ShouldBe(0);
            body.GetProperty("total").GetInt32().ShouldBe(2);
            body.GetProperty("page").GetInt32().ShouldBe(page);
        }
    }

    [Theory]
    [InlineData("/api/finance/customers?page=2147483647")]
    [InlineData("/api/finance/customers?page=1000001&pageSize=500")]
    [InlineData("/api/psa/accounts?page=2147483647")]
    [InlineData("/api/integration/log?page=2147483647")]
    public async Task A_page_past_the_maximum_is_a_400_naming_page(string url)
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var response = await app.CreateClient().GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        errors.TryGetProperty("page", out var page).ShouldBeTrue();
        page[0].GetString().ShouldBe("The page number must be from 1 to 1000000.");
    }
}
