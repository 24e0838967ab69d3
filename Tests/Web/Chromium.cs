using Microsoft.Playwright;

namespace TetReadiness.Tests.Web;

/// <summary>
/// Debian's Chromium (package <c>chromium</c>, installed by ./test.sh), driven by Playwright; Playwright's own browser
/// download is never used. Without it the browser tests fail, they do not skip.
/// </summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync",
    ];

    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"{ExecutablePath} is missing: install Debian's chromium (./test.sh does: apt-get install chromium).");
        }

        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Arguments,
            Timeout = 30_000,
        });
    }
}
