using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace PsaBridge.Integration.Dynamics;

/// <summary>What a connection waited for its environment's service protection: each 429 and the Retry-After it honoured.</summary>
public sealed class ThrottleMeter
{
    private long _refusals, _waitedTicks, _requests;

    public long Refusals => Interlocked.Read(ref _refusals);
    public long Requests => Interlocked.Read(ref _requests);
    public TimeSpan Waited => TimeSpan.FromTicks(Interlocked.Read(ref _waitedTicks));

    public void Sent() => Interlocked.Increment(ref _requests);

    public void Refused(TimeSpan wait)
    {
        Interlocked.Increment(ref _refusals);
        Interlocked.Add(ref _waitedTicks, wait.Ticks);
    }
}

/// <summary>
/// The HTTP client of a Dynamics connection: no affinity cookie (Microsoft's advice, so requests spread over the
/// environment's web servers), at most <c>maxConcurrent</c> requests at once, a 429 retried after its <c>Retry-After</c>
/// whatever the method (the service did nothing), a transient fault (5xx, timeout, lost connection) retried with
/// exponential backoff only for reads, and a fresh bearer token on every attempt. A write that failed in transit is not
/// resent blindly: the customer target finds out what it did by the PSA key it carried (see FinanceAndOperationsTarget).
/// </summary>
public static class DynamicsHttp
{
    public static IHttpClientBuilder AddDynamicsClient(this IServiceCollection services, string name, int maxConcurrent, int maxRetries,
        Func<IServiceProvider, IAccessTokenSource> tokens, Func<IServiceProvider, ThrottleMeter> meter)
    {
        var client = services.AddHttpClient(name, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { UseCookies = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        client.AddResilienceHandler(name, (pipeline, context) =>
            {
                var counted = meter(context.ServiceProvider);
                pipeline.AddConcurrencyLimiter(Math.Max(1, maxConcurrent), int.MaxValue);
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = maxRetries,
                    BackoffType = DelayBackoffType.Exponential,
                    Delay = TimeSpan.FromSeconds(1),
                    // Dataverse's window is 300 s: a Retry-After can be that long.
                    MaxDelay = TimeSpan.FromMinutes(10),
                    ShouldRetryAfterHeader = true,
                    ShouldHandle = args => ValueTask.FromResult(
                        args.Outcome.Result?.StatusCode == HttpStatusCode.TooManyRequests
                        || (IsRead(args.Context.GetRequestMessage()) && HttpClientResiliencePredicates.IsTransient(args.Outcome))),
                    OnRetry = args =>
                    {
                        if (args.Outcome.Result?.StatusCode == HttpStatusCode.TooManyRequests) counted.Refused(args.RetryDelay);
                        return ValueTask.CompletedTask;
                    },
                });
                pipeline.AddTimeout(TimeSpan.FromSeconds(120));
            });
        // Inside the retries: every attempt is counted and carries a current token.
        return client.AddHttpMessageHandler(sp => new CountingHandler(meter(sp))).AddHttpMessageHandler(sp => new BearerTokenHandler(tokens(sp)));
    }

    private static bool IsRead(HttpRequestMessage? request) => request?.Method == HttpMethod.Get;

    private sealed class CountingHandler(ThrottleMeter meter) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            meter.Sent();
            return base.SendAsync(request, ct);
        }
    }
}
