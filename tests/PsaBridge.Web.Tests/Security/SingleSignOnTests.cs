using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using PsaBridge.Testing;
using PsaBridge.Web.Security;

namespace PsaBridge.Web.Tests.Security;

/// <summary>
/// Single sign-on by configuration: JWT bearer tokens of the identity provider for programs, and the OpenID Connect
/// challenge for people. The provider is this test: its signing key and issuer are made here, so nothing goes on the network.
/// </summary>
public sealed class SingleSignOnTests
{
    private const string Issuer = "https://login.test/3f1e0c1a-tenant/v2.0", Audience = "api://psabridge", FinanceGroup = "6f1c2a3e-0000-4000-8000-000000000001";
    private static readonly RsaSecurityKey Key = new(RSA.Create(2048)) { KeyId = "test-key" };

    private static Task<PsaBridgeApp> StartWithJwtAsync() => PsaBridgeApp.StartAsync(a => a
        .WithSetting("PsaBridge:Security:JwtBearer:Issuer", Issuer)
        .WithSetting("PsaBridge:Security:JwtBearer:Audience", Audience)
        .WithSetting($"PsaBridge:Security:OpenIdConnect:Roles:{FinanceGroup}", "Finance")
        .WithServices(s => s.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o => o.TokenValidationParameters.IssuerSigningKey = Key)));

    private static string Token(SecurityKey key, string audience = Audience, params (string Type, object Value)[] claims)
    {
        var payload = new Dictionary<string, object> { ["preferred_username"] = "nightly-export@contoso.test", ["groups"] = new[] { FinanceGroup } };
        foreach (var (type, value) in claims) payload[type] = value;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer, Audience = audience, Expires = DateTime.UtcNow.AddMinutes(10), Claims = payload,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }

    private static HttpClient Bearer(PsaBridgeApp app, string token)
    {
        var client = app.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [Fact]
    public async Task A_provider_token_for_our_api_acts_in_the_role_its_group_maps_to_and_is_named_in_the_audit_trail()
    {
        await using var app = await StartWithJwtAsync();
        var program = Bearer(app, Token(Key));

        (await program.GetAsync("/api/finance/payment-terms")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await program.PostAsJsonAsync("/api/finance/payment-terms", new { code = "Net75", description = "Net 75 days", netDays = 75 })).StatusCode
            .ShouldBe(HttpStatusCode.Created);
        (await program.PutAsJsonAsync("/api/integration/jobs/customers/schedule", new { enabled = false })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var trail = await (await app.CreateClient().GetAsync("/api/audit?entity=PaymentTerm&recordId=Net75")).JsonAsync();
        trail.GetProperty("items").EnumerateArray().Select(e => (e.GetProperty("actor").GetString(), e.GetProperty("channel").GetString()))
            .ShouldBe([("nightly-export@contoso.test", "API")]);
        // Our own tokens still work beside the provider's.
        (await app.CreateClient().GetAsync("/api/finance/payment-terms")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_token_for_another_api_signed_by_another_key_or_mapping_to_no_role_is_refused()
    {
        await using var app = await StartWithJwtAsync();

        (await Bearer(app, Token(Key, audience: "api://someone-else")).GetAsync("/api/finance/payment-terms")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Bearer(app, Token(new RsaSecurityKey(RSA.Create(2048)) { KeyId = "test-key" })).GetAsync("/api/finance/payment-terms")).StatusCode
            .ShouldBe(HttpStatusCode.Unauthorized);
        (await Bearer(app, Token(Key, Audience, ("groups", new[] { "ffffffff-0000-4000-8000-000000000009" }))).GetAsync("/api/finance/payment-terms"))
            .StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Without_configuration_a_provider_token_is_refused_and_the_sign_in_page_offers_no_provider()
    {
        await using var app = await PsaBridgeApp.StartAsync();

        (await Bearer(app, Token(Key)).GetAsync("/api/finance/payment-terms")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await app.CreateAnonymousClient().GetStringAsync("/account/sign-in")).ShouldNotContain("data-single-sign-on");
    }

    [Fact]
    public async Task With_openid_connect_configured_the_sign_in_page_sends_the_browser_to_the_provider_with_our_client_id()
    {
        await using var app = await PsaBridgeApp.StartAsync(a => a
            .WithSetting("PsaBridge:Security:OpenIdConnect:Authority", Issuer)
            .WithSetting("PsaBridge:Security:OpenIdConnect:ClientId", "psabridge-web")
            .WithSetting("PsaBridge:Security:OpenIdConnect:ClientSecret", "not-a-real-secret")
            .WithServices(s => s.Configure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, o => o.Configuration = new OpenIdConnectConfiguration
            {
                Issuer = Issuer, AuthorizationEndpoint = "https://login.test/authorize", TokenEndpoint = "https://login.test/token",
            })));
        var browser = app.CreateAnonymousClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        (await browser.GetStringAsync("/account/sign-in")).ShouldContain("Sign in with Microsoft Entra ID");
        var challenge = await browser.GetAsync("/account/sign-in?handler=External&ReturnUrl=%2Fpsa%2Finvoices");

        challenge.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = challenge.Headers.Location!;
        location.GetLeftPart(UriPartial.Path).ShouldBe("https://login.test/authorize");
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(location.Query);
        (query["client_id"].ToString(), query["response_type"].ToString(), query["redirect_uri"].ToString(), query["code_challenge_method"].ToString())
            .ShouldBe(("psabridge-web", "code", "http://localhost/signin-oidc", "S256"));
        query["scope"].ToString().Split(' ').ShouldBe(["openid", "profile", "email"]);
    }
}
