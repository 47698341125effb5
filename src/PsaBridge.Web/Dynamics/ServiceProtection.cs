namespace PsaBridge.Web.Dynamics;

/// <summary>Service protection limits of one compatible endpoint (Dataverse's defaults are 6,000 requests a 300 s window).</summary>
public sealed class ServiceProtectionOptions
{
    /// <summary>Requests a caller may send within <see cref="WindowSeconds"/>; 0 turns the limit off (the default).</summary>
    public int RequestsPerWindow { get; set; }
    public int WindowSeconds { get; set; } = 300;
    /// <summary>Requests a caller may have running at once; 0 turns the limit off.</summary>
    public int ConcurrentRequests { get; set; }
}

/// <summary>Why a request is refused with 429, and for how long.</summary>
public sealed record Throttled(int RetryAfterSeconds, string Code, string Message);

/// <summary>
/// The service protection of a compatible endpoint: a sliding window of requests per caller, a limit of concurrent
/// requests, and a switch that refuses the next requests (tests and benchmarks use it to make the clients wait).
/// Like Dataverse's and F&amp;O's, the limits are counted per caller (its bearer token) and answered with 429 and
/// <c>Retry-After</c> in seconds.
/// </summary>
public sealed class ServiceProtection(ServiceProtectionOptions options, TimeProvider clock)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<DateTimeOffset>> _windows = new();
    private readonly Dictionary<string, int> _running = new();
    private int _refuseNext;
    private int _refuseRetryAfter;

    /// <summary>Refused requests so far, counted for the benchmark's report.</summary>
    public int RefusedCount { get; private set; }

    /// <summary>The next <paramref name="count"/> requests are answered 429 with <c>Retry-After: retryAfterSeconds</c>.</summary>
    public void RefuseNext(int count, int retryAfterSeconds)
    {
        lock (_gate) (_refuseNext, _refuseRetryAfter) = (count, retryAfterSeconds);
    }

    /// <summary>Admits a request of <paramref name="caller"/>, or says why it is refused. An admitted request must be <see cref="Leave"/>d.</summary>
    public Throttled? Enter(string caller)
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            if (_refuseNext > 0)
            {
                _refuseNext--;
                RefusedCount++;
                return new Throttled(_refuseRetryAfter, "0x80072322", "Number of requests exceeded the limit (refused on request).");
            }
            var window = TimeSpan.FromSeconds(options.WindowSeconds);
            if (options.RequestsPerWindow > 0)
            {
                if (!_windows.TryGetValue(caller, out var sent)) _windows[caller] = sent = new Queue<DateTimeOffset>();
                while (sent.Count > 0 && sent.Peek() <= now - window) sent.Dequeue();
                if (sent.Count >= options.RequestsPerWindow)
                {
                    RefusedCount++;
                    var wait = sent.Peek() + window - now;
                    return new Throttled(Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)), "0x80072322",
                        $"Number of requests exceeded the limit of {options.RequestsPerWindow} over time window of {options.WindowSeconds} seconds.");
                }
                sent.Enqueue(now);
            }
            var running = _running.GetValueOrDefault(caller);
            if (options.ConcurrentRequests > 0 && running >= options.ConcurrentRequests)
            {
                RefusedCount++;
                return new Throttled(1, "0x80072326", $"Number of concurrent requests exceeded the limit of {options.ConcurrentRequests}.");
            }
            _running[caller] = running + 1;
            return null;
        }
    }

    public void Leave(string caller)
    {
        lock (_gate)
        {
            if (_running.TryGetValue(caller, out var n)) _running[caller] = n - 1;
        }
    }

    /// <summary>The caller a request is counted for: its bearer token, or its remote address when it has none.</summary>
    public static string CallerOf(HttpContext http) =>
        http.Request.Headers.Authorization.ToString() is { Length: > 0 } auth ? auth : http.Connection.RemoteIpAddress?.ToString() ?? "";
}
