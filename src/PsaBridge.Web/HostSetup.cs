namespace PsaBridge.Web;

internal static class HostSetup
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary><c>--demo</c> is short for <c>--PsaBridge:DemoData=true</c>.</summary>
    public static string[] WithDemoSwitch(string[] args) =>
        args.Select(a => a == "--demo" ? "--PsaBridge:DemoData=true" : a).ToArray();

    /// <summary>Listens on loopback only, unless URLs were configured (ASPNETCORE_URLS, --urls, Kestrel endpoints).</summary>
    public static void UseLoopbackUnlessConfigured(this IWebHostBuilder web, IConfiguration configuration)
    {
        if (string.IsNullOrEmpty(configuration["urls"]) && string.IsNullOrEmpty(configuration["ASPNETCORE_URLS"])
            && !configuration.GetSection("Kestrel:Endpoints").Exists())
            web.UseUrls(DefaultUrl);
    }
}
