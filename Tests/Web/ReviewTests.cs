using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace TetReadiness.Tests.Web;

/// <summary>
/// After the report, in headless Chromium on 360 px phones: a coordinator returns or accepts a unit's report from the
/// dashboard, the officer sees it on the form, asks for an accepted report to be reopened; coordinators follow a late
/// unit up (a note, remind now, a later deadline). Real backend (local mode), every step through the pages.
/// </summary>
public sealed partial class ReviewTests(ReviewFixture fixture, ITestOutputHelper output) : IClassFixture<ReviewFixture>
{
    private const string CampaignId = ReviewFixture.CampaignId;

    [Fact]
    public async Task A_returned_report_shows_its_comment_the_officer_resubmits_the_coordinator_accepts_and_the_form_becomes_read_only()
    {
        const string Difficulties = "Thiếu kinh phí mua bình chữa cháy cho chợ tạm.";
        const string Comment = "Mục 1.1 ghi Sẵn sàng nhưng kho dự trữ chưa ký hợp đồng; đề nghị rà soát lại.";
        const string Proposal = "Đề nghị Sở Công Thương hỗ trợ kết nối nhà cung cấp.";
        await fixture.App.SubmitAsync(CampaignId, "ba-dinh-ubnd", WebSeed.Answers(fixture.Campaign, difficulties: Difficulties), officerEmail: "vanphong@ba-dinh.invalid");
        await using var coordinator = await fixture.NewPhoneAsync(WebApp.Principal("dieuphoi@ba-dinh.invalid"));
        var dashboard = coordinator.Page;

        // The area's coordinator finds the report awaiting review, reads it and returns it with a comment.
        await dashboard.GotoAsync($"/status?c={CampaignId}");
        var queued = dashboard.Locator("#queue li", new() { HasText = "UBND Quận Ba Đình" });
        await Expect(queued).ToContainTextAsync("Chờ duyệt");
        await queued.GetByRole(AriaRole.Button, new() { Name = "UBND Quận Ba Đình", Exact = true }).ClickAsync();
        var detail = dashboard.Locator(".unit-detail");
        await Expect(detail.Locator("#review-state")).ToHaveTextAsync("Tình trạng: Chờ duyệt");
        await Expect(detail.Locator(".voice-difficulties")).ToContainTextAsync(Difficulties);
        await detail.GetByLabel("Nhận xét (bắt buộc khi trả lại").FillAsync(Comment);
        output.WriteLine("Unit review at 360 px: " + await Screenshots.SaveAsync(dashboard, "review-unit-360", fullPage: true));
        await detail.GetByRole(AriaRole.Button, new() { Name = "Trả lại để sửa" }).ClickAsync();
        await Expect(dashboard.Locator("#unit-flash")).ToContainTextAsync("Đã trả lại lần 1");
        await Expect(dashboard.Locator("#unit-flash")).ToBeFocusedAsync();
        await Expect(detail.Locator("#review-state")).ToHaveTextAsync("Tình trạng: Đã trả lại");
        await Expect(dashboard.Locator("ul.summary")).ToContainTextAsync("1Đã trả lại");

        // The officer opens the form: the comment first, then what they change is marked and listed.
        await using var officer = await fixture.NewPhoneAsync(WebApp.Principal("vanphong@ba-dinh.invalid"));
        var form = officer.Page;
        await form.GotoAsync("/form");
        await Expect(form.Locator("#returned")).ToContainTextAsync("Báo cáo được trả lại để bổ sung, sửa");
        await Expect(form.Locator("#review-comment")).ToHaveTextAsync(Comment);
        await Expect(form.Locator("#changes")).ToContainTextAsync("Chưa sửa mục nào");
        await Expect(form.GetByLabel("Khó khăn, vướng mắc")).ToHaveValueAsync(Difficulties);
        var first = form.Locator("fieldset.item").First;
        await first.GetByLabel("Chưa sẵn sàng").CheckAsync();
        await Expect(first).ToHaveClassAsync(ChangedClass());
        await Expect(first.Locator(".changed-mark")).ToContainTextAsync("Lần bị trả lại ghi: Sẵn sàng");
        await Expect(form.Locator("fieldset.item.changed")).ToHaveCountAsync(1);
        await form.GetByLabel("Đề xuất, kiến nghị").FillAsync(Proposal);
        var changes = form.Locator("#changes li");
        await Expect(changes).ToHaveCountAsync(2);
        await Expect(changes.Last).ToHaveTextAsync("Đề xuất, kiến nghị");
        output.WriteLine("Returned report on the form: " + await Screenshots.SaveAsync(form, "form-returned-360", fullPage: true));
        await form.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo" }).ClickAsync();
        await Expect(form.Locator(".done .message")).ToContainTextAsync("Đã gửi báo cáo lần 2");
        await Expect(form.Locator("#receipt .voice-proposals")).ToContainTextAsync(Proposal);

        // Back on the dashboard the new revision awaits review; the coordinator accepts it.
        await dashboard.ReloadAsync();
        await dashboard.Locator("#queue").GetByRole(AriaRole.Button, new() { Name = "UBND Quận Ba Đình", Exact = true }).ClickAsync();
        await Expect(detail.Locator("#review-title")).ToHaveTextAsync("Xét duyệt lần 2");
        await Expect(detail.Locator("#review-state")).ToHaveTextAsync("Tình trạng: Chờ duyệt");
        await Expect(detail.Locator(".voice-proposals")).ToContainTextAsync(Proposal);
        await detail.GetByRole(AriaRole.Button, new() { Name = "Chấp nhận", Exact = true }).ClickAsync();
        await Expect(dashboard.Locator("#unit-flash")).ToContainTextAsync("Đã chấp nhận lần 2");
        await Expect(detail.Locator("#review-state")).ToHaveTextAsync("Tình trạng: Đã chấp nhận");

        // The officer's form now opens read-only, with the receipt and a way to ask for reopening.
        await form.ReloadAsync();
        await Expect(form.Locator("#accepted")).ToContainTextAsync("Báo cáo đã được chấp nhận");
        await Expect(form.Locator("#report")).ToHaveCountAsync(0);
        await Expect(form.Locator("fieldset.item input[type=radio]")).ToHaveCountAsync(0);
        await Expect(form.Locator("#receipt dl.facts")).ToContainTextAsync("Đã chấp nhận");
        await Expect(form.Locator("#receipt .voice-proposals")).ToContainTextAsync(Proposal);
        await Expect(form.GetByRole(AriaRole.Button, new() { Name = "Gửi đề nghị mở lại" })).ToBeVisibleAsync();
        output.WriteLine("Accepted report on the form: " + await Screenshots.SaveAsync(form, "form-accepted-360", fullPage: true));

        var stored = await fixture.App.GetJsonAsync($"/api/campaigns/{CampaignId}/units/ba-dinh-ubnd/submission");
        Assert.Equal(2, stored.GetProperty("revision").GetInt32());
        Assert.Equal("accepted", stored.GetProperty("reviewState").GetString());
        Assert.Equal(Proposal, stored.GetProperty("proposals").GetString());
        coordinator.AssertNoScriptErrors();
        officer.AssertNoScriptErrors();
    }

