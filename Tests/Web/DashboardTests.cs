using System.Text;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace TetReadiness.Tests.Web;

/// <summary>The coordinator dashboard in headless Chromium after several submissions.</summary>
public sealed class DashboardTests(DashboardFixture fixture, ITestOutputHelper output) : IClassFixture<DashboardFixture>
{
    [Fact]
    public async Task A_coordinator_signs_in_locally_and_sees_progress_by_area_and_who_is_overdue()
    {
        await using var phone = await fixture.NewPhoneAsync();
        var page = phone.Page;
        await page.GotoAsync("/status");

        await page.GetByLabel("Email").FillAsync(WebApp.CoordinatorEmail);
        await page.GetByLabel("Điều phối viên cấp thành phố").CheckAsync();
        await page.Locator("#dev-submit").ClickAsync();

        await Expect(page.Locator("#account")).ToContainTextAsync(WebApp.CoordinatorEmail);
        var summary = page.Locator("ul.summary");
        await Expect(summary).ToContainTextAsync("7Đơn vị");
        await Expect(summary).ToContainTextAsync("3Đã báo cáo (43%)");
        await Expect(summary).ToContainTextAsync("2Đúng hạn");
        await Expect(summary).ToContainTextAsync("1Muộn");
        await Expect(summary).ToContainTextAsync("4Chưa báo cáo");
        var baDinh = page.Locator("#districts tbody tr", new() { Has = page.GetByRole(AriaRole.Button, new() { Name = "Quận Ba Đình" }) });
        await Expect(baDinh.Locator("td").Nth(1)).ToContainTextAsync("2/3");
        await Expect(baDinh.Locator("td").Nth(3)).ToContainTextAsync("1");
        var overdue = page.Locator("#non-reporters tbody tr");
        await Expect(overdue).ToHaveCountAsync(4);
        // Columns after the unit: area, days overdue, reminders (Ba Vì has no officer email in the seed).
        var baVi = overdue.Filter(new() { HasText = "UBND Huyện Ba Vì" }).Locator("td");
        await Expect(baVi.Nth(1)).ToHaveTextAsync("2");
        await Expect(baVi.Nth(2)).ToHaveTextAsync("0");
        output.WriteLine("Dashboard at 360 px: " + await Screenshots.SaveAsync(page, "dashboard-360"));
        output.WriteLine("Dashboard (full page): " + await Screenshots.SaveAsync(page, "dashboard-360-full", fullPage: true));

        await page.GetByLabel("Địa bàn").SelectOptionAsync("hoan-kiem");
        await Expect(page.Locator("#districts tbody tr")).ToHaveCountAsync(1);
        await Expect(overdue).ToHaveCountAsync(1);
        await Expect(overdue).ToContainTextAsync("Công an Quận Hoàn Kiếm");
        phone.AssertNoScriptErrors();
    }

    [Fact]
    public async Task A_district_coordinator_sees_only_their_area()
    {
        await using var phone = await fixture.NewPhoneAsync(WebApp.Principal("dieuphoi@ba-dinh.invalid"));
        var page = phone.Page;

        await page.GotoAsync($"/status?c={DashboardFixture.CampaignId}");

        await Expect(page.Locator("main")).ToContainTextAsync("Phạm vi: Quận Ba Đình");
        await Expect(page.Locator("#districts tbody tr")).ToHaveCountAsync(2);
        await Expect(page.Locator("ul.summary")).ToContainTextAsync("3Đơn vị");
        await Expect(page.Locator("#non-reporters tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#non-reporters")).ToContainTextAsync("Ban Quản lý chợ Ba Đình");
        phone.AssertNoScriptErrors();
    }

    [Fact]
    public async Task A_units_answers_and_each_revision_are_one_click_away()
    {
        await using var phone = await fixture.NewPhoneAsync(WebApp.CoordinatorPrincipal);
        var page = phone.Page;
        await page.GotoAsync($"/status?c={DashboardFixture.CampaignId}");

        // Scoped to the area table: the review queue lists the same units by name.
        var districts = page.Locator("#districts");
        await districts.GetByRole(AriaRole.Button, new() { Name = "Quận Ba Đình" }).ClickAsync();
        await districts.GetByRole(AriaRole.Button, new() { Name = "UBND Quận Ba Đình", Exact = true }).ClickAsync();

        var detail = page.Locator(".unit-detail");
        await Expect(page.Locator("#unit-detail-title")).ToBeFocusedAsync();
        await Expect(detail).ToContainTextAsync("Đã báo cáo (lần 2)");
        await Expect(detail.Locator(".revisions li")).ToHaveCountAsync(2);
        await Expect(detail.Locator("table.answers tbody tr").First.Locator("td.answer")).ToHaveTextAsync("Sẵn sàng");

        await detail.GetByRole(AriaRole.Button, new() { Name = "Xem lần 1" }).ClickAsync();
        await Expect(detail).ToContainTextAsync("Đang xem lần 1");
        await Expect(detail.Locator("table.answers tbody tr").First.Locator("td.answer")).ToHaveTextAsync("Chưa sẵn sàng");
        output.WriteLine("Unit drill-down: " + await Screenshots.SaveAsync(page, "dashboard-unit-360"));

        await detail.GetByRole(AriaRole.Button, new() { Name = "Đóng" }).ClickAsync();
        await Expect(page.Locator(".unit-detail")).ToHaveCountAsync(0);
        phone.AssertNoScriptErrors();
    }

    [Fact]
    public async Task The_csv_download_is_utf8_with_a_bom_so_excel_shows_vietnamese()
    {
        await using var phone = await fixture.NewPhoneAsync(WebApp.CoordinatorPrincipal);
        var page = phone.Page;
        await page.GotoAsync($"/status?c={DashboardFixture.CampaignId}");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Tải CSV" }).ClickAsync());

        Assert.StartsWith($"status-{DashboardFixture.CampaignId}-", download.SuggestedFilename, StringComparison.Ordinal);
        var bytes = await File.ReadAllBytesAsync(await download.PathAsync());
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = new UTF8Encoding(false, true).GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("district_id,district_name,units,reported,on_time,late,missing,readiness_percent", lines[0]);
        Assert.Contains(lines, line => line.StartsWith("ba-dinh,Quận Ba Đình,3,2,1,1,1,", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("ba-vi,Huyện Ba Vì,2,0,0,0,2,", StringComparison.Ordinal));
        Assert.StartsWith(",Toàn phạm vi,7,3,2,1,4,", lines[^1], StringComparison.Ordinal);
        phone.AssertNoScriptErrors();
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
