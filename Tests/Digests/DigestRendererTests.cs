using System.Text.RegularExpressions;
using TetReadiness.Digests;

namespace TetReadiness.Tests.Digests;

public sealed class DigestRendererTests
{
    private static readonly DigestScope City = DigestScope.City(DigestSamples.CampaignId);
    private static readonly DigestScope BaDinh = DigestScope.District(DigestSamples.CampaignId, "ba-dinh");

    [Fact]
    public void Subject_is_vietnamese_with_the_date_written_dd_MM_yyyy()
    {
        var email = DigestRenderer.Render(Content());

        Assert.Equal("Báo cáo tiến độ sẵn sàng Tết – 27/11/2026", email.Subject);
        Assert.Equal(["sonoivu@hanoi.invalid"], email.To);
        Assert.Empty(email.Cc);
        Assert.Equal("digest", email.Category);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("\"><img src=x onerror=alert(1)>")]
    public void Markup_in_a_unit_name_district_name_note_or_item_is_rendered_as_text(string attack)
    {
        var campaign = DigestSamples.Campaign(title: "Tết " + attack) with { Checklist = DigestSamples.Checklist(fireItemText: "PCCC " + attack) };
        var units = DigestSamples.Units(unitName: "UBND " + attack, districtName: "Quận " + attack);
        // Not ready, with a note, so the item, its text and the unit's name all appear among the least-ready items.
        var answers = DigestSamples.Answers(note: "Ghi chú " + attack)
            .Select(a => a.ItemId == "pccc-cho" ? a with { Status = TetReadiness.Submissions.AnswerStatus.NotReady, Note = "Ghi chú " + attack } : a)
            .ToList();

        var data = DigestSamples.Data(campaign, units, answers);

        var html = DigestRenderer.Html(Content(data, City, BaDinh));

        Assert.DoesNotContain(attack, html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        var encoded = System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All).Encode(attack);
        Assert.Contains("UBND " + encoded, html);
        Assert.Contains("Quận " + encoded, html);
        Assert.Contains("Ghi chú " + encoded, html);
        Assert.Contains("PCCC " + encoded, html);
        Assert.Contains("Tết " + encoded, html);
        Assert.Contains("UBND " + attack, DigestRenderer.PlainText(Content(data, City)));
    }

    [Fact]
    public void Html_is_tables_and_inline_styles_with_no_scripts_styles_images_or_outside_links()
    {
        var html = DigestRenderer.Html(Content(DigestSamples.Data(), City, BaDinh));

        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("<html lang=\"vi\">", html);
        Assert.Contains("<meta charset=\"utf-8\">", html);
        Assert.Contains("<table role=\"presentation\"", html);
        foreach (var forbidden in new[] { "<script", "<style", "<link", "<img", "<iframe", "javascript:", "url(", "class=\"" })
        {
            Assert.DoesNotContain(forbidden, html, StringComparison.OrdinalIgnoreCase);
        }

        var links = Regex.Matches(html, "(?:href|src)=\"([^\"]*)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(
            ["https://tetreadiness.example.vn/status?c=tet-2027", "https://tetreadiness.example.vn/status?c=tet-2027&amp;d=ba-dinh"],
            links);
    }

    [Fact]
    public void Each_district_gets_a_progress_bar_as_wide_as_its_reporting_rate()
    {
        var html = DigestRenderer.Html(Content(DigestSamples.Data(), City));

        // Ba Đình 1 of 2, Ba Vì 0 of 1, Ứng Hòa 1 of 2.
        Assert.Equal(2, Regex.Matches(html, "<td width=\"50%\" style=\"background:#d97706;height:10px").Count);
        Assert.Contains("Tiến độ theo địa bàn", html);
        Assert.Contains(">0/1<", html);
    }

    [Fact]
    public void Both_parts_name_the_missing_units_with_overdue_days_reminders_and_missing_email()
    {
        var content = Content(DigestSamples.Data(), City);
        var html = DigestRenderer.Html(content);
        var text = DigestRenderer.PlainText(content);

        Assert.Contains("Đơn vị chưa báo cáo (3)", html);
        Assert.Contains("Trung tâm Y tế Ba Đình", html);
        Assert.Contains("2 ngày", html);
        Assert.Contains("2 lần", html);
        Assert.Contains("26/11/2026 08:00", html);
        Assert.Contains("chưa có email", html);
        Assert.Contains("Đơn vị chưa báo cáo (3):", text);
        Assert.Contains("  - Trung tâm Y tế Ba Đình (Quận Ba Đình): 2 ngày; đã nhắc 2 lần; nhắc lần cuối 26/11/2026 08:00", text);
        Assert.Contains("  - Ban quản lý chợ Vân Đình (Huyện Ứng Hòa): 2 ngày; chưa nhắc, chưa có email; nhắc lần cuối —", text);
    }

