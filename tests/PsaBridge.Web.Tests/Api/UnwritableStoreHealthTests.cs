using System.Net;
using PsaBridge.Testing;

namespace PsaBridge.Web.Tests.Api;

/// <summary>
/// Issue 21, fault 3: <c>/health</c> answers 503 for a store that still answers queries but no longer takes writes. On
/// SQLite the store's file is made immutable (as root, file modes do not stop a write); on PostgreSQL its database is
/// made read-only, as a provider does when the disk is full.
/// </summary>
[Trait("Engine", "Both")]
public sealed class UnwritableStoreHealthTests
{
    [Theory]
    [InlineData("finance", "psa")]
    [InlineData("psa", "finance")]
    public async Task A_store_that_takes_no_writes_makes_health_answer_503_naming_it_and_200_once_it_does_again(string broken, string other)
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var client = app.CreateAnonymousClient();
        (await client.GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await using (await UnwritableStore.MakeAsync(broken == "psa" ? app.Databases.Psa : app.Databases.Finance))
        {
            var response = await client.GetAsync("/health");
            response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            var body = await response.JsonAsync();
            (body.GetProperty("status").GetString(), body.GetProperty(other).GetString()).ShouldBe(("Unhealthy", "Healthy"));
            body.GetProperty(broken).GetString()!.ShouldStartWith("Unhealthy: ");
        }

        (await client.GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
