using System.Security.Cryptography.X509Certificates;
using Microsoft.Identity.Client;

namespace PsaBridge.Integration.Dynamics;

/// <summary>
/// How PsaBridge signs in to a Dynamics 365 environment as an application (client credentials): the environment's URL,
/// the Entra tenant and client id, and a client secret or a certificate. Taken from configuration or environment
/// variables; <see cref="ToString"/> and every message name the client, never the secret.
/// </summary>
public class ConnectionCredentials
{
    /// <summary>The environment, e.g. <c>https://contoso.crm.dynamics.com</c> or <c>https://contoso.operations.dynamics.com</c>.</summary>
    public string? EnvironmentUrl { get; set; }
    public string? TenantId { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    /// <summary>A PKCS#12 file (.pfx) with the certificate and its private key, used when no secret is given.</summary>
    public string? CertificatePath { get; set; }
    public string? CertificatePassword { get; set; }
    /// <summary>The Entra sign-in host (another cloud's, for a sovereign cloud).</summary>
    public string Authority { get; set; } = "https://login.microsoftonline.com/";

    /// <summary>The token's scope: the environment URL without a trailing slash, then <c>/.default</c>.</summary>
    public string Scope => EnvironmentUrl!.TrimEnd('/') + "/.default";

    /// <summary>What is missing, in a sentence per setting (empty when the credentials are complete).</summary>
    public IEnumerable<string> Problems(string section)
    {
        if (!Uri.TryCreate(EnvironmentUrl, UriKind.Absolute, out _)) yield return $"{section}:EnvironmentUrl is not set to the environment's URL.";
        if (string.IsNullOrWhiteSpace(TenantId)) yield return $"{section}:TenantId is not set to the Entra tenant (its id or domain).";
        if (string.IsNullOrWhiteSpace(ClientId)) yield return $"{section}:ClientId is not set to the app registration's client id.";
        if (string.IsNullOrWhiteSpace(ClientSecret) && string.IsNullOrWhiteSpace(CertificatePath))
            yield return $"{section}:ClientSecret or {section}:CertificatePath is not set.";
    }

    public override string ToString() => $"client {ClientId} of tenant {TenantId} at {EnvironmentUrl}";
}

/// <summary>An access token for one environment, renewed before it expires.</summary>
public interface IAccessTokenSource
{
    Task<string> GetTokenAsync(CancellationToken ct);
}

/// <summary>
/// Tokens from Microsoft Entra ID through MSAL's client-credentials flow, cached and renewed by MSAL. Its HTTP calls go
/// through <paramref name="http"/> (the host's HttpClient factory), never with PII logging on.
/// </summary>
public sealed class MsalAccessTokens(ConnectionCredentials credentials, IMsalHttpClientFactory http) : IAccessTokenSource
{
    private readonly Lazy<IConfidentialClientApplication> _app = new(() =>
    {
        var builder = ConfidentialClientApplicationBuilder.Create(credentials.ClientId)
            .WithAuthority(credentials.Authority.TrimEnd('/') + "/" + credentials.TenantId)
            .WithHttpClientFactory(http);
        builder = !string.IsNullOrWhiteSpace(credentials.ClientSecret)
            ? builder.WithClientSecret(credentials.ClientSecret)
            : builder.WithCertificate(X509CertificateLoader.LoadPkcs12FromFile(credentials.CertificatePath!, credentials.CertificatePassword));
        return builder.Build();
    });

    public async Task<string> GetTokenAsync(CancellationToken ct)
    {
        try
        {
            var result = await _app.Value.AcquireTokenForClient([credentials.Scope]).ExecuteAsync(ct);
            return result.AccessToken;
        }
        catch (MsalException e)
        {
            // MSAL's message names the tenant, client and error code; it never carries the secret.
            throw new DynamicsException($"No access token for {credentials}: {e.Message}", e);
        }
    }
}

/// <summary>MSAL's HTTP calls through the host's HttpClient factory (a named client, which tests can point elsewhere).</summary>
public sealed class MsalHttpClients(IHttpClientFactory factory) : IMsalHttpClientFactory
{
    public const string Name = "PsaBridge.Msal";
    public HttpClient GetHttpClient() => factory.CreateClient(Name);
}

/// <summary>A Dynamics environment refused or failed a call; the message says what it answered, in a sentence.</summary>
public class DynamicsException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Adds the environment's bearer token to every request (each attempt asks, so a renewed token is used on a retry).</summary>
public sealed class BearerTokenHandler(IAccessTokenSource tokens) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await tokens.GetTokenAsync(ct));
        return await base.SendAsync(request, ct);
    }
}
