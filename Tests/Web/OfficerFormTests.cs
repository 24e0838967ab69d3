using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using TetReadiness.Identity;
using Xunit.Abstractions;

namespace TetReadiness.Tests.Web;

/// <summary>The officer form in headless Chromium on a 360 px wide phone, opened from a unit link as a reminder email carries it.</summary>
public sealed class OfficerFormTests(OfficerFormFixture fixture, ITestOutputHelper output) : IClassFixture<OfficerFormFixture>
{
    private const string CampaignId = OfficerFormFixture.CampaignId;

    [Fact]
    public async Task An_officer_opens_the_link_on_a_phone_completes_the_demo_checklist_submits_and_gets_a_printable_receipt()
    {
        var token = await fixture.App.MintLinkTokenAsync(CampaignId, "ba-vi-ubnd");
        await using var phone = await fixture.NewPhoneAsync();
        var page = phone.Page;

        await page.GotoAsync($"/form?t={token}");
        await Expect(page.Locator("#context-title")).ToHaveTextAsync("Chuẩn bị Tết (thử nghiệm)");
        Assert.DoesNotContain("t=", page.Url, StringComparison.Ordinal);
        await Expect(page.Locator(".unit-name")).ToContainTextAsync("UBND Huyện Ba Vì");
        await Expect(page.Locator(".deadline")).ToContainTextAsync("còn 3 ngày");
        await Expect(page.Locator("#current")).ToHaveTextAsync("Đơn vị chưa gửi báo cáo lần nào.");
        output.WriteLine("Form at 360 px: " + await Screenshots.SaveAsync(page, "form-360"));

        await AnswerEveryItemAsync(page);
        await Expect(page.Locator("#readiness-value")).Not.ToHaveTextAsync("—");
        await page.GetByLabel("Họ và tên").FillAsync("Trần Thị Bình");
        await page.GetByLabel("Chức vụ").FillAsync("Phó Chánh Văn phòng");
        await page.GetByLabel("Số điện thoại").FillAsync("0912 345 678");
        output.WriteLine("Filled form (full page): " + await Screenshots.SaveAsync(page, "form-360-full", fullPage: true));
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo" }).ClickAsync();

        await Expect(page.Locator("#done-title")).ToBeFocusedAsync();
        await Expect(page.Locator(".done .message")).ToContainTextAsync("Đã gửi báo cáo lần 1 lúc");
        await Expect(page.Locator(".done .message")).ToContainTextAsync("đúng hạn");
        var receipt = page.Locator("#receipt");
        await Expect(receipt).ToContainTextAsync("UBND Huyện Ba Vì (ba-vi-ubnd)");
        await Expect(receipt).ToContainTextAsync("Chuẩn bị Tết (thử nghiệm) (tet-thu)");
        await Expect(receipt).ToContainTextAsync("Trần Thị Bình — Phó Chánh Văn phòng — 0912 345 678");
        await Expect(receipt.Locator("dl.facts")).ToContainTextAsync("Đúng hạn");
        await Expect(receipt.Locator("table.answers tbody tr")).ToHaveCountAsync(WebSeed.Items(fixture.Campaign).Count());
        await Expect(receipt.Locator("td.answer-none")).ToHaveCountAsync(0);
        output.WriteLine("Receipt: " + await Screenshots.SaveAsync(page, "receipt-360", fullPage: true));

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.Locator(".topbar")).ToBeHiddenAsync();
        await Expect(page.Locator(".done")).ToBeHiddenAsync();
        await Expect(receipt).ToBeVisibleAsync();
        await page.SetViewportSizeAsync(794, 1123);
        output.WriteLine("Receipt as printed (A4 width): " + await Screenshots.SaveAsync(page, "receipt-print", fullPage: true));

