using TetReadiness.Messages;
using TetReadiness.Submissions;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Submissions;

public sealed class SubmissionPreconditionsTests
{
    [Fact]
    public void Without_headers_every_revision_is_accepted()
    {
        var preconditions = SubmissionPreconditions.Parse(null, null);

        Assert.Null(preconditions.Check(0));
        Assert.Null(preconditions.Check(7));
    }

    [Fact]
    public void If_Match_r3_accepts_only_revision_3()
    {
        var preconditions = SubmissionPreconditions.Parse("\"r3\"", null);

        Assert.Equal([3], preconditions.IfMatch!);
        Assert.Null(preconditions.Check(3));
        Assert.Contains("revision 4", preconditions.Check(4).InBothLanguagesOrNull(), StringComparison.Ordinal);
        Assert.NotNull(preconditions.Check(2));
        Assert.Contains("No submission exists yet", preconditions.Check(0).InBothLanguagesOrNull(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_weak_tag_names_the_same_revision()
    {
        // Proxies that compress responses turn strong ETags into weak ones; the revision number is still exact.
        var preconditions = SubmissionPreconditions.Parse("W/\"r3\"", null);

        Assert.Null(preconditions.Check(3));
        Assert.NotNull(preconditions.Check(4));
    }

    [Fact]
    public void A_list_of_tags_accepts_any_of_them()
    {
        var preconditions = SubmissionPreconditions.Parse(" \"r2\" , W/\"r5\",\"r9\"", null);

        Assert.Equal([2, 5, 9], preconditions.IfMatch!);
        Assert.Null(preconditions.Check(5));
        Assert.NotNull(preconditions.Check(3));
    }

    [Fact]
    public void If_Match_star_needs_an_existing_submission()
    {
        var preconditions = SubmissionPreconditions.Parse("*", null);

        Assert.True(preconditions.IfMatchAny);
        Assert.NotNull(preconditions.Check(0));
        Assert.Null(preconditions.Check(1));
    }

    [Fact]
    public void If_None_Match_star_accepts_only_the_first_submission()
    {
        var preconditions = SubmissionPreconditions.Parse(null, "*");

        Assert.Null(preconditions.Check(0));
        Assert.Contains("revision 1", preconditions.Check(1).InBothLanguagesOrNull(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("r3")]
    [InlineData("\"3\"")]
    [InlineData("\"r\"")]
    [InlineData("\"r0\"")]
    [InlineData("\"r-1\"")]
    [InlineData("\"rx\"")]
    [InlineData("\"0x8D\"")]
    [InlineData("W/r3")]
    [InlineData("\"r3\", bogus")]
    public void An_If_Match_that_is_not_a_revision_tag_is_a_bad_request(string ifMatch)
    {
        var problem = Assert.Throws<RefusalException>(() => SubmissionPreconditions.Parse(ifMatch, null));

        Assert.Equal(400, problem.Status);
        Assert.Contains("\"r3\"", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void If_None_Match_with_a_tag_is_a_bad_request()
    {
        var problem = Assert.Throws<RefusalException>(() => SubmissionPreconditions.Parse(null, "\"r1\""));

        Assert.Equal(400, problem.Status);
    }

    [Fact]
    public void Revision_tags_are_strong_and_quoted()
    {
        Assert.Equal("\"r12\"", Revision.FormatETag(12));
    }
}
