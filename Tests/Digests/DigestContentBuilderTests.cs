using TetReadiness.Digests;
using TetReadiness.Reminders;
using TetReadiness.Status;

namespace TetReadiness.Tests.Digests;

public sealed class DigestContentBuilderTests
{
    private static readonly DigestScope City = DigestScope.City(DigestSamples.CampaignId);
    private static readonly DigestScope BaDinh = DigestScope.District(DigestSamples.CampaignId, "ba-dinh");

    [Fact]
    public void City_section_counts_every_unit_as_the_status_api_does()
    {
        var section = DigestContentBuilder.Section(City, DigestSamples.Data(), DigestSamples.Now, DigestSamples.BaseUrl);

        Assert.Equal("Toàn thành phố", section.ScopeName);
        Assert.Equal((5, 2, 1, 1, 3), (section.Status.Units, section.Status.Reported, section.Status.OnTime, section.Status.Late, section.Status.Missing));
        Assert.Equal(0.375, section.Status.Readiness!.Value, 6);
        Assert.Equal(["ba-dinh", "ba-vi", "ung-hoa"], section.Status.Districts.Select(d => d.DistrictId));
        Assert.Equal("https://tetreadiness.example.vn/status?c=tet-2027", section.StatusUrl);
    }

    [Fact]
    public void Missing_units_are_named_with_days_overdue_and_the_reminders_they_have_had()
    {
        var section = DigestContentBuilder.Section(City, DigestSamples.Data(), DigestSamples.Now, DigestSamples.BaseUrl);

        Assert.Equal(
            [
                new MissingUnit("ba-dinh-ttyt", "Trung tâm Y tế Ba Đình", "Quận Ba Đình", 2, 2, DigestSamples.At(26, 8), false),
                new MissingUnit("ba-vi-ubnd", "UBND Huyện Ba Vì", "Huyện Ba Vì", 2, 0, null, false),
                new MissingUnit("ung-hoa-chu", "Ban quản lý chợ Vân Đình", "Huyện Ứng Hòa", 2, 0, null, true),
            ],
            section.Missing);
    }

    [Fact]
    public void A_failed_reminder_with_no_recipients_marks_the_unit_as_having_no_email()
    {
        var history = ReminderHistory.ByUnit(DigestSamples.Reminders());

        Assert.True(history["ung-hoa-chu"].NoEmail);
        Assert.False(history["ba-dinh-ttyt"].NoEmail);
        Assert.Equal(2, history["ba-dinh-ttyt"].Sent);
        Assert.Equal(DigestSamples.At(26, 8), history["ba-dinh-ttyt"].LastSentAt);
        Assert.Equal(0, history["ba-vi-ubnd"].Sent);
    }

    [Fact]
    public void Least_ready_items_come_lowest_first_without_not_applicable_answers_or_fully_ready_items()
    {
        var section = DigestContentBuilder.Section(City, DigestSamples.Data(), DigestSamples.Now, DigestSamples.BaseUrl);

        Assert.Equal(["an-sinh-qua-tet", "pccc-phuong-tien"], section.LeastReady.Select(i => i.ItemId));
        var gifts = section.LeastReady[0];
        Assert.Equal(("Tặng quà Tết hộ nghèo", "Chăm lo hộ nghèo", 0.0, 1, 1, 0), (gifts.ItemText, gifts.SectionTitle, gifts.Readiness, gifts.Answered, gifts.NotReady, gifts.Partial));
        var equipment = section.LeastReady[1];
        Assert.Equal((0.25, 2, 1, 1), (equipment.Readiness, equipment.Answered, equipment.NotReady, equipment.Partial));
        Assert.Equal([new ItemNote("UBND Huyện Ứng Hòa", "Thiếu bình chữa cháy ở cổng chợ")], equipment.Notes);
    }

