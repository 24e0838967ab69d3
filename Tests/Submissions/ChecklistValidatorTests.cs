using TetReadiness.Campaigns;
using TetReadiness.Submissions;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Submissions;

public sealed class ChecklistValidatorTests
{
    private static readonly Checklist Checklist = CampaignValidator.Validate("tet-2024", Seed.Campaign()).Campaign!.Checklist;

    private static SubmissionRequest.AnswerRequest Answer(string? itemId, string? status = "ready", string? note = null) =>
        new() { ItemId = itemId, Status = status, Note = note };

    private static SubmissionRequest Request(params SubmissionRequest.AnswerRequest?[] answers) => new() { Answers = [.. answers] };

    private static IReadOnlyDictionary<string, string[]> ErrorsOf(SubmissionRequest request, bool requireSubmitter = false) =>
        ChecklistValidator.Validate(Checklist, request, requireSubmitter).Errors.InBothLanguages();

    [Fact]
    public void A_complete_report_gives_one_answer_per_item_with_its_section()
    {
        var (answers, submitter, errors) = ChecklistValidator.Validate(Checklist, Seed.Answers(), requireSubmitter: false);

        Assert.Empty(errors);
        Assert.Null(submitter);
        Assert.Equal(
            [("pccc-cho", "pccc", AnswerStatus.Ready), ("pccc-phuong-tien", "pccc", AnswerStatus.Partial), ("an-sinh-qua-tet", "an-sinh", AnswerStatus.NotReady)],
            answers.Select(a => (a.ItemId, a.SectionId, a.Status)));
    }

    [Fact]
    public void Optional_items_may_be_left_out()
    {
        var (answers, _, errors) = ChecklistValidator.Validate(Checklist, Request(Answer("pccc-cho"), Answer("an-sinh-qua-tet", "not_applicable")), false);

        Assert.Empty(errors);
        Assert.Equal(2, answers.Count);
    }

    [Theory]
    [InlineData("khong-co")]
    [InlineData("PCCC-CHO")]
    [InlineData("../x")]
    [InlineData("")]
    [InlineData(null)]
    public void An_unknown_item_is_refused(string? itemId)
    {
        var errors = ErrorsOf(Request(Answer("pccc-cho"), Answer("an-sinh-qua-tet"), Answer(itemId)));

        Assert.Contains("Unknown item", Assert.Single(errors["answers[2].itemId"]), StringComparison.Ordinal);
        Assert.Single(errors);
    }

    [Fact]
    public void An_item_answered_twice_is_refused()
    {
        var errors = ErrorsOf(Request(Answer("pccc-cho"), Answer("an-sinh-qua-tet"), Answer("pccc-cho", "partial")));

        Assert.Contains("Duplicate", Assert.Single(errors["items.pccc-cho"]), StringComparison.Ordinal);
        Assert.Single(errors);
    }

    [Fact]
    public void A_missing_required_item_is_refused()
    {
        var errors = ErrorsOf(Request(Answer("pccc-cho"), Answer("pccc-phuong-tien")));

        Assert.Contains("Required item missing", Assert.Single(errors["items.an-sinh-qua-tet"]), StringComparison.Ordinal);
        Assert.Single(errors);
    }

    [Fact]
    public void A_report_without_answers_is_refused()
    {
        var errors = ErrorsOf(new SubmissionRequest());

        Assert.Equal(["answers"], errors.Keys);
    }

    [Fact]
    public void A_null_answer_is_refused()
    {
        var errors = ErrorsOf(Request(Answer("pccc-cho"), null, Answer("an-sinh-qua-tet")));

        Assert.Equal(["answers[1]"], errors.Keys);
    }