    [Fact]
    public async Task A_reopen_request_reaches_the_dashboard_and_the_coordinator_reopens_the_report()
    {
        const string Reason = "Số liệu mục 2 nhập nhầm của năm trước, cần sửa lại.";
        const string Comment = "Đồng ý mở lại; sửa mục 2 rồi gửi lại trong hôm nay.";
        var token = await fixture.App.MintLinkTokenAsync(CampaignId, "hoan-kiem-cong-an");
        await fixture.App.SubmitAsync(CampaignId, "hoan-kiem-cong-an", WebSeed.Answers(fixture.Campaign), unitLink: token);
        await fixture.App.PostJsonAsync($"/api/campaigns/{CampaignId}/units/hoan-kiem-cong-an/review", new { decision = "accepted", revision = 1 });

        // The unit opens its accepted report from its link and asks for it to be reopened.
        await using var officer = await fixture.NewPhoneAsync();
        var form = officer.Page;
        await form.GotoAsync($"/form?t={token}");
        await Expect(form.Locator("#accepted")).ToContainTextAsync("Báo cáo đã được chấp nhận");
        await form.GetByRole(AriaRole.Button, new() { Name = "Gửi đề nghị mở lại" }).ClickAsync();
        await Expect(form.Locator("#reopen-error")).ToHaveTextAsync("Hãy nêu lý do.");
        await Expect(form.GetByLabel("Lý do cần sửa báo cáo")).ToBeFocusedAsync();
        await form.GetByLabel("Lý do cần sửa báo cáo").FillAsync(Reason);
        await form.GetByRole(AriaRole.Button, new() { Name = "Gửi đề nghị mở lại" }).ClickAsync();
        await Expect(form.Locator("#reopen-pending")).ToContainTextAsync("Đã gửi đề nghị mở lại lúc");
        await Expect(form.Locator("#reopen-pending")).ToContainTextAsync(Reason);
        await Expect(form.Locator("#reopen-request")).ToHaveCountAsync(0);

        // The coordinator sees the request in the figures and in the queue, and reopens with a comment.
        await using var coordinator = await fixture.NewPhoneAsync(WebApp.CoordinatorPrincipal);
        var dashboard = coordinator.Page;
        await dashboard.GotoAsync($"/status?c={CampaignId}");
        await Expect(dashboard.Locator("ul.summary")).ToContainTextAsync("1Đề nghị mở lại");
        await dashboard.Locator("#review-queue button[data-filter=reopen]").ClickAsync();
        await Expect(dashboard.Locator("#review-queue button[data-filter=reopen]")).ToHaveAttributeAsync("aria-pressed", "true");
        var queued = dashboard.Locator("#queue li");
        await Expect(queued).ToHaveCountAsync(1);
        await Expect(queued).ToContainTextAsync("Công an Quận Hoàn Kiếm");
        await Expect(queued.Locator(".badge.reopen")).ToHaveTextAsync("Đề nghị mở lại");
        await queued.GetByRole(AriaRole.Button, new() { Name = "Công an Quận Hoàn Kiếm" }).ClickAsync();
        var detail = dashboard.Locator(".unit-detail");
        await Expect(detail.Locator("#reopen-request")).ToContainTextAsync(Reason);
        await detail.GetByLabel("Nhận xét gửi đơn vị khi mở lại").FillAsync(Comment);
        output.WriteLine("Reopen request on the dashboard: " + await Screenshots.SaveAsync(dashboard, "review-reopen-360", fullPage: true));
        await detail.GetByRole(AriaRole.Button, new() { Name = "Mở lại báo cáo" }).ClickAsync();
        await Expect(dashboard.Locator("#unit-flash")).ToContainTextAsync("Đã mở lại báo cáo");
        await Expect(detail.Locator("#review-state")).ToHaveTextAsync("Tình trạng: Đã trả lại");

        // The unit's form is open again, with the coordinator's comment at the top.
        await form.ReloadAsync();
        await Expect(form.Locator("#review-comment")).ToHaveTextAsync(Comment);
        await Expect(form.Locator("#report")).ToBeVisibleAsync();
        coordinator.AssertNoScriptErrors();
        officer.AssertNoScriptErrors();
    }

