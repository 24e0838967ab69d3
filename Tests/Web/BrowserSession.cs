using Microsoft.Playwright;

namespace TetReadiness.Tests.Web;

/// <summary>One browser context (a device: its own localStorage) and a page, collecting the page's script errors.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly List<string> scriptErrors = [];

    private BrowserSession(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
        page.PageError += (_, error) => scriptErrors.Add(error);
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public static async Task<BrowserSession> StartAsync(IBrowser browser, Uri baseAddress, string? principal, int width)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = 780 },
            Locale = "vi-VN",
            AcceptDownloads = true,
            ExtraHTTPHeaders = principal is null ? null : new Dictionary<string, string> { ["X-MS-CLIENT-PRINCIPAL"] = principal },
        });
        context.SetDefaultTimeout(10_000);
        return new BrowserSession(context, await context.NewPageAsync());
    }

    /// <summary>Another tab on the same device: localStorage is shared, sessionStorage is not.</summary>
    public Task<IPage> NewTabAsync() => Context.NewPageAsync();

    public void AssertNoScriptErrors() => Assert.True(scriptErrors.Count == 0, "Script errors: " + string.Join("; ", scriptErrors));

    public async ValueTask DisposeAsync() => await Context.DisposeAsync();
}
