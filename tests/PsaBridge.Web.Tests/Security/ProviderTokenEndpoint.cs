using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace PsaBridge.Web.Tests.Security;

/// <summary>
/// The identity provider's token endpoint, answered in the process: it takes the code it issued for one person and
/// returns that person's signed ID token, as Entra ID does, and keeps the request so a test can check what we sent.
/// </summary>
public sealed class ProviderTokenEndpoint(string issuer, string clientId, SecurityKey key) : HttpMessageHandler
{
    private readonly Dictionary<string, (string Nonce, Dictionary<string, object> Claims)> _codes = [];

    public Dictionary<string, string> LastRequest { get; private set; } = [];

    /// <summary>What the provider does when the person has signed in at its authorize endpoint: a one-time code.</summary>
    public string IssueCode(string nonce, Dictionary<string, object> claims)
    {
        var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        _codes[code] = (nonce, claims);
        return code;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var form = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(await request.Content!.ReadAsStringAsync(ct));
        LastRequest = form.ToDictionary(p => p.Key, p => p.Value.ToString());
        if (!_codes.Remove(LastRequest.GetValueOrDefault("code") ?? "", out var issued))
            return new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = new StringContent("{\"error\":\"invalid_grant\"}", Encoding.UTF8, "application/json") };

        var accessToken = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        var claims = new Dictionary<string, object>(issued.Claims) { ["nonce"] = issued.Nonce, ["at_hash"] = AtHash(accessToken) };
        var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer, Audience = clientId, Expires = DateTime.UtcNow.AddMinutes(10), Claims = claims,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
        var body = $"{{\"token_type\":\"Bearer\",\"expires_in\":3600,\"access_token\":\"{accessToken}\",\"id_token\":\"{idToken}\"}}";
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
    }

    /// <summary>OpenID Connect Core 3.1.3.6: the left half of the access token's SHA-256, base64url.</summary>
    private static string AtHash(string accessToken) =>
        Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(accessToken))[..16]);
}
