using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PsaBridge.Testing;
using PsaBridge.Web.Security;

namespace PsaBridge.Web.Tests.Security;

/// <summary>Personal access tokens as the finance database keeps them: a hash only, an expiry, one role of a live owner (issue 21).</summary>
[Trait("Engine", "Both")]
public sealed class PersonalAccessTokenTests
{
    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public async Task A_token_is_kept_as_its_hash_and_stops_at_its_expiry_without_its_role_or_with_its_owner_locked_out()
    {
        var clock = new Clock();
        var start = clock.Now;
        await using var app = await PsaBridgeApp.StartAsync(a => a.WithServices(s => s.AddSingleton<TimeProvider>(clock)));
        var finance = await app.UserAsync(Roles.Finance);
        await using var db = app.Databases.OpenFinance();
        var owner = await db.Users.AsNoTracking().SingleAsync(u => u.Email == finance.Email);
        var issued = await new PersonalAccessTokens(db, clock).CreateAsync(owner.Id, "Nightly export", "Finance", 2);

        var stored = await db.PersonalAccessTokens.AsNoTracking().SingleAsync(t => t.Id == issued.Token.Id);
        stored.TokenHash.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(issued.Secret))));
        stored.Prefix.ShouldBe(issued.Secret[..12]);
        (stored.ExpiresAt - stored.CreatedAt).ShouldBe(TimeSpan.FromDays(2));
        issued.Secret.Length.ShouldBe(4 + 43); // pbt_ and 256 random bits in base64url

        var program = app.CreateAnonymousClient();
        async Task<HttpStatusCode> CallAsync(string secret)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/finance/payment-terms");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
            return (await program.SendAsync(request)).StatusCode;
        }
        (await CallAsync(issued.Secret)).ShouldBe(HttpStatusCode.OK);
        (await CallAsync(issued.Secret[..^1] + (issued.Secret[^1] == 'A' ? 'B' : 'A'))).ShouldBe(HttpStatusCode.Unauthorized);

        clock.Now = start.AddDays(2).AddMinutes(1);
        (await CallAsync(issued.Secret)).ShouldBe(HttpStatusCode.Unauthorized); // expired
        clock.Now = start.AddDays(1);
        (await CallAsync(issued.Secret)).ShouldBe(HttpStatusCode.OK);

        await db.UserRoles.Where(r => r.UserId == owner.Id).ExecuteDeleteAsync();
        (await CallAsync(issued.Secret)).ShouldBe(HttpStatusCode.Unauthorized); // the owner no longer holds the token's role
        db.UserRoles.Add(new Microsoft.AspNetCore.Identity.IdentityUserRole<string> { UserId = owner.Id, RoleId = "finance" });
        await db.SaveChangesAsync();
        (await CallAsync(issued.Secret)).ShouldBe(HttpStatusCode.OK);

        var lockedUntil = clock.Now.AddMinutes(15);
        await db.Users.Where(u => u.Id == owner.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEnd, lockedUntil));
        (await CallAsync(issued.Secret)).ShouldBe(HttpStatusCode.Unauthorized); // the owner is locked out
        clock.Now = lockedUntil.AddSeconds(1);
        (await CallAsync(issued.Secret)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_feed_takes_a_token_as_the_basic_password_and_asks_for_one_with_a_basic_challenge()
    {
        await using var app = await PsaBridgeApp.StartAsync();
        var viewer = await app.UserAsync(Roles.Viewer);
        var excel = app.CreateAnonymousClient();
        async Task<HttpResponseMessage> ReadAsync(string? password)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/odata/msdyn_actuals");
            if (password is not null)
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("excel:" + password)));
            return await excel.SendAsync(request);
        }

        var read = await ReadAsync(viewer.Token);
        var wrong = await ReadAsync(viewer.Token[..^1] + (viewer.Token[^1] == 'A' ? 'B' : 'A'));
        var anonymous = await ReadAsync(null);

        read.StatusCode.ShouldBe(HttpStatusCode.OK);
        var feed = await read.JsonAsync();
        feed.GetProperty("@odata.context").GetString()!.ShouldEndWith("$metadata#msdyn_actuals");
        feed.GetProperty("value").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Array);
        foreach (var refused in new[] { wrong, anonymous })
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            refused.Headers.WwwAuthenticate.ToString().ShouldBe("Basic realm=\"PsaBridge\"");
        }
    }
}
