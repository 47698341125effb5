namespace PsaBridge.Web.Pages.Shared;

/// <summary>
/// An error status without a body (an unknown route, a refused method) answers a styled page for a browser, and the
/// ProblemDetails it always did for a program (the JSON API, the feed, a request that does not ask for HTML).
/// </summary>
public static class StatusCodePages
{
    public const string Path = "/status";

    /// <summary>Routing is placed after it, so a re-executed request finds the status page's endpoint (routing placed first
    /// by the host would have chosen the endpoint, none, before the re-execution).</summary>
    public static IApplicationBuilder UseStatusCodePagesForBrowsersAndProblemDetailsForPrograms(this IApplicationBuilder app) =>
        app.UseWhen(ForBrowser, b => b.UseStatusCodePagesWithReExecute(Path + "/{0}"))
           .UseWhen(c => !ForBrowser(c), b => b.UseStatusCodePages())
           .UseRouting();

    private static bool ForBrowser(HttpContext context)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/api") || path.StartsWithSegments("/odata") || path.StartsWithSegments("/openapi") || path.StartsWithSegments("/health"))
            return false;
        return context.Request.Headers.Accept.Any(a => a is not null && a.Contains("text/html", StringComparison.OrdinalIgnoreCase));
    }
}
