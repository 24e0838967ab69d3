using System.Text;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace TetReadiness.Tests.Web;

/// <summary>The coordinator admin page in headless Chromium: roster preview before import, cloning a campaign, unit links.</summary>
public sealed class AdminTests(AdminFixture fixture, ITestOutputHelper output) : IClassFixture<AdminFixture>
{
    [Fact]
    public async Task A_roster_upload_previews_every_change_and_every_rejected_row_before_it_is_applied()
    {
        await using var phone = await fixture.NewPhoneAsync(WebApp.CoordinatorPrincipal);
        var page = phone.Page;
        await page.GotoAsync("/status/admin");
        var before = (await fixture.App.GetJsonAsync("/api/roster")).GetProperty("units").GetInt32();

        var broken = WebSeed.RosterCsv
            + "ba-vi,Huyện Ba Vì,Ba Vi Cho!,Chợ Ba Vì,,\n"
            + "ba-vi,Huyện Ba Vì,ba-vi-cho,=1+2,,\n";
        await page.GetByLabel("Tệp CSV").SetInputFilesAsync(new FilePayload { Name = "danh-sach.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(broken) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem trước" }).ClickAsync();

        var rejected = page.Locator("#roster-rejected");
        await Expect(rejected).ToContainTextAsync("2 dòng bị từ chối");
        await Expect(rejected.Locator("tbody tr")).ToHaveCountAsync(2);
        await Expect(rejected.Locator("tbody tr").First).ToContainTextAsync("9");
        await Expect(rejected.Locator("tbody tr").First).ToContainTextAsync("Ba Vi Cho!");
        await Expect(rejected.Locator("tbody tr").Last).ToContainTextAsync("=1+2");
        await Expect(page.Locator("#roster-apply")).ToHaveCountAsync(0);

        // Ba Vì's health centre leaves, its market board joins.
        var changed = WebSeed.RosterCsv.Replace("ba-vi,Huyện Ba Vì,ba-vi-ttyt,Trung tâm Y tế Huyện Ba Vì,,\n", string.Empty, StringComparison.Ordinal)
            + "ba-vi,Huyện Ba Vì,ba-vi-cho,Ban Quản lý chợ Ba Vì,cho@ba-vi.invalid,\n";
        await page.GetByLabel("Tệp CSV").SetInputFilesAsync(new FilePayload { Name = "danh-sach.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(changed) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem trước" }).ClickAsync();

        var summary = page.Locator("#roster-summary");
        await Expect(summary).ToContainTextAsync("Xem trước — chưa ghi gì");
        await Expect(summary.Locator("tr", new() { HasText = "Thêm mới" })).ToContainTextAsync("ba-vi-cho");
        await Expect(summary.Locator("tr", new() { HasText = "Ngừng hoạt động" })).ToContainTextAsync("ba-vi-ttyt");
        output.WriteLine("Roster preview: " + await Screenshots.SaveAsync(page, "admin-roster-preview-360", fullPage: true));
        Assert.Equal(before, (await fixture.App.GetJsonAsync("/api/roster")).GetProperty("units").GetInt32());
        Assert.DoesNotContain("ba-vi-cho", (await fixture.App.GetJsonAsync("/api/roster")).ToString(), StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Button, new() { Name = "Áp dụng danh sách này" }).ClickAsync();

        await Expect(summary).ToContainTextAsync("Đã áp dụng danh sách mới");
        Assert.Contains("ba-vi-cho", (await fixture.App.GetJsonAsync("/api/roster")).ToString(), StringComparison.Ordinal);
        phone.AssertNoScriptErrors();
    }

    [Fact]
    public async Task A_campaign_cloned_for_the_next_Tet_keeps_the_checklist_and_moves_every_date()
    {
        await using var phone = await fixture.NewPhoneAsync(WebApp.CoordinatorPrincipal);
        var page = phone.Page;
        await page.GotoAsync("/status/admin");

        await page.GetByLabel("Chiến dịch gốc").SelectOptionAsync("tet-2024");
        await page.GetByLabel("Cho Tết").SelectOptionAsync("2025-01-29");

        await Expect(page.Locator("#clone-shift")).ToHaveTextAsync("Dời 354 ngày: từ Tết Giáp Thìn (10/02/2024) sang Tết Ất Tỵ (29/01/2025).");
        await Expect(page.GetByLabel("Mã chiến dịch mới")).ToHaveValueAsync("tet-2025");
        await Expect(page.GetByLabel("Tên chiến dịch")).ToHaveValueAsync("Chuẩn bị Tết Ất Tỵ 2025");
        await Expect(page.GetByLabel("Mở từ")).ToHaveValueAsync("03/01/2025 08:00");
        await Expect(page.GetByLabel("Hạn chót")).ToHaveValueAsync("19/01/2025 17:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo chiến dịch" }).ClickAsync();

        await Expect(page.Locator("#clone-result")).ToContainTextAsync("Đã tạo chiến dịch tet-2025 (25 mục)");
        var source = await fixture.App.GetJsonAsync("/api/campaigns/tet-2024");
        var clone = await fixture.App.GetJsonAsync("/api/campaigns/tet-2025");
        Assert.Equal("2025-01-19T17:00:00+07:00", clone.GetProperty("deadline").GetString());
        Assert.Equal(source.GetProperty("sections").ToString(), clone.GetProperty("sections").ToString());

        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo chiến dịch" }).ClickAsync();
        await Expect(page.Locator("#clone-result")).ToContainTextAsync("Mã tet-2025 đã có");
        phone.AssertNoScriptErrors();
    }

    [Fact]
    public async Task Unit_links_download_as_csv_and_a_revoked_units_old_link_stops_working()
    {
        var oldToken = await fixture.App.MintLinkTokenAsync("tet-thu", "hoan-kiem-ubnd");
        await using var phone = await fixture.NewPhoneAsync(WebApp.CoordinatorPrincipal);
        var page = phone.Page;
        await page.GotoAsync("/status/admin");

        await page.GetByLabel("Chiến dịch", new() { Exact = true }).SelectOptionAsync("tet-thu");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Tải danh sách liên kết (CSV)" }).ClickAsync());
        Assert.Equal("links-tet-thu.csv", download.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync(await download.PathAsync());
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Contains("hoan-kiem-ubnd,UBND Quận Hoàn Kiếm", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);

        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GetByLabel("Mã đơn vị").FillAsync("hoan-kiem-ubnd");
        await page.GetByRole(AriaRole.Button, new() { Name = "Thu hồi", Exact = true }).ClickAsync();
        await Expect(page.Locator("#revoke-result")).ToContainTextAsync("Đã thu hồi liên kết của hoan-kiem-ubnd");

        await using var officer = await fixture.NewPhoneAsync();
        await officer.Page.GotoAsync($"/form?t={oldToken}");
        await Expect(officer.Page.Locator("[role=alert]").First).ToContainTextAsync("thu hồi");
        phone.AssertNoScriptErrors();
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