    [Fact]
    public async Task A_report_accepted_while_the_officer_edits_refuses_the_submit_with_an_explanation_and_keeps_the_draft()
    {
        var token = await fixture.App.MintLinkTokenAsync(CampaignId, "ba-dinh-cho");
        await fixture.App.SubmitAsync(CampaignId, "ba-dinh-cho", WebSeed.Answers(fixture.Campaign), unitLink: token);
        await using var officer = await fixture.NewPhoneAsync();
        var form = officer.Page;
        await form.GotoAsync($"/form?t={token}");
        await form.Locator("fieldset.item").First.GetByLabel("Một phần").CheckAsync();
        await form.GetByLabel("Khó khăn, vướng mắc").FillAsync("Chưa có kinh phí.");
        await form.GetByLabel("Họ và tên").FillAsync("Nguyễn Thị Hoa");
        await form.GetByLabel("Chức vụ").FillAsync("Chuyên viên");
        await form.GetByLabel("Số điện thoại").FillAsync("0987 654 321");

        // Meanwhile the coordinator accepts revision 1.
        await fixture.App.PostJsonAsync($"/api/campaigns/{CampaignId}/units/ba-dinh-cho/review", new { decision = "accepted", revision = 1 });
        await form.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo" }).ClickAsync();

        await Expect(form.Locator("#locked-on-submit")).ToContainTextAsync("vừa được điều phối viên chấp nhận");
        await Expect(form.Locator("#locked-on-submit")).ToBeFocusedAsync();
        await Expect(form.Locator("fieldset.item").First.GetByLabel("Một phần")).ToBeCheckedAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Xem báo cáo đã chấp nhận" }).ClickAsync();
        await Expect(form.Locator("#accepted")).ToBeVisibleAsync();
        await Expect(form.Locator(".message.draft")).ToContainTextAsync("Bản nháp chưa gửi vẫn được giữ");

        var draft = await form.EvaluateAsync<string?>($"() => localStorage.getItem('tet.draft.{CampaignId}.ba-dinh-cho')");
        Assert.NotNull(draft);
        Assert.Contains("Chưa có kinh phí.", draft, StringComparison.Ordinal);
        Assert.Contains("\"partial\"", draft, StringComparison.Ordinal);
        var stored = await fixture.App.GetJsonAsync($"/api/campaigns/{CampaignId}/units/ba-dinh-cho/submission");
        Assert.Equal(1, stored.GetProperty("revision").GetInt32());
        officer.AssertNoScriptErrors();
    }

