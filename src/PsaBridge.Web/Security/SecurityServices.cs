using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using PsaBridge.Finance;

namespace PsaBridge.Web.Security;

/// <summary>
/// Sign-in and access: local accounts (ASP.NET Core Identity in the finance database), the sign-in cookie for
/// people, personal access tokens for programs, and one authorization policy per kind of work.
/// </summary>
public static class SecurityServices
{
    /// <summary>Picks the scheme from the request: a bearer token if one is sent, else the sign-in cookie.</summary>
    public const string DefaultScheme = "PsaBridge";

    public static IServiceCollection AddPsaBridgeSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        // AddFinance registered Identity's user store with its rules; the web adds signing in.
        new IdentityBuilder(typeof(IdentityUser), typeof(IdentityRole), services).AddSignInManager().AddDefaultTokenProviders();
        services.AddScoped<PersonalAccessTokens>();
        services.AddScoped<WorkScope>();
        services.AddHttpContextAccessor();
        services.AddScoped<PsaBridge.Finance.Audit.IAuditActor, HttpAuditActor>();

        // A bearer token of ours starts pbt_; any other is the identity provider's JWT, when JWT bearer is configured.
        var providerTokens = SingleSignOn.Jwt(configuration).Enabled;
        var auth = services.AddAuthentication(DefaultScheme)
            .AddPolicyScheme(DefaultScheme, "Cookie or bearer token", o => o.ForwardDefaultSelector = http =>
                PersonalAccessTokenHandler.BasicPassword(http.Request) is not null ? PersonalAccessTokens.Scheme
                : PersonalAccessTokenHandler.BearerToken(http.Request) is not { } bearer ? IdentityConstants.ApplicationScheme
                : providerTokens && !bearer.StartsWith(PersonalAccessTokens.TokenPrefix, StringComparison.Ordinal) ? SingleSignOn.JwtScheme
                : PersonalAccessTokens.Scheme)
            .AddScheme<AuthenticationSchemeOptions, PersonalAccessTokenHandler>(PersonalAccessTokens.Scheme, null);
        auth.AddIdentityCookies();
        auth.AddSingleSignOn(configuration);
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "PsaBridge.SignIn";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/account/sign-in";
            o.LogoutPath = "/account/sign-out";
            o.AccessDeniedPath = "/account/access-denied";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = c => AnswerOrRedirect(c, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = c => AnswerOrRedirect(c, StatusCodes.Status403Forbidden);
            // A person signed in by the identity provider has no local account whose security stamp could be checked.
            o.Events.OnValidatePrincipal = c => c.Principal?.HasClaim(System.Security.Claims.ClaimTypes.AuthenticationMethod, SingleSignOn.OidcMethod) == true
                ? Task.CompletedTask : SecurityStampValidator.ValidatePrincipalAsync(c);
        });

        // A role changed or a user removed on the users page reaches their open sessions within this interval.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Read, p => p.RequireRole(Policies.RolesOf[Policies.Read]))
            .AddPolicy(Policies.Administer, p => p.RequireRole(Policies.RolesOf[Policies.Administer]))
            .AddPolicy(Policies.OperateIntegration, p => p.RequireRole(Policies.RolesOf[Policies.OperateIntegration]))
            .AddPolicy(Policies.ManageFinance, p => p.RequireRole(Policies.RolesOf[Policies.ManageFinance]))
            .AddPolicy(Policies.ManageProjects, p => p.RequireRole(Policies.RolesOf[Policies.ManageProjects]))
            .AddPolicy(Policies.EnterTime, p => p.RequireRole(Policies.RolesOf[Policies.EnterTime]))
            // An endpoint that forgot its policy is still closed to anonymous callers (and the endpoint test names it).
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o =>
        {
            o.Filters.Add<HandlerPolicyFilter>();
            o.Filters.Add<PsaBridge.Web.Infrastructure.Auditing.AuditedPages>();
        });
        services.AddDataProtection().SetApplicationName("PsaBridge").PersistKeysToDbContext<FinanceDb>();
        return services;
    }

    /// <summary>A program (the API, a script's fetch) gets the status code; a person's browser goes to the page.</summary>
    private static Task AnswerOrRedirect(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (IsApiRequest(context.Request))
        {
            context.Response.StatusCode = status;
            if (status == StatusCodes.Status401Unauthorized && PersonalAccessTokenHandler.IsFeed(context.Request))
                context.Response.Headers.WWWAuthenticate = PersonalAccessTokenHandler.BasicChallenge;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    public static bool IsApiRequest(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/openapi") || request.Path.StartsWithSegments("/odata")
        || !request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
}