        var stored = await fixture.App.GetJsonAsync($"/api/campaigns/{CampaignId}/units/ba-vi-ubnd/submission");
        Assert.Equal(1, stored.GetProperty("revision").GetInt32());
        Assert.Equal(WebSeed.Items(fixture.Campaign).Count(), stored.GetProperty("answers").GetArrayLength());
        Assert.Equal("Trần Thị Bình", stored.GetProperty("submitter").GetProperty("name").GetString());
        phone.AssertNoScriptErrors();
    }

    [Fact]
    public async Task A_reload_or_a_closed_tab_midway_keeps_the_answers_typed_so_far()
    {
        var token = await fixture.App.MintLinkTokenAsync(CampaignId, "hoan-kiem-cong-an");
        await using var phone = await fixture.NewPhoneAsync();
        var page = phone.Page;
        await page.GotoAsync($"/form?t={token}");
        var firstItem = page.Locator("fieldset.item").First;
        await firstItem.GetByLabel("Một phần").CheckAsync();
        await page.Locator("fieldset.item").Nth(1).GetByLabel("Không áp dụng").CheckAsync();
        await firstItem.Locator("summary").ClickAsync();
        await firstItem.Locator("textarea").FillAsync("Đã ký hợp đồng dự trữ,\nchờ giao hàng ngày 25 tháng Chạp.");
        await page.GetByLabel("Họ và tên").FillAsync("Phạm Minh Đức");

        await page.ReloadAsync();

        await Expect(page.Locator(".message.draft")).ToContainTextAsync("Đã khôi phục bản nháp chưa gửi");
        await Expect(page.Locator("fieldset.item").First.GetByLabel("Một phần")).ToBeCheckedAsync();
        await Expect(page.Locator("fieldset.item").Nth(1).GetByLabel("Không áp dụng")).ToBeCheckedAsync();
        await Expect(page.Locator("fieldset.item").First.Locator("textarea")).ToHaveValueAsync("Đã ký hợp đồng dự trữ,\nchờ giao hàng ngày 25 tháng Chạp.");
        await Expect(page.GetByLabel("Họ và tên")).ToHaveValueAsync("Phạm Minh Đức");

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Tết readiness report");
        await Expect(page.Locator("fieldset.item").First.GetByLabel("Partial")).ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Tiếng Việt" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Báo cáo sẵn sàng Tết");

        await page.CloseAsync();
        var tab = await phone.NewTabAsync();
        await tab.GotoAsync($"/form?t={token}");
        await Expect(tab.Locator("fieldset.item").First.GetByLabel("Một phần")).ToBeCheckedAsync();
        await Expect(tab.Locator("#answered-count")).ToContainTextAsync("Đã trả lời 2/");
        phone.AssertNoScriptErrors();
    }

    [Fact]
    public async Task Difficulties_and_proposals_are_counted_kept_in_the_draft_across_a_reload_and_printed_on_the_receipt()
    {
        const string Difficulties = "Thiếu 2 xe chở hàng bình ổn giá;\nkho lạnh chợ đầu mối quá tải.";
        const string Proposal = "Đề nghị Sở Tài chính tạm ứng kinh phí trước 20 tháng Chạp.";
        var token = await fixture.App.MintLinkTokenAsync(CampaignId, "ba-dinh-ubnd");
        await using var phone = await fixture.NewPhoneAsync();
        var page = phone.Page;
        await page.GotoAsync($"/form?t={token}");
        var difficulties = page.GetByLabel("Khó khăn, vướng mắc");
        var proposals = page.GetByLabel("Đề xuất, kiến nghị");
        await difficulties.FillAsync(Difficulties);
        await Expect(page.Locator("#count-difficulties")).ToHaveTextAsync($"{new StringInfo(Difficulties).LengthInTextElements}/4000 ký tự");
        await proposals.FillAsync(new string('x', 4001));
        await Expect(page.Locator("#count-proposals")).ToHaveTextAsync("4001/4000 ký tự");
        await Expect(page.Locator("#count-proposals")).ToHaveClassAsync("counter over");

        await page.ReloadAsync();

        await Expect(page.Locator(".message.draft")).ToContainTextAsync("Đã khôi phục bản nháp chưa gửi");
        await Expect(difficulties).ToHaveValueAsync(Difficulties);
        await Expect(proposals).ToHaveValueAsync(new string('x', 4001));
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Expect(page.GetByLabel("Difficulties and obstacles")).ToHaveValueAsync(Difficulties);
        await page.GetByRole(AriaRole.Button, new() { Name = "Tiếng Việt" }).ClickAsync();

        await AnswerEveryItemAtOnceAsync(page);
        await FillSubmitterAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo" }).ClickAsync();
        await Expect(page.Locator(".error-summary")).ToBeFocusedAsync();
        await Expect(page.Locator("#err-proposals")).ToHaveTextAsync("Dài quá 4000 ký tự.");
        await Expect(proposals).ToHaveAttributeAsync("aria-invalid", "true");
        var none = await fixture.App.SendAsync(HttpMethod.Get, $"/api/campaigns/{CampaignId}/units/ba-dinh-ubnd/submission", WebApp.CoordinatorPrincipal);
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);

        await proposals.FillAsync(Proposal);
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo" }).ClickAsync();
        await Expect(page.Locator(".done .message")).ToContainTextAsync("Đã gửi báo cáo lần 1");
        await Expect(page.Locator("#receipt .voice-difficulties")).ToContainTextAsync("kho lạnh chợ đầu mối quá tải.");
        await Expect(page.Locator("#receipt .voice-proposals")).ToContainTextAsync(Proposal);
        var stored = await fixture.App.GetJsonAsync($"/api/campaigns/{CampaignId}/units/ba-dinh-ubnd/submission");
        Assert.Equal(Difficulties, stored.GetProperty("difficulties").GetString());
        Assert.Equal(Proposal, stored.GetProperty("proposals").GetString());
        phone.AssertNoScriptErrors();
    }

    [Fact]
    public async Task A_note_the_server_refuses_is_shown_at_its_item_and_nothing_is_written()
    {
        var token = await fixture.App.MintLinkTokenAsync(CampaignId, "ba-dinh-cho");
        await using var phone = await fixture.NewPhoneAsync();
        var page = phone.Page;
        await page.GotoAsync($"/form?t={token}");
        await AnswerEveryItemAtOnceAsync(page);
        await FillSubmitterAsync(page);
        var third = page.Locator("fieldset.item").Nth(2);
        await third.Locator("summary").ClickAsync();
        await third.Locator("textarea").FillAsync(new string('x', 2001));
        await Expect(third.Locator(".counter")).ToHaveTextAsync("2001/2000 ký tự");

        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo" }).ClickAsync();

        await Expect(page.Locator(".error-summary")).ToBeFocusedAsync();
        await Expect(third.Locator(".field-error")).ToContainTextAsync("Ghi chú dài quá 2000 ký tự");
        await Expect(third.Locator("input[type=radio]").First).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator(".error-summary")).ToContainTextAsync("1.3");
        var stored = await fixture.App.SendAsync(HttpMethod.Get, $"/api/campaigns/{CampaignId}/units/ba-dinh-cho/submission", WebApp.CoordinatorPrincipal);
        Assert.Equal(HttpStatusCode.NotFound, stored.StatusCode);
        phone.AssertNoScriptErrors();
    }

    [Fact]
    public async Task A_stale_form_is_told_someone_else_submitted_and_resubmits_over_it_without_losing_what_was_typed()
    {
        var token = await fixture.App.MintLinkTokenAsync(CampaignId, "ba-vi-ttyt");
        await using var phone = await fixture.NewPhoneAsync();
        var page = phone.Page;
        await page.GotoAsync($"/form?t={token}");
        await AnswerEveryItemAtOnceAsync(page);
        await FillSubmitterAsync(page);
        await page.Locator("fieldset.item").First.GetByLabel("Chưa sẵn sàng").CheckAsync();

        // Meanwhile a colleague submits the same unit from another phone.
        await fixture.App.SubmitAsync(CampaignId, "ba-vi-ttyt", WebSeed.Answers(fixture.Campaign, firstStatus: "ready", submitterName: "Đồng nghiệp"), unitLink: token);
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo" }).ClickAsync();

        var outcome = page.Locator("#outcome");
        await Expect(outcome).ToContainTextAsync("vừa được người khác gửi");
        await Expect(page.Locator("fieldset.item").First.GetByLabel("Chưa sẵn sàng")).ToBeCheckedAsync();
        await outcome.GetByRole(AriaRole.Button, new() { Name = "Tải bản mới nhất, giữ câu trả lời của tôi" }).ClickAsync();
        await Expect(page.Locator("#outcome")).ToContainTextAsync("Đã tải lần 1");
        await Expect(page.Locator("fieldset.item").First.Locator(".latest")).ToHaveTextAsync("Lần 1 ghi: Sẵn sàng");
        await Expect(page.Locator("fieldset.item").First.GetByLabel("Chưa sẵn sàng")).ToBeCheckedAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo" }).ClickAsync();
        await Expect(page.Locator(".done .message")).ToContainTextAsync("Đã gửi báo cáo lần 2");
        var stored = await fixture.App.GetJsonAsync($"/api/campaigns/{CampaignId}/units/ba-vi-ttyt/submission");
        Assert.Equal(2, stored.GetProperty("revision").GetInt32());
        var firstItem = WebSeed.Items(fixture.Campaign).First().Id;
        Assert.Equal("not_ready", stored.GetProperty("answers").EnumerateArray().Single(a => a.GetProperty("itemId").GetString() == firstItem).GetProperty("status").GetString());
        phone.AssertNoScriptErrors();
    }

    [Fact]
    public async Task A_failed_connection_says_so_and_retry_sends_the_same_answers()
    {
        var token = await fixture.App.MintLinkTokenAsync(CampaignId, "ba-dinh-ttyt");
        await using var phone = await fixture.NewPhoneAsync();
        var page = phone.Page;
        await page.GotoAsync($"/form?t={token}");
        await AnswerEveryItemAtOnceAsync(page);
        await FillSubmitterAsync(page);
        await page.RouteAsync("**/submission", route => route.Request.Method == "PUT" ? route.AbortAsync("internetdisconnected") : route.ContinueAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo" }).ClickAsync();

        await Expect(page.Locator("#outcome")).ToContainTextAsync("mất kết nối");
        await page.UnrouteAllAsync();
        await page.Locator("#retry").ClickAsync();
        await Expect(page.Locator(".done .message")).ToContainTextAsync("Đã gửi báo cáo lần 1");
    }

    [Fact]
    public async Task A_signed_in_officer_gets_the_form_of_their_unit_and_submits_without_naming_a_submitter()
    {
        await using var phone = await fixture.NewPhoneAsync(WebApp.Principal("vanphong@hoan-kiem.invalid"));
        var page = phone.Page;

        await page.GotoAsync("/form");

        await Expect(page.Locator(".unit-name")).ToContainTextAsync("UBND Quận Hoàn Kiếm");
        await Expect(page.Locator("#account")).ToContainTextAsync("vanphong@hoan-kiem.invalid");
        Assert.EndsWith($"/form?c={CampaignId}&u=hoan-kiem-ubnd", page.Url, StringComparison.Ordinal);
        await AnswerEveryItemAtOnceAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo" }).ClickAsync();
        await Expect(page.Locator(".done .message")).ToContainTextAsync("Đã gửi báo cáo lần 1");
        phone.AssertNoScriptErrors();
    }

    [Fact]
    public async Task A_forged_link_is_refused_with_a_message()
    {
        var token = await fixture.App.MintLinkTokenAsync(CampaignId, "ba-dinh-ubnd");
        var forged = token[..^4] + (token[^4..] == "AAAA" ? "BBBB" : "AAAA");
        await using var phone = await fixture.NewPhoneAsync();
        var page = phone.Page;

        await page.GotoAsync($"/form?t={forged}");

        await Expect(page.Locator(".sign-in [role=alert]")).ToContainTextAsync("Liên kết này không dùng được");
        await Expect(page.Locator(".sign-in [role=alert]")).ToContainTextAsync("không hợp lệ");
        await Expect(page.Locator("#report")).ToHaveCountAsync(0);
        Assert.DoesNotContain("t=", page.Url, StringComparison.Ordinal);
        phone.AssertNoScriptErrors();
    }

    [Fact]
    public async Task An_expired_link_is_refused_with_a_message()
    {
        var signer = new UnitLinkSigner(Options.Create(new UnitLinkOptions { PrimaryKey = WebApp.LinkKey }), NullLogger<UnitLinkSigner>.Instance);
        var expired = signer.Sign(new UnitLink(CampaignId, "ba-dinh-ubnd", 0, DateTimeOffset.UtcNow.AddMinutes(-5)));
        await using var phone = await fixture.NewPhoneAsync();
        var page = phone.Page;

        await page.GotoAsync($"/form?t={expired}");

        await Expect(page.Locator(".sign-in [role=alert]")).ToContainTextAsync("đã hết hạn");
        await Expect(page.Locator("#report")).ToHaveCountAsync(0);
        phone.AssertNoScriptErrors();
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    /// <summary>Answers every item as a person would, by its label: mostly ready, some partial or not applicable.</summary>
    private static async Task AnswerEveryItemAsync(IPage page)
    {
        var labels = new[] { "Sẵn sàng", "Sẵn sàng", "Một phần", "Sẵn sàng", "Không áp dụng" };
        var items = page.Locator("fieldset.item");
        var count = await items.CountAsync();
        for (var i = 0; i < count; i++)
        {
            await items.Nth(i).GetByLabel(labels[i % labels.Length], new() { Exact = true }).CheckAsync();
        }
    }

    /// <summary>Every item "ready" in one round trip, for tests about what happens after the answers are in.</summary>
    private static async Task AnswerEveryItemAtOnceAsync(IPage page)
    {
        await Expect(page.Locator("#readiness-value")).ToHaveTextAsync("—");
        var answered = await page.Locator("fieldset.item input[value=ready]").EvaluateAllAsync<int>("inputs => { inputs.forEach(input => input.click()); return inputs.length; }");
        Assert.Equal(25, answered);
        await Expect(page.Locator("#readiness-value")).ToHaveTextAsync("100%");
    }

    private static async Task FillSubmitterAsync(IPage page)
    {
        await page.GetByLabel("Họ và tên").FillAsync("Nguyễn Thị Hoa");
        await page.GetByLabel("Chức vụ").FillAsync("Chuyên viên");
        await page.GetByLabel("Số điện thoại").FillAsync("0987 654 321");
    }
}