    [Theory]
    [InlineData("done")]
    [InlineData("READY")]
    [InlineData("not ready")]
    [InlineData("")]
    [InlineData(null)]
    public void A_bad_status_is_refused_listing_the_good_ones(string? status)
    {
        var errors = ErrorsOf(Request(Answer("pccc-cho", status), Answer("an-sinh-qua-tet")));

        var message = Assert.Single(errors["items.pccc-cho"]);
        Assert.Contains("ready, partial, not_ready, not_applicable", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_status_name_is_accepted()
    {
        foreach (var status in AnswerStatusNames.All)
        {
            Assert.Empty(ErrorsOf(Request(Answer("pccc-cho", status), Answer("an-sinh-qua-tet", status))));
        }
    }

    [Fact]
    public void A_note_of_2000_characters_is_accepted_and_one_of_2001_is_refused()
    {
        Assert.Empty(ErrorsOf(Request(Answer("pccc-cho", note: new string('x', 2000)), Answer("an-sinh-qua-tet"))));

        var errors = ErrorsOf(Request(Answer("pccc-cho", note: new string('x', 2001)), Answer("an-sinh-qua-tet")));
        Assert.Contains("2000", Assert.Single(errors["items.pccc-cho"]), StringComparison.Ordinal);
    }

    [Fact]
    public void A_note_may_hold_line_breaks_and_is_trimmed_and_normalised()
    {
        var (answers, _, errors) = ChecklistValidator.Validate(
            Checklist, Request(Answer("pccc-cho", note: "  Đã kiểm tra.\r\nCòn thiếu 2 bình ba\u0300 ca\u0301c.\n\tGhi chú thêm  "), Answer("an-sinh-qua-tet")), false);

        Assert.Empty(errors);
        Assert.Equal("Đã kiểm tra.\r\nCòn thiếu 2 bình bà các.\n\tGhi chú thêm", answers[0].Note);
    }

    [Fact]
    public void An_empty_note_is_stored_as_no_note()
    {
        var (answers, _, _) = ChecklistValidator.Validate(Checklist, Request(Answer("pccc-cho", note: "   "), Answer("an-sinh-qua-tet")), false);

        Assert.Null(answers[0].Note);
    }

    [Theory]
    [InlineData("a\u0000b")]
    [InlineData("a\u0007b")]
    [InlineData("a\u001bb")]
    [InlineData("a\u007fb")]
    public void A_note_with_control_characters_is_refused(string note)
    {
        var errors = ErrorsOf(Request(Answer("pccc-cho", note: note), Answer("an-sinh-qua-tet")));

        Assert.Contains("control characters", Assert.Single(errors["items.pccc-cho"]), StringComparison.Ordinal);
    }

    [Fact]
    public void A_submitter_is_optional_when_not_required()
    {
        var (_, submitter, errors) = ChecklistValidator.Validate(Checklist, Seed.Answers(), requireSubmitter: false);

        Assert.Empty(errors);
        Assert.Null(submitter);
    }

    [Fact]
    public void A_submission_through_a_unit_link_needs_a_submitter()
    {
        var errors = ErrorsOf(Seed.Answers(), requireSubmitter: true);

        Assert.Contains("Submitter name, title and phone are required", Assert.Single(errors["submitter"]), StringComparison.Ordinal);
    }

    [Fact]
    public void A_unit_link_submitter_needs_every_field()
    {
        var request = Seed.Answers();
        request.Submitter = new SubmissionRequest.SubmitterRequest { Name = "Nguyễn Văn An", Title = " ", Phone = null };

        var errors = ErrorsOf(request, requireSubmitter: true);

        Assert.Equal(["submitter.phone", "submitter.title"], errors.Keys.Order());
    }

    [Fact]
    public void A_complete_submitter_is_recorded_normalised()
    {
        var request = Seed.Answers();
        request.Submitter = new SubmissionRequest.SubmitterRequest { Name = " Nguye\u0302\u0303n Văn An ", Title = "Chánh Văn phòng", Phone = "+84 24 3825 3536" };

        var (_, submitter, errors) = ChecklistValidator.Validate(Checklist, request, requireSubmitter: true);

        Assert.Empty(errors);
        Assert.Equal(new Submitter("Nguyễn Văn An", "Chánh Văn phòng", "+84 24 3825 3536"), submitter);
    }

    [Fact]
    public void A_phone_with_letters_is_refused()
    {
        var request = Seed.Answers();
        request.Submitter = new SubmissionRequest.SubmitterRequest { Name = "An", Title = "Cán bộ", Phone = "call me" };

        Assert.Equal(["submitter.phone"], ErrorsOf(request).Keys);
    }
}
