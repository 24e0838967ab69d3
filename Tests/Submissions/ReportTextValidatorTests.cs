using TetReadiness.Submissions;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Submissions;

public sealed class ReportTextValidatorTests
{
    // "ệ" as some Vietnamese keyboards send it: "e", combining circumflex, combining dot below (3 code points, 1 letter).
    private const string DecomposedE = "e\u0302\u0323";

    private static (string? Difficulties, string? Proposals, IReadOnlyDictionary<string, string[]> Errors) Validate(string? difficulties, string? proposals = null)
    {
        var (d, p, errors) = ReportTextValidator.Validate(new SubmissionRequest { Answers = [], Difficulties = difficulties, Proposals = proposals });
        return (d, p, errors.InBothLanguages());
    }

    [Fact]
    public void Both_texts_are_optional_and_blank_ones_are_none()
    {
        Assert.Equal((null, null), (Validate(null).Difficulties, Validate(null).Proposals));
        var (difficulties, proposals, errors) = Validate("   \n\t ", "");

        Assert.Empty(errors);
        Assert.Null(difficulties);
        Assert.Null(proposals);
    }

    [Fact]
    public void Texts_are_trimmed_and_precomposed_and_keep_their_line_breaks()
    {
        var (difficulties, proposals, errors) = Validate("  Vi" + DecomposedE + "c mua bình chưa có kinh phí.\nChợ tạm chưa có lối thoát hiểm.  ", " Đề nghị hỗ trợ 50 bình. ");

        Assert.Empty(errors);
        Assert.Equal("Việc mua bình chưa có kinh phí.\nChợ tạm chưa có lối thoát hiểm.", difficulties);
        Assert.Equal("Đề nghị hỗ trợ 50 bình.", proposals);
    }

    [Fact]
    public void Four_thousand_characters_are_accepted_and_one_more_is_refused_with_a_field_error_naming_the_limit()
    {
        var atLimit = new string('ư', 4000);
        Assert.Empty(Validate(atLimit, atLimit).Errors);

        var (difficulties, _, errors) = Validate(atLimit + "a", atLimit + "a");

        Assert.Null(difficulties);
        Assert.Equal(["difficulties", "proposals"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("4000", errors["difficulties"].Single(), StringComparison.Ordinal);
        Assert.Contains("khó khăn", errors["difficulties"].Single(), StringComparison.Ordinal);
        Assert.Contains("Proposals", errors["proposals"].Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void Characters_are_counted_as_a_reader_sees_them_not_as_code_points_or_utf16_units()
    {
        // 4,000 letters typed with combining marks: 12,000 code points, 4,000 letters once precomposed.
        var (difficulties, _, errors) = Validate(string.Concat(Enumerable.Repeat(DecomposedE, 4000)));
        Assert.Empty(errors);
        Assert.Equal(4000, difficulties!.Length);

        // An emoji of five code points (nine UTF-16 units) is one character: 4,000 of them are within the limit.
        var family = "👨\u200D👩\u200D👧";
        Assert.Equal(1, ReportTextValidator.Length(family));
        Assert.Empty(Validate(string.Concat(Enumerable.Repeat("a", 3999)) + family).Errors);
    }

    [Fact]
    public void A_character_stacked_with_marks_cannot_make_a_text_too_long_to_store()
    {
        // One text element with 20,000 combining marks: within 4,000 characters, over what a row should hold.
        var (difficulties, _, errors) = Validate("a" + new string('\u0301', 20_000));

        Assert.Null(difficulties);
        Assert.Contains("4000", errors["difficulties"].Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void Control_characters_other_than_line_breaks_and_tabs_are_refused()
    {
        var errors = Validate("Khó khăn\u0007", "Đề xuất\u0000").Errors;

        Assert.Equal(["difficulties", "proposals"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("điều khiển", errors["proposals"].Single(), StringComparison.Ordinal);
    }
}