    [Fact]
    public void Answers_of_units_outside_the_scope_or_of_items_no_longer_in_the_checklist_are_left_out()
    {
        var answers = DigestSamples.Answers().Append(new TetReadiness.Submissions.LatestAnswer(
            UnitId: "ba-dinh-ubnd",
            DistrictId: string.Empty,
            ItemId: "muc-cu",
            SectionId: string.Empty,
            Status: TetReadiness.Submissions.AnswerStatus.NotReady,
            Note: null,
            SubmittedAt: default)).ToList();

        var section = DigestContentBuilder.Section(BaDinh, DigestSamples.Data(answers: answers), DigestSamples.Now, DigestSamples.BaseUrl);

        Assert.Equal("Quận Ba Đình", section.ScopeName);
        Assert.Equal(["an-sinh-qua-tet", "pccc-phuong-tien"], section.LeastReady.Select(i => i.ItemId));
        Assert.All(section.LeastReady, item => Assert.Empty(item.Notes));
        Assert.Equal(1, section.LeastReady[1].Answered);
        Assert.Equal(["ba-dinh-ttyt"], section.Missing.Select(m => m.UnitId));
        Assert.Equal((2, 1), (section.Status.Units, section.Status.Reported));
        Assert.Equal("https://tetreadiness.example.vn/status?c=tet-2027&d=ba-dinh", section.StatusUrl);
    }

    [Fact]
    public void Changes_compare_with_the_previous_snapshot_and_name_the_units_that_reported_in_the_last_24_hours()
    {
        var city = DigestContentBuilder.Section(City, DigestSamples.Data(), DigestSamples.Now, DigestSamples.BaseUrl).Changes;
        var baDinh = DigestContentBuilder.Section(BaDinh, DigestSamples.Data(), DigestSamples.Now, DigestSamples.BaseUrl).Changes;

        Assert.Equal((new DateOnly(2026, 11, 26), 1, 0.5), (city.PreviousDate!.Value, city.PreviousReported!.Value, city.PreviousReadiness!.Value));
        var recent = Assert.Single(city.ReportedRecently);
        Assert.Equal(("UBND Huyện Ứng Hòa", "Huyện Ứng Hòa", false), (recent.UnitName, recent.DistrictName, recent.OnTime));
        Assert.Equal(1, baDinh.PreviousReported);
        Assert.Empty(baDinh.ReportedRecently);
    }

    [Fact]
    public void Without_a_previous_snapshot_there_is_nothing_to_compare()
    {
        var section = DigestContentBuilder.Section(City, DigestSamples.Data(previous: []), DigestSamples.Now, DigestSamples.BaseUrl);

        Assert.Null(section.Changes.PreviousDate);
        Assert.Null(section.Changes.PreviousReported);
    }

    [Fact]
    public void Review_work_is_counted_per_scope_from_each_reports_review_state()
    {
        var data = DigestSamples.Data(reports: DigestSamples.ReviewedReports());

        var city = DigestContentBuilder.Section(City, data, DigestSamples.Now, DigestSamples.BaseUrl).Reviews;
        var baDinh = DigestContentBuilder.Section(BaDinh, data, DigestSamples.Now, DigestSamples.BaseUrl).Reviews;

        Assert.Equal(2, city.AwaitingReview);
        Assert.Equal([new DigestUnit("ba-dinh-ubnd", "UBND Quận Ba Đình", "Quận Ba Đình")], city.Returned);
        Assert.Equal([new DigestUnit("ung-hoa-ubnd", "UBND Huyện Ứng Hòa", "Huyện Ứng Hòa")], city.ReopenRequested);
        Assert.Equal((1, 1, 0), (baDinh.AwaitingReview, baDinh.Returned.Count, baDinh.ReopenRequested.Count));
    }

    [Fact]
    public void Reports_never_reviewed_all_await_review_and_none_is_returned()
    {
        var reviews = DigestContentBuilder.Section(City, DigestSamples.Data(), DigestSamples.Now, DigestSamples.BaseUrl).Reviews;

        Assert.Equal((2, 0, 0), (reviews.AwaitingReview, reviews.Returned.Count, reviews.ReopenRequested.Count));
    }

