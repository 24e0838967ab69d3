using TetReadiness.Reviews;

namespace TetReadiness.Tests.Reviews;

public sealed class ReviewNoticeEmailTests
{
    private static readonly DateTimeOffset Deadline = new(2024, 1, 31, 23, 59, 59, TimeSpan.FromHours(7));
    private const string FormUrl = "https://tet.example.invalid/form?t=abc.def";

    [Fact]
    public void A_returned_report_goes_to_the_officers_with_the_comment_quoted_the_link_the_campaign_and_the_deadline()
    {
        var notice = ReviewNoticeEntity.For(ReviewNoticeSamples.Returned(), ReviewNoticeSamples.At);

        var email = ReviewNoticeEmail.Returned(notice, ["vanphong@ba-dinh.invalid"], "Chuẩn bị Tết Giáp Thìn 2024", Deadline, FormUrl);

        Assert.Equal(["vanphong@ba-dinh.invalid"], email.To);
        Assert.Empty(email.Cc);
        Assert.Equal("[Báo cáo được trả lại] Chuẩn bị Tết Giáp Thìn 2024: UBND Quận Ba Đình", email.Subject);
        Assert.Equal("review-returned", email.Category);
        Assert.Contains("Kính gửi UBND Quận Ba Đình (Quận Ba Đình),", email.PlainText);
        Assert.Contains("trả lại báo cáo lần gửi thứ 1", email.PlainText);
        Assert.Contains("> Mục PCCC tại chợ: bổ sung số bình chữa cháy đã kiểm tra.\n> Ghi rõ ngày kiểm tra <script>.", email.PlainText.ReplaceLineEndings("\n"));
        Assert.Contains("Chiến dịch: Chuẩn bị Tết Giáp Thìn 2024", email.PlainText);
        Assert.Contains("Hạn báo cáo: 31/01/2024 23:59", email.PlainText);
        Assert.Contains("Mở biểu mẫu để chỉnh sửa và gửi lại: " + FormUrl, email.PlainText);
        // Vietnamese first, one English line after it.
        var lines = email.PlainText.ReplaceLineEndings("\n").TrimEnd().Split('\n');
        Assert.StartsWith("English: the coordinator returned your report (revision 1)", lines[^1]);
        Assert.True(email.PlainText.IndexOf("English:", StringComparison.Ordinal) > email.PlainText.IndexOf("Kính gửi", StringComparison.Ordinal));

        Assert.Contains("&lt;script&gt;.</blockquote>", email.Html);
        Assert.DoesNotContain("<script>", email.Html);
        Assert.Contains($"href=\"{FormUrl}\"", email.Html);
    }

    [Fact]
    public void A_reopened_report_says_it_was_reopened()
    {
        var notice = ReviewNoticeEntity.For(ReviewNoticeSamples.Returned(decision: ReviewDecisions.Reopened), ReviewNoticeSamples.At);

        var email = ReviewNoticeEmail.Returned(notice, ["vanphong@ba-dinh.invalid"], "Tết 2024", Deadline, FormUrl);

        Assert.Equal("[Báo cáo được mở lại] Tết 2024: UBND Quận Ba Đình", email.Subject);
        Assert.Contains("đã mở lại báo cáo lần gửi thứ 1", email.PlainText);
        Assert.Contains("English: the coordinator reopened your accepted report", email.PlainText);
        Assert.Equal("review-reopened", email.Category);
    }

    [Fact]
    public void A_reopen_request_goes_to_the_coordinators_with_the_reason_quoted_and_the_dashboard()
    {
        var notice = ReviewNoticeEntity.For(ReviewNoticeSamples.ReopenRequested(), ReviewNoticeSamples.At);

        var email = ReviewNoticeEmail.ReopenRequested(notice, ["dieuphoi@ba-dinh.invalid"], "Tết 2024", "https://tet.example.invalid/status?c=tet-2024&d=ba-dinh");

        Assert.Equal(["dieuphoi@ba-dinh.invalid"], email.To);
        Assert.Equal("[Đề nghị mở lại báo cáo] Tết 2024: Trung tâm Y tế Ba Đình", email.Subject);
        Assert.Contains("Lý do đơn vị nêu:\n> " + ReviewNoticeSamples.Reason, email.PlainText.ReplaceLineEndings("\n"));
        Assert.Contains("Mở trang theo dõi: https://tet.example.invalid/status?c=tet-2024&d=ba-dinh", email.PlainText);
        Assert.Contains("English: Trung tâm Y tế Ba Đình asks to reopen", email.PlainText);
        Assert.Contains("href=\"https://tet.example.invalid/status?c=tet-2024&amp;d=ba-dinh\"", email.Html);
        Assert.Equal("review-reopen-requested", email.Category);
    }

    [Fact]
    public void The_row_key_is_the_transition_so_one_transition_is_one_notice()
    {
        var first = ReviewNoticeEntity.For(ReviewNoticeSamples.Returned(sequence: 7), ReviewNoticeSamples.At);
        var again = ReviewNoticeEntity.For(ReviewNoticeSamples.Returned(sequence: 7), ReviewNoticeSamples.At.AddHours(3));

        Assert.Equal(("tet-2024", "ba-dinh-ubnd|000007"), (first.PartitionKey, first.RowKey));
        Assert.Equal(first.RowKey, again.RowKey);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(48, true)]
    [InlineData(49, false)]
    public void A_notice_is_due_for_48_hours_after_its_review(int hoursLater, bool due)
    {
        var notice = ReviewNoticeEntity.For(ReviewNoticeSamples.Returned(), ReviewNoticeSamples.At);

        Assert.Equal(due, ReviewNoticeOutboxKind.IsStillDue(notice, ReviewNoticeSamples.At.AddHours(hoursLater)));
    }
}
