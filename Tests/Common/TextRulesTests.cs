using TetReadiness.Common;

namespace TetReadiness.Tests.Common;

public sealed class TextRulesTests
{
    [Fact]
    public void Decomposed_Vietnamese_is_normalised_to_precomposed_and_trimmed()
    {
        var typedDecomposed = "  Ba \u0110i\u0300nh ";

        var normalized = TextRules.Normalize(typedDecomposed);

        Assert.Equal("Ba \u0110\u00ecnh", normalized);
        Assert.Equal("Ba Đình", normalized);
    }

    [Fact]
    public void Null_text_normalises_to_empty()
    {
        Assert.Equal(string.Empty, TextRules.Normalize(null));
    }

    [Theory]
    [InlineData("a\nb", true, false)]
    [InlineData("a\r\nb", true, false)]
    [InlineData("a\tb", true, false)]
    [InlineData("a\nb", false, true)]
    [InlineData("a\u0000b", true, true)]
    [InlineData("a\u0007b", true, true)]
    [InlineData("a\u001bb", false, true)]
    [InlineData("Phường Đội Cấn", false, false)]
    public void Control_characters_are_found_and_line_breaks_only_where_allowed(string text, bool allowLineBreaks, bool expected)
    {
        Assert.Equal(expected, TextRules.HasControlCharacters(text, allowLineBreaks));
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x.invalid\")", true)]
    [InlineData("+84 24 3825 3536", true)]
    [InlineData("-1", true)]
    [InlineData("@SUM(A1)", true)]
    [InlineData("UBND Quận Ba Đình", false)]
    [InlineData("Chợ Đồng Xuân - Hàng Da", false)]
    [InlineData("", false)]
    public void Cells_that_Excel_would_run_as_formulas_are_recognised(string text, bool expected)
    {
        Assert.Equal(expected, TextRules.LooksLikeFormula(text));
    }
}