    [Fact]
    public async Task Accepting_a_revision_the_unit_replaced_meanwhile_records_nothing_reloads_the_unit_and_says_so()
    {
        var token = await fixture.App.MintLinkTokenAsync(CampaignId, "ba-vi-ubnd");
        await fixture.App.SubmitAsync(CampaignId, "ba-vi-ubnd", WebSeed.Answers(fixture.Campaign), unitLink: token);
        await using var coordinator = await fixture.NewPhoneAsync(WebApp.CoordinatorPrincipal);
        var dashboard = coordinator.Page;
        await dashboard.GotoAsync($"/status?c={CampaignId}");
        await dashboard.Locator("#queue").GetByRole(AriaRole.Button, new() { Name = "UBND Huyện Ba Vì" }).ClickAsync();
        var detail = dashboard.Locator(".unit-detail");
        await Expect(detail.Locator("#review-title")).ToHaveTextAsync("Xét duyệt lần 1");

        // The unit submits again while the coordinator reads revision 1.
        await fixture.App.SubmitAsync(CampaignId, "ba-vi-ubnd", WebSeed.Answers(fixture.Campaign, firstStatus: "not_ready"), unitLink: token);
        await detail.GetByRole(AriaRole.Button, new() { Name = "Chấp nhận", Exact = true }).ClickAsync();

        var flash = dashboard.Locator("#unit-flash");
        await Expect(flash).ToContainTextAsync("Đơn vị vừa gửi bản mới trong lúc bạn xem");
        await Expect(flash).ToBeFocusedAsync();
        await Expect(detail.Locator("#review-title")).ToHaveTextAsync("Xét duyệt lần 2");
        await Expect(detail.Locator("#review-state")).ToHaveTextAsync("Tình trạng: Chờ duyệt");
        var stored = await fixture.App.GetJsonAsync($"/api/campaigns/{CampaignId}/units/ba-vi-ubnd/submission");
        Assert.Equal("submitted", stored.GetProperty("reviewState").GetString());
        coordinator.AssertNoScriptErrors();
    }

