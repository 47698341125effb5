using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PsaBridge.Testing;
using PsaBridge.Web.Security;

namespace PsaBridge.Web.Tests.Browser;

/// <summary>
/// One headless Chromium for all the browser tests (starting one costs more than most tests): Debian's
/// own, launched by path, so nothing is downloaded. The flags keep it from calling home on a closed network.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public static string ExecutablePath => Environment.GetEnvironmentVariable("PSABRIDGE_CHROMIUM") ?? "/usr/bin/chromium";

    public static readonly string[] Flags =
    [
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        // Generous waits: this suite shares two cores with builds; a slow machine must not read as a broken page.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Flags,
        });
    }

    /// <summary>A fresh browser context on the site, signed in as an Administrator, at a laptop's window size unless another is given.</summary>
    public async Task<IPage> OpenAsync(WebSite site, int width = 1366, int height = 850, string timeZone = "UTC")
    {
        var page = await OpenAnonymousAsync(site, width, height, timeZone);
        await SignInAsync(page, await site.UserAsync(Roles.Administrator));
        return page;
    }

    /// <summary>A fresh browser context on the site, signed in through the sign-in page as the site's user of this role.</summary>
    public async Task<IPage> OpenAsync(WebSite site, string role)
    {
        var page = await OpenAnonymousAsync(site);
        await SignInAsync(page, await site.UserAsync(role));
        return page;
    }

    /// <summary>Signs in on the sign-in page as a person would, and waits for the home page.</summary>
    public static async Task SignInAsync(IPage page, TestUser user)
    {
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("E-mail").FillAsync(user.Email);
        await page.GetByLabel("Password").FillAsync(user.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        // Polls the address only: WaitForURL also waits for the load event, which the client now and then misses
        // when it fires as the redirect commits, and then waits out its whole timeout on a page that has loaded.
        await Assertions.Expect(page).ToHaveURLAsync(HomePage, new() { Timeout = 60_000 });
    }

    private static readonly Regex HomePage = new(@"^https?://[^/]+/$");

    /// <summary>A fresh browser context (its own cookies, nobody signed in) on the site, at a laptop's window size unless another is given.</summary>
    public async Task<IPage> OpenAnonymousAsync(WebSite site, int width = 1366, int height = 850, string timeZone = "UTC")
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = site.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-US",
            TimezoneId = timeZone,
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(60_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<Chromium>
{
    public const string Name = "Browser";
}
