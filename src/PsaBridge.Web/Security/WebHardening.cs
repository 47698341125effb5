using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace PsaBridge.Web.Security;

/// <summary>Settings under <c>PsaBridge:Security</c>: attempts one client may make per fixed window, and proxy trust.</summary>
public sealed class HardeningSettings
{
    public const string Section = "PsaBridge:Security";

    public FixedWindow SignIn { get; set; } = new();
    public FixedWindow JobStart { get; set; } = new() { PermitLimit = 30 };
    /// <summary>Behind a TLS-terminating reverse proxy: take the client address and scheme from X-Forwarded-For/-Proto.</summary>
    public bool TrustForwardedHeaders { get; set; }

    public sealed class FixedWindow
    {
        public int PermitLimit { get; set; } = 10;
        public int WindowSeconds { get; set; } = 60;
    }
}

/// <summary>
/// Answers that tell a browser to run only our own files, never frame us, send no referrer and guess no types;
/// no Server header; a fixed-window rate limit per client on signing in and starting jobs; HTTPS redirection and
/// HSTS when the server listens on https.
/// </summary>
public static class WebHardening
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    public static IServiceCollection AddPsaBridgeHardening(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<HardeningSettings>(configuration.GetSection(HardeningSettings.Section));
        services.Configure<KestrelServerOptions>(o => o.AddServerHeader = false);
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The proxy in front is whatever the operator put there; without this only loopback proxies are believed.
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();
        });
        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(Partition);
            o.OnRejected = RejectAsync;
        });
        return services;
    }

    public static WebApplication UsePsaBridgeHardening(this WebApplication app)
    {
        // Host filtering needs the public host name, which only the operator knows; outside development say so at start.
        if (!app.Environment.IsDevelopment() && AcceptsAnyHost(app.Configuration["AllowedHosts"]))
            app.Logger.LogWarning("AllowedHosts is '{AllowedHosts}': the server answers any Host header. Set AllowedHosts to the "
                + "host names it is reached by, e.g. AllowedHosts=psabridge.contoso.com (see SECURITY.md).", app.Configuration["AllowedHosts"] ?? "(not set)");
        if (app.Services.GetRequiredService<IOptions<HardeningSettings>>().Value.TrustForwardedHeaders) app.UseForwardedHeaders();
        app.Use((http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                headers.Server = default;
                return Task.CompletedTask;
            });
            return next(http);
        });
        if (ListensOnHttps(app.Configuration))
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        app.UseRateLimiter();
        return app;
    }

    /// <summary>Whether the AllowedHosts setting lets any Host header through: not set, empty, or holding <c>*</c>.</summary>
    public static bool AcceptsAnyHost(string? allowedHosts) =>
        string.IsNullOrWhiteSpace(allowedHosts) || allowedHosts.Split(';', StringSplitOptions.TrimEntries).Any(h => h == "*");

    /// <summary>Whether any address the server is configured to listen on is https (urls, ASPNETCORE_URLS, Kestrel endpoints).</summary>
    public static bool ListensOnHttps(IConfiguration configuration) =>
        new[] { configuration["urls"], configuration["ASPNETCORE_URLS"] }
            .Concat(configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]))
            .Any(u => u?.Contains("https://", StringComparison.OrdinalIgnoreCase) == true);

    /// <summary>The limited action a request is ("sign-in", "job-start"), or null for everything else.</summary>
    public static string? LimitedAction(HttpRequest request)
    {
        if (!HttpMethods.IsPost(request.Method)) return null;
        if (request.Path.StartsWithSegments("/account/sign-in", StringComparison.OrdinalIgnoreCase)) return "sign-in";
        if (request.Path.StartsWithSegments("/api/integration/jobs", StringComparison.OrdinalIgnoreCase)
            && request.Path.Value!.EndsWith("/run", StringComparison.OrdinalIgnoreCase)) return "job-start";
        if (request.Path.StartsWithSegments("/integration/sync", StringComparison.OrdinalIgnoreCase)
            && string.Equals(request.Query["handler"], "Run", StringComparison.OrdinalIgnoreCase)) return "job-start";
        return null;
    }

    private static RateLimitPartition<string> Partition(HttpContext http)
    {
        var action = LimitedAction(http.Request);
        if (action is null) return RateLimitPartition.GetNoLimiter("");
        var settings = http.RequestServices.GetRequiredService<IOptionsMonitor<HardeningSettings>>().CurrentValue;
        var window = action == "sign-in" ? settings.SignIn : settings.JobStart;
        var client = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetFixedWindowLimiter($"{action}|{client}", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, window.PermitLimit),
            Window = TimeSpan.FromSeconds(Math.Max(1, window.WindowSeconds)),
            QueueLimit = 0,
        });
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(60);
        var seconds = (int)Math.Ceiling(Math.Max(1, retryAfter.TotalSeconds));
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = $"Too many attempts from this client; try again in {seconds} seconds.",
            },
        });
    }
}
