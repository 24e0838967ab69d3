using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace TetReadiness.Tests.Web;

/// <summary>
/// One language per screen: the pages ask the API for the language they show (Vietnamese unless the reader switched to
/// English), whatever the browser's own preference, so a problem's detail reads like the page around it.
/// </summary>
public sealed class PageLanguageTests(OfficerFormFixture fixture) : IClassFixture<OfficerFormFixture>
{
    [Fact]
    public async Task The_form_asks_the_API_in_the_language_of_the_screen_not_of_the_browser()
    {
        var token = await fixture.App.MintLinkTokenAsync(OfficerFormFixture.CampaignId, "ba-vi-ubnd");
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.App.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = BrowserFixture.PhoneWidth, Height = 780 },
            Locale = "en-US",
        });
        context.SetDefaultTimeout(10_000);
        var page = await context.NewPageAsync();
        var asked = new ConcurrentQueue<string>();
        await page.RouteAsync("**/api/**", async route =>
        {
            asked.Enqueue((await route.Request.AllHeadersAsync()).GetValueOrDefault("accept-language", "(none)"));
            await route.ContinueAsync();
        });

        await page.GotoAsync($"/form?t={token}");
        await Assertions.Expect(page.Locator("#context-title")).ToHaveTextAsync("Chuẩn bị Tết (thử nghiệm)");
        var inVietnamese = asked.ToArray();
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        asked.Clear();
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Tết readiness report");
        await Assertions.Expect(page.Locator("#context-title")).ToHaveTextAsync("Chuẩn bị Tết (thử nghiệm)");

        Assert.NotEmpty(inVietnamese);
        Assert.All(inVietnamese, header => Assert.Equal("vi", header));
        Assert.NotEmpty(asked);
        Assert.All(asked, header => Assert.Equal("en", header));
    }
}