    [Fact]
    public async Task A_coordinator_notes_reminds_and_extends_a_late_unit_and_the_non_reporters_list_and_the_form_show_it()
    {
        const string Note = "Đã gọi đ/c Lan, hẹn nộp trước 10h.";
        var extended = WebSeed.Today.AddDays(5).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) + " 17:00";
        await using var coordinator = await fixture.NewPhoneAsync(WebApp.CoordinatorPrincipal);
        var dashboard = coordinator.Page;
        await dashboard.GotoAsync($"/status?c={CampaignId}");
        var row = dashboard.Locator("#non-reporters tbody tr", new() { HasText = "UBND Quận Hoàn Kiếm" });
        await row.GetByRole(AriaRole.Button, new() { Name = "UBND Quận Hoàn Kiếm" }).ClickAsync();
        var detail = dashboard.Locator(".unit-detail");
        var flash = dashboard.Locator("#unit-flash");

        await detail.GetByLabel("Ghi chú mới").FillAsync(Note);
        await detail.GetByRole(AriaRole.Button, new() { Name = "Thêm ghi chú" }).ClickAsync();
        await Expect(flash).ToHaveTextAsync("Đã thêm ghi chú.");
        await Expect(detail.Locator("#notes li").First).ToContainTextAsync(Note);
        await Expect(detail.Locator("#notes li").First).ToContainTextAsync(WebApp.CoordinatorEmail);

        await detail.GetByRole(AriaRole.Button, new() { Name = "Nhắc ngay" }).ClickAsync();
        await Expect(flash).ToContainTextAsync("Đã xếp email nhắc lúc");
        await detail.GetByRole(AriaRole.Button, new() { Name = "Nhắc ngay" }).ClickAsync();
        await Expect(flash).ToHaveClassAsync(ErrorClass());
        await Expect(flash).ToHaveAttributeAsync("role", "alert");
        await Expect(flash).ToContainTextAsync("vừa được nhắc lúc");

        await detail.GetByLabel("Hạn mới").FillAsync(extended);
        await detail.GetByLabel("Lý do gia hạn").FillAsync("Đơn vị đang sáp nhập, xin thêm hai ngày.");
        await detail.GetByRole(AriaRole.Button, new() { Name = "Gia hạn", Exact = true }).ClickAsync();
        await Expect(flash).ToContainTextAsync($"Đã gia hạn cho đơn vị đến {extended}");
        await Expect(detail.Locator("#unit-deadline")).ToContainTextAsync($"{extended} (gia hạn");
        output.WriteLine("Unit follow-up at 360 px: " + await Screenshots.SaveAsync(dashboard, "follow-up-360", fullPage: true));

        var cells = row.Locator("td");
        await Expect(cells.Nth(3)).ToContainTextAsync(extended);
        await Expect(cells.Nth(3)).ToContainTextAsync("(gia hạn)");
        await Expect(cells.Nth(4)).ToContainTextAsync(Note);

        await using var officer = await fixture.NewPhoneAsync(WebApp.Principal("vanphong@hoan-kiem.invalid"));
        var form = officer.Page;
        await form.GotoAsync("/form");
        await Expect(form.Locator(".deadline")).ToContainTextAsync($"Hạn chót: {extended}");
        await Expect(form.Locator("#deadline-extended")).ToContainTextAsync("Đơn vị đang sáp nhập");
        coordinator.AssertNoScriptErrors();
        officer.AssertNoScriptErrors();
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    [GeneratedRegex(@"\bchanged\b")]
    private static partial Regex ChangedClass();

    [GeneratedRegex(@"\berror\b")]
    private static partial Regex ErrorClass();
}
