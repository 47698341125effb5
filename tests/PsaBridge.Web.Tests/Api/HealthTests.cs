using System.Net;
using PsaBridge.Testing;

namespace PsaBridge.Web.Tests.Api;

public sealed class HealthTests
{
    [Fact]
    public async Task Health_answers_200_when_both_databases_answer()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var response = await app.CreateClient().GetAsync("/health");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.JsonAsync();
        body.GetProperty("status").GetString().ShouldBe("Healthy");
        body.GetProperty("psa").GetString().ShouldBe("Healthy");
        body.GetProperty("finance").GetString().ShouldBe("Healthy");
    }

    [Fact]
    public async Task OpenApi_document_lists_the_api()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var doc = await (await app.CreateClient().GetAsync("/openapi/v1.json")).JsonAsync();
        var paths = doc.GetProperty("paths");
        paths.TryGetProperty("/api/finance/customers", out _).ShouldBeTrue();
        paths.TryGetProperty("/api/integration/jobs/customers/run", out _).ShouldBeTrue();
        paths.TryGetProperty("/api/psa/accounts", out _).ShouldBeTrue();
    }
}
