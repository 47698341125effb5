using System.Net;
using System.Net.Sockets;
using Npgsql;
using PsaBridge.Infrastructure.Storage;
using PsaBridge.Testing;

namespace PsaBridge.Web.Tests.Api;

/// <summary>
/// Issue 21, fault 8: while PostgreSQL is out of reach, API reads answer 503 ProblemDetails with Retry-After, not 500,
/// and the health probe answers 503 with Retry-After too.
/// The app reaches this test's PostgreSQL through a TCP relay the test closes, so the shared server keeps running.
/// </summary>
public sealed class DatabaseDownTests
{
    [Fact]
    public async Task While_postgresql_cannot_be_reached_api_reads_and_health_answer_503_with_retry_after()
    {
        var real = new NpgsqlConnectionStringBuilder(TestDatabases.PostgresServer);
        await using var relay = TcpRelay.Start(real.Host!, real.Port);
        await using var app = await PsaBridgeApp.StartAsync(a =>
        {
            foreach (var (key, value) in a.Databases.Settings())
                a.WithSetting(key, new NpgsqlConnectionStringBuilder(value) { Port = relay.Port, Pooling = false }.ConnectionString);
        }, DatabaseEngine.PostgreSql);
        var client = app.CreateClient();
        (await client.GetAsync("/api/psa/accounts")).StatusCode.ShouldBe(HttpStatusCode.OK);

        relay.Stop();

        foreach (var path in new[] { "/api/psa/accounts", "/api/finance/customers", "/api/integration/log" })
        {
            var response = await client.GetAsync(path);
            response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable, path);
            response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
            response.Headers.RetryAfter?.Delta.ShouldBe(TimeSpan.FromSeconds(10));
            var problem = await response.JsonAsync();
            (problem.GetProperty("status").GetInt32(), problem.GetProperty("title").GetString()).ShouldBe((503, "Database unavailable"));
        }

        // The health probe, asked as a load balancer asks (signed out), says which database is down, with the same Retry-After.
        var health = await app.CreateAnonymousClient().GetAsync("/health");
        health.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable, await health.Content.ReadAsStringAsync());
        health.Headers.RetryAfter?.Delta.ShouldBe(TimeSpan.FromSeconds(10));
        var body = await health.JsonAsync();
        body.GetProperty("status").GetString().ShouldBe("Unhealthy");
        body.GetProperty("psa").GetString()!.ShouldStartWith("Unhealthy: ");
        body.GetProperty("finance").GetString()!.ShouldStartWith("Unhealthy: ");
    }

    /// <summary>Relays TCP connections from a loopback port to the server until stopped; stopping drops every open connection.</summary>
    private sealed class TcpRelay : IAsyncDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly List<TcpClient> _open = [];
        private readonly CancellationTokenSource _stop = new();

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public static TcpRelay Start(string host, int port)
        {
            var relay = new TcpRelay();
            relay._listener.Start();
            _ = relay.AcceptAsync(host, port);
            return relay;
        }

        private async Task AcceptAsync(string host, int port)
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient inbound;
                try { inbound = await _listener.AcceptTcpClientAsync(_stop.Token); }
                catch (Exception) { return; }
                var outbound = new TcpClient();
                await outbound.ConnectAsync(host, port);
                lock (_open) _open.AddRange([inbound, outbound]);
                _ = Pump(inbound, outbound);
                _ = Pump(outbound, inbound);
            }
        }

        private async Task Pump(TcpClient from, TcpClient to)
        {
            try { await from.GetStream().CopyToAsync(to.GetStream(), _stop.Token); }
            catch (Exception) { /* the relay stopped or a side closed */ }
            finally { from.Close(); to.Close(); }
        }

        public void Stop()
        {
            _stop.Cancel();
            _listener.Stop();
            lock (_open) foreach (var client in _open) client.Close();
        }

        public ValueTask DisposeAsync()
        {
            Stop();
            _stop.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
