using Microsoft.Playwright;

namespace TetReadiness.Tests.Web;

/// <summary>
/// Screenshots for a reviewer: under <c>TETREADINESS_SCREENSHOTS</c> when ./test.sh sets it (inside the run's
/// TestResults folder), else <c>TestResults/screenshots</c> at the repository root.
/// </summary>
public static class Screenshots
{
    public static string Folder { get; } = FindFolder();

    public static async Task<string> SaveAsync(IPage page, string name, bool fullPage = false)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage });
        return path;
    }

    private static string FindFolder()
    {
        if (Environment.GetEnvironmentVariable("TETREADINESS_SCREENSHOTS") is { Length: > 0 } configured)
        {
            return configured;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TetReadiness.sln")))
            {
                return Path.Combine(dir.FullName, "TestResults", "screenshots");
            }
        }

        return Path.Combine(AppContext.BaseDirectory, "screenshots");
    }
}