    [Fact]
    public void Difficulties_and_proposals_are_counted_per_scope_and_the_newest_five_of_each_quoted_with_the_units_roster_name()
    {
        var units = DigestSamples.Units()
            .Concat(Enumerable.Range(1, 4).Select(i => new TetReadiness.Roster.RosterUnit($"ba-dinh-p{i}", $"UBND Phường {i}", "ba-dinh", "Quận Ba Đình", [])))
            .ToList();
        var remarks = new[]
        {
            DigestSamples.Remark("ba-dinh-ubnd", 20, 9, "Thiếu bình chữa cháy.", "Hỗ trợ kinh phí."),
            DigestSamples.Remark("ba-dinh-ttyt", 27, 8, "Thiếu thuốc dự phòng."),
            DigestSamples.Remark("ba-dinh-p1", 21, 9, "Khó khăn 1."),
            DigestSamples.Remark("ba-dinh-p2", 22, 9, "Khó khăn 2."),
            DigestSamples.Remark("ba-dinh-p3", 23, 9, "Khó khăn 3."),
            DigestSamples.Remark("ba-dinh-p4", 24, 9, null, "Đề xuất 4."),
            DigestSamples.Remark("ung-hoa-ubnd", 26, 9, "Đường vào chợ hẹp."),
            DigestSamples.Remark("da-roi-danh-sach", 27, 9, "Đơn vị không còn trong danh sách."),
        };
        var data = DigestSamples.Data(units: units, remarks: remarks);

        var city = DigestContentBuilder.Section(City, data, DigestSamples.Now, DigestSamples.BaseUrl).Remarks;
        var baDinh = DigestContentBuilder.Section(BaDinh, data, DigestSamples.Now, DigestSamples.BaseUrl).Remarks;

        Assert.Equal((6, 2), (city.DifficultiesCount, city.ProposalsCount));
        Assert.Equal(["ba-dinh-ttyt", "ung-hoa-ubnd", "ba-dinh-p3", "ba-dinh-p2", "ba-dinh-p1"], city.Difficulties.Select(r => r.Unit.UnitId));
        Assert.Equal(["ba-dinh-p4", "ba-dinh-ubnd"], city.Proposals.Select(r => r.Unit.UnitId));
        var newest = city.Difficulties[0];
        Assert.Equal(("Trung tâm Y tế Ba Đình", "Quận Ba Đình", DigestSamples.At(27, 8), "Thiếu thuốc dự phòng."), (newest.Unit.UnitName, newest.Unit.DistrictName, newest.SubmittedAt, newest.Excerpt));
        Assert.Equal((5, 2), (baDinh.DifficultiesCount, baDinh.ProposalsCount));
        Assert.DoesNotContain(baDinh.Difficulties, r => r.Unit.UnitId == "ung-hoa-ubnd");
    }

    [Fact]
    public void Without_difficulties_or_proposals_the_counts_are_zero()
    {
        var remarks = DigestContentBuilder.Section(City, DigestSamples.Data(), DigestSamples.Now, DigestSamples.BaseUrl).Remarks;

        Assert.Equal((0, 0, 0, 0), (remarks.DifficultiesCount, remarks.Difficulties.Count, remarks.ProposalsCount, remarks.Proposals.Count));
    }

    [Fact]
    public void An_excerpt_is_one_line_and_a_long_text_is_cut_near_300_characters_at_a_word()
    {
        Assert.Equal("Thiếu bình. Chợ tạm chưa có lối thoát hiểm.", DigestContentBuilder.Excerpt("Thiếu bình.\n\n  Chợ tạm   chưa có lối thoát hiểm.\t"));

        var words = string.Join(' ', Enumerable.Repeat("vướng mắc", 100)); // 999 characters
        var excerpt = DigestContentBuilder.Excerpt(words);

        Assert.EndsWith("mắc…", excerpt);
        Assert.InRange(excerpt.Length, 260, 301);

        // Counted as a reader counts: 400 letters typed with combining marks are 400, not 1,200.
        var decomposed = string.Concat(Enumerable.Repeat("e\u0302\u0323", 400));
        Assert.Equal(300, new System.Globalization.StringInfo(DigestContentBuilder.Excerpt(decomposed)[..^1]).LengthInTextElements);
    }

    [Fact]
    public void Sections_follow_the_planned_scopes_and_skip_campaigns_that_are_gone()
    {
        var content = DigestContentBuilder.Build(
            "dieuphoi@ba-dinh.invalid",
            DigestSamples.Today,
            DigestSamples.Now,
            [BaDinh, DigestScope.City("da-xoa"), City],
            new Dictionary<string, DigestCampaignData> { [DigestSamples.CampaignId] = DigestSamples.Data() },
            DigestSamples.BaseUrl);

        Assert.Equal([BaDinh, City], content.Sections.Select(s => s.Scope));
        Assert.Equal(DigestSamples.Now, content.AsOf);
    }
}
