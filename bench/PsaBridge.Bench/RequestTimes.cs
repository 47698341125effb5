using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace PsaBridge.Bench;

/// <summary>The time a host spent answering requests, summed by kind (method and entity set), to show where a run's time goes.</summary>
public sealed class RequestTimes : IStartupFilter
{
    private readonly ConcurrentDictionary<string, (int Count, double Seconds)> _byKind = new();

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (HttpContext http, RequestDelegate inner) =>
        {
            var start = Stopwatch.GetTimestamp();
            await inner(http);
            var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            var path = http.Request.Path.Value ?? "";
            var kind = $"{http.Request.Method} {path[..(path.IndexOf('(') is var k and >= 0 ? k : path.Length)]}";
            _byKind.AddOrUpdate(kind, (1, seconds), (_, t) => (t.Count + 1, t.Seconds + seconds));
        });
        next(app);
    };

    public IEnumerable<string> Lines() => _byKind.OrderByDescending(k => k.Value.Seconds)
        .Select(k => $"  {k.Key}: {k.Value.Count} requests, {k.Value.Seconds:F1} s, {k.Value.Seconds / k.Value.Count * 1000:F0} ms each");
}
