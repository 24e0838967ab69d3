using TetReadiness.Messages;

namespace TetReadiness.Tests.Messages;

/// <summary>One language per response: Vietnamese unless <c>Accept-Language</c> weighs English above Vietnamese.</summary>
public sealed class LanguagePreferenceTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void No_header_means_Vietnamese(string? header)
    {
        Assert.Equal(Language.Vietnamese, LanguagePreference.From(header));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("EN")]
    [InlineData("en-US")]
    [InlineData("en-US,en;q=0.9,vi;q=0.8")]
    [InlineData("vi;q=0.4, en;q=0.5")]
    [InlineData("fr, en;q=0.8")]
    [InlineData("*;q=0.1, en")]
    public void English_is_chosen_when_it_weighs_more_than_Vietnamese(string header)
    {
        Assert.Equal(Language.English, LanguagePreference.From(header));
    }

    [Theory]
    [InlineData("vi")]
    [InlineData("vi-VN")]
    [InlineData("vi, en;q=0.5")]
    [InlineData("en;q=0.5, vi;q=0.5")]
    [InlineData("*")]
    [InlineData("en;q=0")]
    [InlineData("fr")]
    [InlineData("en;q=0.5, *")]
    public void Vietnamese_is_chosen_on_a_tie_a_wildcard_or_a_refusal_of_English(string header)
    {
        Assert.Equal(Language.Vietnamese, LanguagePreference.From(header));
    }

    [Theory]
    [InlineData("%%%")]
    [InlineData("en;q=abc")]
    [InlineData("en;q=1.5")]
    [InlineData("en;q=-1")]
    [InlineData("en_US")]
    [InlineData(";;;,,,")]
    public void A_header_that_cannot_be_read_means_Vietnamese(string header)
    {
        Assert.Equal(Language.Vietnamese, LanguagePreference.From(header));
    }

    [Fact]
    public void A_range_that_cannot_be_read_is_skipped_and_the_rest_still_counts()
    {
        Assert.Equal(Language.English, LanguagePreference.From("en;q=banana, en-GB;q=0.7, vi;q=0.3"));
    }

    [Fact]
    public void A_wildcard_stands_for_the_language_the_header_does_not_name()
    {
        Assert.Equal(Language.English, LanguagePreference.From("vi;q=0, *"));
    }

    [Theory]
    [InlineData(Language.Vietnamese, "vi")]
    [InlineData(Language.English, "en")]
    public void The_content_language_tag_names_the_language(Language language, string tag)
    {
        Assert.Equal(tag, LanguagePreference.TagOf(language));
    }
}
