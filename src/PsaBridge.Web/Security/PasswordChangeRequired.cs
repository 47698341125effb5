using PsaBridge.Finance.Identity;

namespace PsaBridge.Web.Security;

/// <summary>
/// A person signed in with a one-time password (printed by <c>psabridge users add</c>) may do nothing but choose their own:
/// a browser is sent to the change-password page, a program gets 403 ProblemDetails saying so.
/// </summary>
public static class PasswordChangeRequired
{
    public const string Page = "/account/change-password";

    public static bool Applies(System.Security.Claims.ClaimsPrincipal user) => user.HasClaim(UserAccounts.MustChangePasswordClaim, "true");

    public static IApplicationBuilder UsePasswordChangeWhenRequired(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var path = http.Request.Path;
        if (!Applies(http.User) || path.StartsWithSegments(Page) || path.StartsWithSegments("/account/sign-out") || path.StartsWithSegments("/health"))
        {
            await next(http);
            return;
        }
        if (!SecurityServices.IsApiRequest(http.Request))
        {
            http.Response.Redirect($"{Page}?returnUrl={Uri.EscapeDataString(path + http.Request.QueryString)}");
            return;
        }
        http.Response.StatusCode = StatusCodes.Status403Forbidden;
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "Password change required",
                Detail = $"You signed in with a one-time password: choose your own at {Page} first.",
            },
        });
    });
}