    [Fact]
    public void Plain_text_part_carries_the_numbers_the_changes_and_the_least_ready_items_in_vietnamese()
    {
        var text = DigestRenderer.PlainText(Content(DigestSamples.Data(), City));

        Assert.Contains("Chuẩn bị Tết Đinh Mùi 2027 – Toàn thành phố", text);
        Assert.Contains("Hạn báo cáo: 25/11/2026 23:59", text);
        Assert.Contains("Đã báo cáo: 2/5 đơn vị (40%)", text);
        Assert.Contains("Đúng hạn: 1 · Trễ hạn: 1 · Chưa báo cáo: 3", text);
        Assert.Contains("Mức sẵn sàng trung bình: 38%", text);
        Assert.Contains("So với ngày 26/11/2026: đã báo cáo 1 → 2 (+1 đơn vị); mức sẵn sàng trung bình 50% → 38%.", text);
        Assert.Contains("  - UBND Huyện Ứng Hòa (Huyện Ứng Hòa), 27/11/2026 10:00, trễ hạn", text);
        Assert.Contains("  - Tặng quà Tết hộ nghèo [Chăm lo hộ nghèo]: sẵn sàng 0%; chưa sẵn sàng 1, một phần 0 / 1 đơn vị", text);
        Assert.Contains("      Ghi chú – UBND Huyện Ứng Hòa: Thiếu bình chữa cháy ở cổng chợ", text);
        Assert.Contains("Xem chi tiết: https://tetreadiness.example.vn/status?c=tet-2027", text);
        Assert.Contains("Số liệu tính đến 27/11/2026 17:00 (giờ Việt Nam).", text);
    }

    [Fact]
    public void Both_parts_say_how_many_reports_await_review_and_name_the_returned_and_those_asking_to_reopen()
    {
        var content = Content(DigestSamples.Data(reports: DigestSamples.ReviewedReports()), City);
        var html = DigestRenderer.Html(content);
        var text = DigestRenderer.PlainText(content);

        Assert.Contains("<h3 style=\"margin:16px 0 6px;font-size:15px\">Duyệt báo cáo</h3>", html);
        Assert.Contains("Chờ duyệt: 2 báo cáo.", html);
        Assert.Contains("Đã trả lại, chưa gửi lại (1):</span> <strong>UBND Quận Ba Đình</strong> (Quận Ba Đình)", html);
        Assert.Contains("Đề nghị mở lại (1):</span> <strong>UBND Huyện Ứng Hòa</strong> (Huyện Ứng Hòa)", html);
        Assert.Contains("Duyệt báo cáo:\n  Chờ duyệt: 2 báo cáo.\n  Đã trả lại, chưa gửi lại (1): UBND Quận Ba Đình (Quận Ba Đình)\n  Đề nghị mở lại (1): UBND Huyện Ứng Hòa (Huyện Ứng Hòa)", text.ReplaceLineEndings("\n"));

        var quiet = DigestRenderer.PlainText(Content(DigestSamples.Data(), BaDinh));
        Assert.Contains("Chờ duyệt: 1 báo cáo.", quiet);
        Assert.Contains("Đã trả lại, chưa gửi lại: không có.", quiet);
        Assert.Contains("Đề nghị mở lại: không có.", quiet);
    }

    [Fact]
    public void A_scope_where_nobody_has_reported_has_no_review_part()
    {
        var content = Content(DigestSamples.Data(reports: new Dictionary<string, TetReadiness.Submissions.UnitReport>()), City);

        Assert.DoesNotContain("Duyệt báo cáo", DigestRenderer.Html(content));
        Assert.DoesNotContain("Duyệt báo cáo", DigestRenderer.PlainText(content));
    }

