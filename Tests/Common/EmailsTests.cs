using TetReadiness.Common;

namespace TetReadiness.Tests.Common;

public sealed class EmailsTests
{
    [Fact]
    public void Lists_split_on_semicolons_or_commas_are_trimmed_lowercased_and_deduplicated()
    {
        var (valid, invalid) = Emails.Split(" VanPhong@ba-dinh.invalid; lanhdao@ba-dinh.invalid ,vanphong@BA-DINH.invalid;; ");

        Assert.Equal(["vanphong@ba-dinh.invalid", "lanhdao@ba-dinh.invalid"], valid);
        Assert.Empty(invalid);
    }

    [Fact]
    public void Invalid_entries_are_returned_as_typed()
    {
        var (valid, invalid) = Emails.Split("ok@x.invalid;not an email;a@b");

        Assert.Equal(["ok@x.invalid"], valid);
        Assert.Equal(["not an email", "a@b"], invalid);
    }

    [Fact]
    public void A_joined_list_parses_back_to_the_same_emails()
    {
        string[] emails = ["a@x.invalid", "b@x.invalid"];

        Assert.Equal(emails, Emails.Parse(Emails.Join(emails)));
        Assert.Empty(Emails.Parse(""));
        Assert.Empty(Emails.Parse(null));
    }
}
