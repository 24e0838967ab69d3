using System.Text;
using System.Text.RegularExpressions;
using TetReadiness.Messages;

namespace TetReadiness.Tests.Messages;

/// <summary>
/// Both catalogs are complete and each speaks one language: Vietnamese text in Vietnamese (with its letters), English
/// text with none, and no message still carrying the other language in brackets, as the bilingual messages did.
/// </summary>
public sealed partial class MessageCatalogTests
{
    public static TheoryData<string> Cases => CatalogCases.Names;

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_message_has_words_in_both_languages(string name)
    {
        var render = CatalogCases.All[name];

        Assert.False(string.IsNullOrWhiteSpace(render(VietnameseMessages.Instance)));
        Assert.False(string.IsNullOrWhiteSpace(render(EnglishMessages.Instance)));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_Vietnamese_wording_is_Vietnamese_and_precomposed(string name)
    {
        var vietnamese = CatalogCases.All[name](VietnameseMessages.Instance);

        Assert.Matches(VietnameseLetter(), vietnamese);
        Assert.True(vietnamese.IsNormalized(NormalizationForm.FormC), vietnamese);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_English_wording_has_no_Vietnamese_letter(string name)
    {
        var english = CatalogCases.All[name](EnglishMessages.Instance);

        Assert.DoesNotMatch(VietnameseLetter(), english);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void No_message_carries_the_other_language(string name)
    {
        var vietnamese = CatalogCases.All[name](VietnameseMessages.Instance);
        var english = CatalogCases.All[name](EnglishMessages.Instance);

        Assert.DoesNotContain(english, vietnamese, StringComparison.Ordinal);
        Assert.DoesNotContain(vietnamese, english, StringComparison.Ordinal);
        foreach (Match bracketed in Bracketed().Matches(vietnamese))
        {
            // "(byte 3)", "(UTF-8)", "(/.auth/login/aad)" are fine; "(The link was revoked.)" is a leftover.
            var englishWords = bracketed.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Count(word => EnglishWord().IsMatch(word));
            Assert.False(englishWords >= 2 && !VietnameseLetter().IsMatch(bracketed.Value), $"English in brackets: {vietnamese}");
        }
    }

    [Fact]
    public void The_check_for_leftovers_catches_a_bilingual_message()
    {
        const string Bilingual = "Liên kết đã bị thu hồi. (The link was revoked.)";

        var bracketed = Bracketed().Match(Bilingual).Groups[1].Value;

        Assert.True(bracketed.Split(' ').Count(word => EnglishWord().IsMatch(word)) >= 2);
        Assert.DoesNotMatch(VietnameseLetter(), bracketed);
    }

    [GeneratedRegex("[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex VietnameseLetter();

    [GeneratedRegex(@"\(([^()]*)\)", RegexOptions.CultureInvariant)]
    private static partial Regex Bracketed();

    [GeneratedRegex(@"^[A-Za-z]{2,}[.,;:]?$", RegexOptions.CultureInvariant)]
    private static partial Regex EnglishWord();
}
