using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using PsaBridge.Testing;
using PsaBridge.Web.Security;

namespace PsaBridge.Web.Tests.Browser;

/// <summary>
/// The real web host on a real loopback port (Kestrel, port chosen by the OS) over fresh real
/// databases, so that a real browser can reach it, which <see cref="PsaBridgeApp"/>'s in-memory
/// TestServer cannot be. Configured as <see cref="PsaBridgeApp"/> is: the batch schedule off, no demo data.
/// </summary>
public sealed class WebSite : WebApplicationFactory<Program>
{
    private WebSite(TestDatabasePair databases)
    {
        Databases = databases;
        UseKestrel(0);
    }

    public TestDatabasePair Databases { get; }

    /// <summary>Where the site listens, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress => ClientOptions.BaseAddress;

    private readonly Dictionary<string, TestUser> _users = new();

    /// <summary>The site's user of this role (made on first use): the browser signs in as this person.</summary>
    public async Task<TestUser> UserAsync(string role)
    {
        if (!_users.TryGetValue(role, out var user)) _users[role] = user = await TestUsers.CreateAsync(Databases, role);
        return user;
    }

    private Action<IServiceCollection>? _services;
    private IReadOnlyDictionary<string, string> _settings = new Dictionary<string, string>();

    /// <summary>Starts the site; a test may add services (e.g. a sync observer that holds a run) and settings.</summary>
    public static async Task<WebSite> StartAsync(Action<IServiceCollection>? services = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        var site = new WebSite(await TestDatabases.CreateAsync()) { _services = services, _settings = settings ?? new Dictionary<string, string>() };
        await site.UserAsync(Roles.Administrator);
        site.StartServer();
        if (site.BaseAddress.Port is 0 or 80) throw new InvalidOperationException($"The site did not report the port it listens on: {site.BaseAddress}.");
        return site;
    }

    /// <summary>Clients call the API as the site's Administrator, as <see cref="PsaBridgeApp"/>'s do.</summary>
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        if (_users.TryGetValue(Roles.Administrator, out var admin))
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", admin.Token);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("urls", "http://127.0.0.1:0");
        foreach (var (key, value) in Databases.Settings()) builder.UseSetting(key, value);
        builder.UseSetting("PsaBridge:CustomerSync:Schedule:Enabled", "false");
        builder.UseSetting("PsaBridge:DemoData", "false");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        if (_services is { } services) builder.ConfigureServices(services);
    }

    public T Service<T>() where T : notnull => Services.GetRequiredService<T>();
}
