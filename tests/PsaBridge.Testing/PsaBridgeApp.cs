using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PsaBridge.Infrastructure.Storage;
using PsaBridge.Web.Security;

namespace PsaBridge.Testing;

/// <summary>
/// The real web host over fresh real databases (see <see cref="TestDatabases"/>), with the batch
/// schedule off so only the test starts runs. Create one per test that needs a clean slate.
/// <see cref="CreateClient()"/> calls the API as an Administrator (a personal access token);
/// <see cref="CreateClientAsync(string)"/> as another role, <see cref="CreateAnonymousClient"/> as nobody.
/// </summary>
public sealed class PsaBridgeApp : WebApplicationFactory<Program>
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private readonly List<Action<IServiceCollection>> _services = [];
    private readonly Dictionary<string, string?> _settings = new();
    private readonly Dictionary<string, TestUser> _users = new();
    private readonly SemaphoreSlim _usersLock = new(1, 1);

    private PsaBridgeApp(TestDatabasePair databases) => Databases = databases;

    public TestDatabasePair Databases { get; }

    /// <summary>An app on a new pair of databases: on the run's engine, or on <paramref name="engine"/> when given.</summary>
    public static async Task<PsaBridgeApp> StartAsync(Action<PsaBridgeApp>? configure = null, DatabaseEngine? engine = null)
    {
        var app = new PsaBridgeApp(await TestDatabases.CreateAsync(engine ?? TestDatabases.Engine));
        configure?.Invoke(app);
        await app.UserAsync(Roles.Administrator);
        _ = app.Server; // build the host now, so start-up errors surface here
        return app;
    }

    /// <summary>The app's user of this role (made on first use), to sign in with or to call the API as.</summary>
    public async Task<TestUser> UserAsync(string role)
    {
        await _usersLock.WaitAsync();
        try
        {
            if (!_users.TryGetValue(role, out var user)) _users[role] = user = await TestUsers.CreateAsync(Databases, role);
            return user;
        }
        finally
        {
            _usersLock.Release();
        }
    }

    /// <summary>A second server over this app's databases, with its settings, services and users, as another node of a cluster.</summary>
    public PsaBridgeApp AnotherNode()
    {
        var node = new PsaBridgeApp(Databases);
        node._services.AddRange(_services);
        foreach (var (key, value) in _settings) node._settings[key] = value;
        foreach (var (role, user) in _users) node._users[role] = user;
        return node;
    }

    /// <summary>A client that calls as a user of the given role (<see cref="Roles"/>).</summary>
    public async Task<HttpClient> CreateClientAsync(string role)
    {
        var token = (await UserAsync(role)).Token;
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A client that sends no credentials at all.</summary>
    public HttpClient CreateAnonymousClient(WebApplicationFactoryClientOptions? options = null)
    {
        var client = options is null ? CreateClient() : CreateClient(options);
        client.DefaultRequestHeaders.Authorization = null;
        return client;
    }

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        if (_users.TryGetValue(Roles.Administrator, out var admin))
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", admin.Token);
    }

    public PsaBridgeApp WithServices(Action<IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    public PsaBridgeApp WithSetting(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in Databases.Settings()) builder.UseSetting(key, value);
        builder.UseSetting("PsaBridge:CustomerSync:Schedule:Enabled", "false");
        builder.UseSetting("PsaBridge:DemoData", "false");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureServices(services => { foreach (var configure in _services) configure(services); });
    }

    public T Service<T>() where T : notnull => Services.GetRequiredService<T>();
}

public static class HttpJson
{
    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"{(int)response.StatusCode} {response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, PsaBridgeApp.Json)!;
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(body.Length == 0 ? "null" : body).RootElement.Clone();
    }

    public static Task<HttpResponseMessage> PostJsonAsync<T>(this HttpClient client, string url, T body) =>
        client.PostAsJsonAsync(url, body, PsaBridgeApp.Json);
}
