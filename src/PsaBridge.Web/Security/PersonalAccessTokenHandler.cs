using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace PsaBridge.Web.Security;

/// <summary>Signs in a request that carries <c>Authorization: Bearer pbt_…</c> as the token's user, in the token's role only.</summary>
internal sealed class PersonalAccessTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string AuthenticationMethod = "pat";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (BearerToken(Request) is not { } secret) return AuthenticateResult.NoResult();
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
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }

    public static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }
}
