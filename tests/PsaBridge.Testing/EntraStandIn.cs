using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;

namespace PsaBridge.Testing;

/// <summary>
/// Microsoft Entra ID's token endpoint for tests, as MSAL's client-credentials flow calls it: instance discovery, then
/// <c>POST {tenant}/oauth2/v2.0/token</c> with the client id, secret and scope. A registered client with the right secret
/// gets its access token; anything else gets Entra's <c>invalid_client</c>. Every token request is kept for assertions.
/// </summary>
public sealed class EntraStandIn : HttpMessageHandler
{
    private readonly ConcurrentDictionary<string, (string Secret, Func<Task<string>> Token)> _clients = new();

    public ConcurrentQueue<Dictionary<string, string>> TokenRequests { get; } = new();

    /// <summary>A client and the access token it gets: one the environment accepts (a PsaBridge host's personal access token), asked for when first needed.</summary>
    public EntraStandIn Register(string clientId, string secret, Func<Task<string>> accessToken)
    {
        _clients[clientId] = (secret, accessToken);
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var path = request.RequestUri!.AbsolutePath;
        if (path.EndsWith("/discovery/instance", StringComparison.Ordinal))
            return Json(HttpStatusCode.OK, new Dictionary<string, object>
            {
                ["tenant_discovery_endpoint"] = $"https://{request.RequestUri.Host}/common/v2.0/.well-known/openid-configuration",
                ["api-version"] = "1.1",
                ["metadata"] = new[] { new { preferred_network = request.RequestUri.Host, preferred_cache = request.RequestUri.Host, aliases = new[] { request.RequestUri.Host } } },
            });
        if (request.Method == HttpMethod.Post && path.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal))
        {
            var form = (await request.Content!.ReadAsStringAsync(ct)).Split('&').Select(p => p.Split('=', 2))
                .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p.Length > 1 ? p[1].Replace('+', ' ') : ""));
            form["tenant"] = path.Split('/', StringSplitOptions.RemoveEmptyEntries)[0];
            TokenRequests.Enqueue(form);
            if (!_clients.TryGetValue(form.GetValueOrDefault("client_id") ?? "", out var client) || client.Secret != form.GetValueOrDefault("client_secret"))
                return Json(HttpStatusCode.Unauthorized, new Dictionary<string, object>
                {
                    ["error"] = "invalid_client",
                    ["error_description"] = "AADSTS7000215: Invalid client secret provided.",
                });
            return Json(HttpStatusCode.OK, new Dictionary<string, object>
            {
                ["token_type"] = "Bearer", ["expires_in"] = 3599, ["ext_expires_in"] = 3599, ["access_token"] = await client.Token(),
            });
        }
        return new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent($"The Entra stand-in has no {request.Method} {path}.") };
    }

    private static HttpResponseMessage Json(HttpStatusCode status, object body) =>
        new(status) { Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json") };

    /// <summary>Kept for the whole test: the HttpClient factory disposes the handlers it rotates.</summary>
    protected override void Dispose(bool disposing) { }
}
