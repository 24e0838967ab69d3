using Microsoft.Playwright;

namespace TetReadiness.Tests.Web;

/// <summary>One app (local mode, tables of its own) and one Chromium per test class, seeded once through the API.</summary>
public abstract class BrowserFixture : IAsyncLifetime
{
    public const int PhoneWidth = 360;

    private IPlaywright? playwright;

    public WebApp App { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var starting = WebApp.StartAsync();
        playwright = await Playwright.CreateAsync();
        Browser = await Chromium.LaunchAsync(playwright);
        App = await starting;
        await SeedAsync(App);
    }

    /// <summary>A phone-sized device, signed in (a principal header on every request) or not.</summary>
    public Task<BrowserSession> NewPhoneAsync(string? principal = null) => BrowserSession.StartAsync(Browser, App.BaseAddress, principal, PhoneWidth);

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        playwright?.Dispose();
        if (App is not null)
        {
            await App.DisposeAsync();
        }
    }

    protected abstract Task SeedAsync(WebApp app);
}
