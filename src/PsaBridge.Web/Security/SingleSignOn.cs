using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;

namespace PsaBridge.Web.Security;

/// <summary>
/// Settings under <c>PsaBridge:Security:OpenIdConnect</c> (people) and <c>PsaBridge:Security:JwtBearer</c> (programs),
/// for one OpenID Connect provider, Microsoft Entra ID first. Each is off until its settings are given.
/// </summary>
public sealed class SingleSignOnSettings
{
    public const string Section = "PsaBridge:Security:OpenIdConnect";
    public const string JwtSection = "PsaBridge:Security:JwtBearer";

    /// <summary>e.g. <c>https://login.microsoftonline.com/{tenant id}/v2.0</c>.</summary>
    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    public string CallbackPath { get; set; } = "/signin-oidc";
    public string DisplayName { get; set; } = "Microsoft Entra ID";
    /// <summary>The token's claims that carry groups or app roles.</summary>
    public string[] RoleClaimTypes { get; set; } = ProviderRoles.DefaultRoleClaimTypes;
    /// <summary>A group's object id or an app role's value → one of our roles (e.g. <c>"PsaBridge.Finance": "Finance"</c>).</summary>
    public Dictionary<string, string> Roles { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);
}

/// <summary>JWT bearer tokens from the same provider, for programs: the API they were issued for and who issues them.</summary>
public sealed class JwtBearerSettings
{
    /// <summary>Where the provider's signing keys are read; the OpenID Connect authority when not given.</summary>
    public string? Authority { get; set; }
    /// <summary>The issuer tokens must name, when it is not the authority's (Entra v1 tokens: <c>https://sts.windows.net/{tenant}/</c>).</summary>
    public string? Issuer { get; set; }
    /// <summary>The API's application id URI or client id, e.g. <c>api://psabridge</c>.</summary>
    public string? Audience { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(Audience);
}

public static class SingleSignOn
{
    public const string Scheme = OpenIdConnectDefaults.AuthenticationScheme;
    public const string JwtScheme = JwtBearerDefaults.AuthenticationScheme;
    public const string OidcMethod = "oidc", JwtMethod = "jwt";
    public const string NoRoleMessage = "The identity provider gave this person no group or app role that maps to a PsaBridge role.";

    /// <summary>The sign-in page's query value for each way single sign-on can fail, so it can say which in its own words.</summary>
    public const string FailedNoRole = "no-role", FailedOther = "provider";

    public static SingleSignOnSettings Settings(IConfiguration configuration) =>
        configuration.GetSection(SingleSignOnSettings.Section).Get<SingleSignOnSettings>() ?? new();

    public static JwtBearerSettings Jwt(IConfiguration configuration) =>
        configuration.GetSection(SingleSignOnSettings.JwtSection).Get<JwtBearerSettings>() ?? new();

    /// <summary>Adds OpenID Connect sign-in and JWT bearer validation when configured; the role map is shared by both.</summary>
    public static AuthenticationBuilder AddSingleSignOn(this AuthenticationBuilder auth, IConfiguration configuration)
    {
        var settings = Settings(configuration);
        var jwt = Jwt(configuration);
        if (settings.Enabled)
            auth.AddOpenIdConnect(Scheme, settings.DisplayName, o =>
            {
                o.Authority = settings.Authority;
                o.ClientId = settings.ClientId;
                o.ClientSecret = settings.ClientSecret;
                o.CallbackPath = settings.CallbackPath;
                o.ResponseType = "code";
                o.UsePkce = true;
                o.MapInboundClaims = false;
                o.SignInScheme = IdentityConstants.ApplicationScheme;
                o.Scope.Clear();
                foreach (var scope in new[] { "openid", "profile", "email" }) o.Scope.Add(scope);
                o.Events.OnTokenValidated = context =>
                {
                    context.Principal = ProviderRoles.Principal(context.Principal!, OidcMethod, settings.RoleClaimTypes, settings.Roles);
                    if (!context.Principal.Claims.Any(c => c.Type == System.Security.Claims.ClaimTypes.Role))
                        context.Fail(NoRoleMessage);
                    return Task.CompletedTask;
                };
                // Without this a refused or expired sign-in would end on the error page as an unhandled exception.
                o.Events.OnRemoteFailure = context =>
                {
                    context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SingleSignOn))
                        .LogWarning(context.Failure, "Single sign-on failed: {Reason}", context.Failure?.Message);
                    var failed = context.Failure?.Message == NoRoleMessage ? FailedNoRole : FailedOther;
                    context.Response.Redirect($"{context.Request.PathBase}/account/sign-in?failed={failed}");
                    context.HandleResponse();
                    return Task.CompletedTask;
                };
            });
        if (jwt.Enabled)
            auth.AddJwtBearer(JwtScheme, o =>
            {
                o.Authority = jwt.Authority ?? settings.Authority;
                o.Audience = jwt.Audience;
                o.MapInboundClaims = false;
                o.TokenValidationParameters.ValidAudience = jwt.Audience;
                if (!string.IsNullOrWhiteSpace(jwt.Issuer)) o.TokenValidationParameters.ValidIssuer = jwt.Issuer;
                o.Events = new JwtBearerEvents
                {
                    OnTokenValidated = context =>
                    {
                        context.Principal = ProviderRoles.Principal(context.Principal!, JwtMethod, settings.RoleClaimTypes, settings.Roles);
                        if (!context.Principal.Claims.Any(c => c.Type == System.Security.Claims.ClaimTypes.Role))
                            context.Fail("The token carries no group or app role that maps to a PsaBridge role.");
                        return Task.CompletedTask;
                    },
                };
            });
        return auth;
    }
}
