using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace PsaBridge.Web.Security;

/// <summary>
/// Signs in a request that carries <c>Authorization: Bearer pbt_…</c> as the token's user, in the token's role only; or
/// <c>Authorization: Basic</c> with the token as the password, as Power BI and Excel send it to the OData feed (they offer
/// Basic, not a bearer header; Azure DevOps' Analytics feed takes its tokens the same way).
/// </summary>
internal sealed class PersonalAccessTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string AuthenticationMethod = "pat";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if ((BearerToken(Request) ?? BasicPassword(Request)) is not { } secret) return AuthenticateResult.NoResult();
        var tokens = Context.RequestServices.GetRequiredService<PersonalAccessTokens>();
        var token = await tokens.FindActiveAsync(secret, Context.RequestAborted);
        if (token is null) return AuthenticateResult.Fail("The token is unknown, expired or revoked.");
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, token.UserId),
            new Claim(ClaimTypes.Name, token.User!.UserName ?? token.UserId),
            new Claim(ClaimTypes.Role, token.Role),
            new Claim(ClaimTypes.AuthenticationMethod, AuthenticationMethod),
        ], Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = IsFeed(Request) || BasicPassword(Request) is not null ? BasicChallenge : "Bearer";
        return Task.CompletedTask;
    }

    /// <summary>Asks the OData feed's clients for a user name and password: Excel and Power BI then prompt for them.</summary>
    public const string BasicChallenge = "Basic realm=\"PsaBridge\"";

    public static bool IsFeed(HttpRequest request) => request.Path.StartsWithSegments("/" + PsaBridge.Web.OData.FeedServices.RoutePrefix);

    /// <summary>The password of <c>Authorization: Basic base64(user:password)</c> (the user name is not looked at), or null.</summary>
    public static string? BasicPassword(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)) return null;
        try
        {
            var pair = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
            return pair.IndexOf(':', StringComparison.Ordinal) is var colon and >= 0 ? pair[(colon + 1)..] : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }
}
