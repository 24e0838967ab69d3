using TetReadiness.Submissions;

namespace TetReadiness.Tests.Submissions;

public sealed class ReadinessScoreTests
{
    [Theory]
    [InlineData(AnswerStatus.Ready, 1.0)]
    [InlineData(AnswerStatus.Partial, 0.5)]
    [InlineData(AnswerStatus.NotReady, 0.0)]
    public void Each_counted_status_scores_as_defined(AnswerStatus status, double expected)
    {
        Assert.Equal(expected, ReadinessScore.ScoreOf(status));
        Assert.Equal(expected, ReadinessScore.Of([status]));
    }

    [Fact]
    public void Not_applicable_does_not_count()
    {
        Assert.Null(ReadinessScore.ScoreOf(AnswerStatus.NotApplicable));
    }

    [Fact]
    public void Readiness_is_ready_plus_half_partial_over_the_applicable_answers()
    {
        AnswerStatus[] statuses =
        [
            AnswerStatus.Ready, AnswerStatus.Ready, AnswerStatus.Partial, AnswerStatus.NotReady,
            AnswerStatus.NotApplicable, AnswerStatus.NotApplicable,
        ];

        Assert.Equal((2 + 0.5) / 4, ReadinessScore.Of(statuses));
    }

    [Fact]
    public void Readiness_is_null_when_every_answer_is_not_applicable()
    {
        Assert.Null(ReadinessScore.Of([AnswerStatus.NotApplicable, AnswerStatus.NotApplicable]));
    }

    [Fact]
    public void Readiness_is_null_when_there_are_no_answers()
    {
        Assert.Null(ReadinessScore.Of([]));
    }

    [Fact]
    public void The_mean_is_unweighted_and_skips_units_without_a_readiness()
    {
        Assert.Equal(0.5, ReadinessScore.MeanOf([1.0, 0.0, null]));
        Assert.Equal(0.75, ReadinessScore.MeanOf([1.0, 0.5]));
        Assert.Null(ReadinessScore.MeanOf([null, null]));
        Assert.Null(ReadinessScore.MeanOf([]));
    }

    [Fact]
    public void A_revision_scores_its_own_answers()
    {
        var revision = new Revision(
            "tet-2024", "ba-dinh-ubnd", "UBND", "ba-dinh", "Quận Ba Đình", 1, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, false, true, 1, null, "api", "api",
            [new Answer("a", "s", AnswerStatus.Ready, null), new Answer("b", "s", AnswerStatus.Partial, null), new Answer("c", "s", AnswerStatus.NotApplicable, null)]);

        Assert.Equal(0.75, revision.Readiness);
        Assert.Equal("\"r1\"", revision.ETag);
    }
}
