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

    /// <summary>The whole round trip: challenge, the provider's form post back with a code, our token request, the cookie.</summary>
    [Fact]
    public async Task A_person_signed_in_by_the_provider_lands_where_they_were_going_in_the_role_their_group_maps_to()
    {
        var provider = new ProviderTokenEndpoint(Issuer, "psabridge-web", Key);
        await using var app = await StartWithOpenIdConnectAsync(provider);
        var browser = Browser(app);

        var callback = await SignInAtProviderAsync(browser, provider, "/psa/invoices", "dana@contoso.test", [FinanceGroup]);

        callback.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        callback.Headers.Location!.OriginalString.ShouldBe("/psa/invoices");
        provider.LastRequest["grant_type"].ShouldBe("authorization_code");
        provider.LastRequest["client_id"].ShouldBe("psabridge-web");
        provider.LastRequest["client_secret"].ShouldBe("not-a-real-secret");
        provider.LastRequest["redirect_uri"].ShouldBe("https://localhost/signin-oidc");
        var invoices = await browser.GetAsync("/psa/invoices");
        invoices.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await invoices.Content.ReadAsStringAsync()).ShouldContain("data-signed-in-as title=\"dana@contoso.test\"");
        // Finance may make invoices and may not approve time.
        (await browser.GetAsync("/psa/invoices/new")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var approvals = await browser.GetAsync("/psa/approvals");
        approvals.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        approvals.Headers.Location!.AbsolutePath.ShouldBe("/account/access-denied");
    }

    [Fact]
    public async Task A_person_whose_groups_map_to_no_role_or_whose_code_is_refused_is_told_so_on_the_sign_in_page()
    {
        var provider = new ProviderTokenEndpoint(Issuer, "psabridge-web", Key);
        await using var app = await StartWithOpenIdConnectAsync(provider);

        var noRole = Browser(app);
        var refused = await SignInAtProviderAsync(noRole, provider, "/", "guest@fabrikam.test", ["ffffffff-0000-4000-8000-000000000009"]);
        refused.Headers.Location!.OriginalString.ShouldBe("/account/sign-in?failed=no-role");
        (await noRole.GetStringAsync(refused.Headers.Location)).ShouldContain(
            "Microsoft Entra ID signed you in, but gave you no group or app role that PsaBridge knows. Ask an administrator to give you one.");
        (await noRole.GetAsync("/psa/invoices")).Headers.Location!.AbsolutePath.ShouldBe("/account/sign-in");

        // A code the provider does not know (used twice, or forged): the token request fails and so does the sign-in.
        var forged = Browser(app);
        var challenge = await forged.GetAsync("/account/sign-in?handler=External&ReturnUrl=%2F");
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(challenge.Headers.Location!.Query);
        var answer = await forged.PostAsync("/signin-oidc", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["code"] = "NOT-ISSUED", ["state"] = query["state"].ToString(),
        }));
        answer.Headers.Location!.OriginalString.ShouldBe("/account/sign-in?failed=provider");
        (await forged.GetStringAsync(answer.Headers.Location)).ShouldContain("Signing in with Microsoft Entra ID did not work");
    }

    private static Task<PsaBridgeApp> StartWithOpenIdConnectAsync(ProviderTokenEndpoint provider) => PsaBridgeApp.StartAsync(a => a
        .WithSetting("PsaBridge:Security:OpenIdConnect:Authority", Issuer)
        .WithSetting("PsaBridge:Security:OpenIdConnect:ClientId", "psabridge-web")
        .WithSetting("PsaBridge:Security:OpenIdConnect:ClientSecret", "not-a-real-secret")
        .WithSetting($"PsaBridge:Security:OpenIdConnect:Roles:{FinanceGroup}", "Finance")
        .WithServices(s => s.Configure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, o =>
        {
            o.Configuration = new OpenIdConnectConfiguration
            {
                Issuer = Issuer, AuthorizationEndpoint = "https://login.test/authorize", TokenEndpoint = "https://login.test/token",
            };
            o.Configuration.SigningKeys.Add(Key);
            o.Backchannel = new HttpClient(provider);
        })));

    /// <summary>A browser on the site's https address (the provider's reply is cross-site, so its cookies are Secure).</summary>
    private static HttpClient Browser(PsaBridgeApp app)
    {
        var browser = app.CreateAnonymousClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        browser.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        return browser;
    }

    /// <summary>Starts at our sign-in page, plays the person signing in at the provider, and posts the provider's answer back.</summary>
    private static async Task<HttpResponseMessage> SignInAtProviderAsync(HttpClient browser, ProviderTokenEndpoint provider, string returnUrl,
        string person, string[] groups)
    {
        var challenge = await browser.GetAsync($"/account/sign-in?handler=External&ReturnUrl={Uri.EscapeDataString(returnUrl)}");
        challenge.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(challenge.Headers.Location!.Query);
        query["response_mode"].ToString().ShouldBe("form_post");
        var code = provider.IssueCode(query["nonce"].ToString(), new Dictionary<string, object>
        {
            ["sub"] = "pairwise-" + person, ["preferred_username"] = person, ["groups"] = groups,
        });
        var callback = await browser.PostAsync(query["redirect_uri"].ToString(), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["code"] = code, ["state"] = query["state"].ToString(),
        }));
        // The verifier we send to the token endpoint is the one whose hash we showed the provider at the start (PKCE).
        var verifier = provider.LastRequest["code_verifier"];
        Base64UrlEncoder.Encode(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(verifier))).ShouldBe(query["code_challenge"].ToString());
        return callback;
    }
}
