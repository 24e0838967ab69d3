using Microsoft.Playwright;
using TetReadiness.Platform;

namespace TetReadiness.Tests.Web;

/// <summary>
/// A reminder sent without a signing key links to <c>/form?c=…&amp;u=…</c>: after signing in, the officer lands on
/// that unit's form in that campaign, not on a chooser.
/// </summary>
public sealed class ReminderFallbackLinkTests(TwoCampaignsFixture fixture) : IClassFixture<TwoCampaignsFixture>
{
    [Fact]
    public async Task The_unsigned_reminder_link_opens_its_campaign_and_unit_after_sign_in()
    {
        var link = new AppOptions { PublicBaseUrl = fixture.App.BaseAddress.ToString() }.FormUrl(TwoCampaignsFixture.FireSafetyId, "hoan-kiem-ubnd");
        await using var phone = await fixture.NewPhoneAsync();
        var page = phone.Page;

        await page.GotoAsync(link);
        await page.GetByLabel("Email").FillAsync("vanphong@hoan-kiem.invalid");
        await page.Locator("#dev-submit").ClickAsync();

        await Expect(page.Locator("#context-title")).ToHaveTextAsync("Rà soát PCCC trước Tết");
        await Expect(page.Locator(".unit-name")).ToContainTextAsync("UBND Quận Hoàn Kiếm");
        Assert.EndsWith($"/form?c={TwoCampaignsFixture.FireSafetyId}&u=hoan-kiem-ubnd", page.Url, StringComparison.Ordinal);
        phone.AssertNoScriptErrors();
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
