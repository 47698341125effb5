using Microsoft.Playwright;

namespace PsaBridge.Web.Tests.Browser;

/// <summary>Screenshots the browser tests keep as artifacts, in <c>artifacts/screenshots/</c> at the repository root (git-ignored).</summary>
public static class Screenshots
{
    public static string Folder { get; } = Locate();

    public static async Task<string> SaveAsync(IPage page, string name)
    {
        var path = Path.Combine(Folder, $"{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    private static string Locate()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PsaBridge.slnx"))) dir = dir.Parent;
        var root = dir?.FullName ?? throw new InvalidOperationException($"No PsaBridge.slnx above {AppContext.BaseDirectory}.");
        var folder = Path.Combine(root, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        return folder;
    }
}