    [Fact]
    public void Both_parts_quote_the_newest_difficulties_and_proposals_with_the_units_name_and_say_how_many_more()
    {
        var units = DigestSamples.Units().Concat(Enumerable.Range(1, 6).Select(i => new TetReadiness.Roster.RosterUnit($"ba-vi-x{i}", $"UBND Xã {i}", "ba-vi", "Huyện Ba Vì", []))).ToList();
        var remarks = Enumerable.Range(1, 6).Select(i => DigestSamples.Remark($"ba-vi-x{i}", 20 + i, 9, $"Khó khăn của xã {i}."))
            .Append(DigestSamples.Remark("ba-dinh-ubnd", 27, 16, "Chợ tạm chưa có lối thoát hiểm.\nThiếu 5 bình.", "Đề nghị Sở Công Thương hỗ trợ."))
            .ToList();
        var content = Content(DigestSamples.Data(units: units, remarks: remarks), City);
        var html = DigestRenderer.Html(content);
        var text = DigestRenderer.PlainText(content).ReplaceLineEndings("\n");

        Assert.Contains("Khó khăn, vướng mắc (7 đơn vị nêu)</h3>", html);
        Assert.Contains("<strong>UBND Quận Ba Đình</strong> <span style=\"font-size:12px;color:#6b7280;\">(Quận Ba Đình, 27/11/2026 16:00)</span>: <em>Chợ tạm chưa có lối thoát hiểm. Thiếu 5 bình.</em>", html);
        Assert.Contains("Khó khăn của xã 6.", html);
        Assert.DoesNotContain("Khó khăn của xã 2.", html);
        Assert.Contains("… và 2 đơn vị khác; xem đầy đủ trên trang tiến độ.", html);
        Assert.Contains("Đề xuất, kiến nghị (1 đơn vị nêu)</h3>", html);
        Assert.Contains("Khó khăn, vướng mắc (7 đơn vị nêu):\n  - UBND Quận Ba Đình (Quận Ba Đình, 27/11/2026 16:00): Chợ tạm chưa có lối thoát hiểm. Thiếu 5 bình.\n  - UBND Xã 6 (Huyện Ba Vì, 26/11/2026 09:00): Khó khăn của xã 6.", text);
        Assert.Contains("Đề xuất, kiến nghị (1 đơn vị nêu):\n  - UBND Quận Ba Đình (Quận Ba Đình, 27/11/2026 16:00): Đề nghị Sở Công Thương hỗ trợ.", text);

        var none = Content(DigestSamples.Data(), City);
        Assert.Contains("Chưa có đơn vị nào nêu khó khăn, vướng mắc hay đề xuất, kiến nghị.", DigestRenderer.Html(none));
        Assert.Contains("Chưa có đơn vị nào nêu khó khăn, vướng mắc hay đề xuất, kiến nghị.", DigestRenderer.PlainText(none));
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("\"><img src=x onerror=alert(1)>")]
    public void Markup_in_difficulties_and_proposals_is_rendered_as_text(string attack)
    {
        var data = DigestSamples.Data(remarks: [DigestSamples.Remark("ba-dinh-ubnd", 27, 9, "Khó khăn " + attack, "Đề xuất " + attack)]);

        var html = DigestRenderer.Html(Content(data, City));

        Assert.DoesNotContain(attack, html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        var encoded = System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All).Encode(attack);
        Assert.Contains("Khó khăn " + encoded, html);
        Assert.Contains("Đề xuất " + encoded, html);
    }

    [Fact]
    public void A_person_with_several_scopes_gets_a_section_for_each_in_one_email()
    {
        var content = Content(DigestSamples.Data(), BaDinh, City);
        var html = DigestRenderer.Html(content);

        Assert.Equal(2, Regex.Matches(html, "<h2 ").Count);
        Assert.True(html.IndexOf("Chuẩn bị Tết Đinh Mùi 2027 – Quận Ba Đình", StringComparison.Ordinal) < html.IndexOf("Chuẩn bị Tết Đinh Mùi 2027 – Toàn thành phố", StringComparison.Ordinal));
        Assert.Contains("gồm 2 phần", html);
        Assert.Contains("So với ngày 26/11/2026: đã báo cáo 1 → 1 (không đổi)", html);
    }

    private static DigestContent Content() => Content(DigestSamples.Data(), City);

    private static DigestContent Content(DigestCampaignData data, params DigestScope[] scopes) =>
        DigestContentBuilder.Build(
            "sonoivu@hanoi.invalid",
            DigestSamples.Today,
            DigestSamples.Now,
            scopes,
            new Dictionary<string, DigestCampaignData> { [DigestSamples.CampaignId] = data },
            DigestSamples.BaseUrl);
}
