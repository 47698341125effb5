using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace PsaBridge.Testing;

/// <summary>The requests a host received (method, path and query, Authorization header, answer status), for assertions.</summary>
public sealed class RequestLog : IStartupFilter
{
    public sealed record Entry(string Method, string Url, string? Authorization, int Status);

    public ConcurrentQueue<Entry> Entries { get; } = new();

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (HttpContext http, RequestDelegate inner) =>
        {
            await inner(http);
            Entries.Enqueue(new Entry(http.Request.Method, http.Request.Path + http.Request.QueryString, http.Request.Headers.Authorization.ToString() is { Length: > 0 } a ? a : null,
                http.Response.StatusCode));
        });
        next(app);
    };
}

public static class RequestLogs
{
    public static PsaBridgeApp WithRequestLog(this PsaBridgeApp app, RequestLog log) => app.WithServices(s => s.AddSingleton<IStartupFilter>(log));
}
