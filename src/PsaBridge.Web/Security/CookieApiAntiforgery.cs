using Microsoft.AspNetCore.Antiforgery;

namespace PsaBridge.Web.Security;

/// <summary>
/// A change through the API (<c>/api</c>, <c>/data</c>, <c>/odata</c>) signed in only by the sign-in cookie must carry the
/// antiforgery token in a header, as a form carries it: a browser sends the cookie with a request another page of the same
/// site forges, but only our own pages can read the token. Programs send a bearer token and are not asked.
/// </summary>
public static class CookieApiAntiforgery
{
    private static readonly string[] ApiRoots = ["/api", "/data", "/odata"];

    public static WebApplication UseAntiforgeryOnCookieApiChanges(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            if (!NeedsToken(http.Request, http.User.Identity?.IsAuthenticated == true))
            {
                await next(http);
                return;
            }
            var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
            if (await antiforgery.IsRequestValidAsync(http))
            {
                await next(http);
                return;
            }
            var header = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<AntiforgeryOptions>>().Value.HeaderName;
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails =
                {
                    Status = StatusCodes.Status400BadRequest,
                    Title = "Antiforgery token missing or invalid",
                    Detail = $"A change signed in by the sign-in cookie must send the page's antiforgery token in the {header} header; "
                        + "programs send a personal access token as Authorization: Bearer.",
                },
            });
        });
        return app;
    }

    /// <summary>Whether the request changes something through the API, signed in by the cookie (it sends no Authorization header).</summary>
    public static bool NeedsToken(HttpRequest request, bool authenticated) =>
        authenticated
        && !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method))
        && request.Headers.Authorization.Count == 0
        && ApiRoots.Any(root => request.Path.StartsWithSegments(root, StringComparison.OrdinalIgnoreCase));
}
