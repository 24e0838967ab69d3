using TetReadiness.Common;
using TetReadiness.Email;

namespace TetReadiness.Tests.Common;

/// <summary>What log lines may say about people: pseudonyms, stable per person, and no address quoted from elsewhere.</summary>
public sealed class LogRedactionTests
{
    [Fact]
    public void A_person_gets_one_pseudonym_whatever_the_case_and_no_trace_of_the_address()
    {
        var pseudonym = LogRedaction.Person("VanPhong@Ba-Dinh.invalid");

        Assert.Matches("^person-[0-9a-f]{10}$", pseudonym);
        Assert.Equal(pseudonym, LogRedaction.Person(" vanphong@ba-dinh.invalid "));
        Assert.NotEqual(pseudonym, LogRedaction.Person("vanphong@hoan-kiem.invalid"));
        Assert.DoesNotContain("vanphong", pseudonym, StringComparison.Ordinal);
        Assert.DoesNotContain("ba-dinh", pseudonym, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("system")]
    [InlineData("anonymous")]
    [InlineData("link:tet-2024/ba-dinh-ubnd")]
    public void Actors_that_are_not_people_keep_their_name(string identity)
    {
        Assert.Equal(identity, LogRedaction.Actor(identity));
    }

    [Theory]
    [InlineData("sonoivu@hanoi.invalid")]
    [InlineData("Nguyễn Văn Bình")]
    public void A_signed_in_person_is_named_by_pseudonym(string identity)
    {
        Assert.Equal(LogRedaction.Person(identity), LogRedaction.Actor(identity));
    }

    [Fact]
    public void Addresses_quoted_in_free_text_are_replaced_and_the_rest_is_kept()
    {
        var text = LogRedaction.Emails("""{"errors":[{"message":"Invalid: vanphong@ba-dinh.invalid, <truc@ba-dinh-ttyt.invalid>","field":"to"}]}""");

        Assert.DoesNotContain("@", text, StringComparison.Ordinal);
        Assert.Contains(LogRedaction.Person("vanphong@ba-dinh.invalid"), text, StringComparison.Ordinal);
        Assert.Contains(LogRedaction.Person("truc@ba-dinh-ttyt.invalid"), text, StringComparison.Ordinal);
        Assert.StartsWith("""{"errors":[{"message":"Invalid: """, text, StringComparison.Ordinal);
        Assert.Equal(string.Empty, LogRedaction.Emails(null));
    }

    [Fact]
    public void A_sendgrid_error_keeps_its_status_and_words_without_the_recipients_it_quotes()
    {
        var result = EmailSendResult.FromStatus(400, """{"errors":[{"message":"Does not contain a valid address: vanphong@ba-dinh.invalid"}]}""");

        Assert.StartsWith("HTTP 400: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("Does not contain a valid address", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("vanphong@ba-dinh.invalid", result.Error, StringComparison.Ordinal);
    }
}
