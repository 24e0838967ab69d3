using TetReadiness.Reviews;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Reviews;

/// <summary>
/// Appending a transition is idempotent for its own writer: the SDK retries an add whose answer was lost, and the
/// retry's 409 must not be taken for another review's row (the review would answer 409 while its row stands).
/// </summary>
public sealed class ReviewAppendTests
{
    [Fact]
    public async Task The_same_transition_appended_again_is_recorded_and_another_one_at_its_sequence_is_not()
    {
        await using var app = await TestApp.StartAsync(ReviewNoticeSamples.At);
        var store = app.Get<ReviewStore>();
        var transition = ReviewNoticeSamples.Returned();

        Assert.True(await store.TryAppendAsync(transition, CancellationToken.None));
        Assert.True(await store.TryAppendAsync(transition, CancellationToken.None));
        Assert.False(await store.TryAppendAsync(transition with { By = "dieuphoi@hoan-kiem.invalid" }, CancellationToken.None));
        Assert.False(await store.TryAppendAsync(transition with { Decision = ReviewDecisions.Accepted, At = transition.At.AddSeconds(1) }, CancellationToken.None));

        var row = Assert.Single(await app.ReadAllAsync(TableNames.Reviews));
        Assert.Equal(transition.By, row.GetString("By"));
    }
}
