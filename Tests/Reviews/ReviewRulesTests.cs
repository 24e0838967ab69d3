using TetReadiness.Campaigns;
using TetReadiness.Messages;
using TetReadiness.Reviews;
using TetReadiness.Submissions;

namespace TetReadiness.Tests.Reviews;

public sealed class ReviewRulesTests
{
    private static readonly DateTimeOffset Now = new(2024, 1, 20, 9, 0, 0, TimeSpan.FromHours(7));

    private static readonly Campaign Open = new("tet-2024", "Tết", Now.AddDays(-5), Now.AddDays(10), Now.AddDays(20), [], 1, new Checklist([]));

    private static readonly Campaign Closed = Open with { ClosesAt = Now.AddMinutes(-1) };

    private static readonly Campaign NotYetOpen = Open with { OpensAt = Now.AddDays(1) };

    private static ReviewTransition Row(int sequence, int revision, string from, string to, string decision, string? comment = null, int minutesAgo = 10) =>
        new("tet-2024", "u", "Unit", "d", "District", sequence, revision, from, to, decision, comment, "dieuphoi@d.invalid", "entra", Now.AddMinutes(-minutesAgo));

    private static ReviewTransition Accepted(int sequence = 1, int revision = 2) => Row(sequence, revision, ReviewStates.Submitted, ReviewStates.Accepted, ReviewDecisions.Accepted);

    private static ReviewTransition Returned(int sequence = 1, int revision = 2) => Row(sequence, revision, ReviewStates.Submitted, ReviewStates.Returned, ReviewDecisions.Returned, "thiếu số liệu");

    private static string Refused(Action act, RefusalKind kind = RefusalKind.Conflict)
    {
        var refusal = Assert.Throws<RefusalException>(act);
        Assert.Equal(kind, refusal.Kind);
        return refusal.DetailIn(EnglishMessages.Instance);
    }

    [Fact]
    public void A_report_never_reviewed_is_submitted_and_a_revision_newer_than_the_review_is_submitted_again()
    {
        Assert.Equal(ReviewStates.Submitted, ReviewRules.StateOf(null, 1));
        Assert.Equal(ReviewStates.Returned, ReviewRules.StateOf(Returned(revision: 2), 2));
        Assert.Equal(ReviewStates.Submitted, ReviewRules.StateOf(Returned(revision: 2), 3));
        Assert.Equal(ReviewStates.Accepted, ReviewRules.StateOf(Accepted(revision: 2), 2));
    }

    [Theory]
    [InlineData(ReviewDecisions.Accepted, ReviewStates.Accepted)]
    [InlineData(ReviewDecisions.Returned, ReviewStates.Returned)]
    public void A_submitted_report_is_accepted_or_returned_on_its_current_revision(string decision, string to)
    {
        var step = ReviewRules.Review(decision, 2, 2, null, Open, Now);

        Assert.Equal(new ReviewStep(1, 2, ReviewStates.Submitted, to, decision), step);
    }

    [Fact]
    public void A_returned_report_may_be_accepted_on_the_same_revision_but_not_returned_twice()
    {
        Assert.Equal(new ReviewStep(2, 2, ReviewStates.Returned, ReviewStates.Accepted, ReviewDecisions.Accepted), ReviewRules.Review(ReviewDecisions.Accepted, 2, 2, Returned(), Open, Now));
        Assert.Contains("already returned", Refused(() => ReviewRules.Review(ReviewDecisions.Returned, 2, 2, Returned(), Open, Now)));
    }

    [Fact]
    public void A_resubmitted_report_after_a_return_is_submitted_and_may_be_returned_again()
    {
        var step = ReviewRules.Review(ReviewDecisions.Returned, 3, 3, Returned(revision: 2), Open, Now);

        Assert.Equal(new ReviewStep(2, 3, ReviewStates.Submitted, ReviewStates.Returned, ReviewDecisions.Returned), step);
    }

    [Fact]
    public void A_review_of_a_revision_that_is_not_the_current_one_is_refused_naming_the_current_one()
    {
        Assert.Contains("revision 3, not 2", Refused(() => ReviewRules.Review(ReviewDecisions.Accepted, 2, 3, null, Open, Now)));
    }

    [Fact]
    public void An_accepted_report_is_not_reviewed_again_but_reopened()
    {
        Assert.Contains("reopen it", Refused(() => ReviewRules.Review(ReviewDecisions.Returned, 2, 2, Accepted(), Open, Now)));
        Assert.Contains("reopen it", Refused(() => ReviewRules.Review(ReviewDecisions.Accepted, 2, 2, Accepted(), Open, Now)));
    }

    [Fact]
    public void No_report_means_nothing_to_review_and_a_campaign_not_yet_open_cannot_be_reviewed()
    {
        Assert.Contains("not submitted", Refused(() => ReviewRules.Review(ReviewDecisions.Accepted, 1, 0, null, Open, Now)));
        Assert.Contains("not open", Refused(() => ReviewRules.Review(ReviewDecisions.Accepted, 1, 1, null, NotYetOpen, Now)));
    }

    [Fact]
    public void A_closed_campaign_can_still_be_reviewed_but_not_reopened_nor_asked_to_reopen()
    {
        Assert.Equal(ReviewStates.Accepted, ReviewRules.Review(ReviewDecisions.Accepted, 2, 2, null, Closed, Now).ToState);
        Assert.Contains("closed", Refused(() => ReviewRules.Reopen(Accepted(), 2, Closed, Now)));
        Assert.Contains("closed", Refused(() => ReviewRules.RequestReopen(Accepted(), 2, Closed, Now)));
    }

    [Fact]
    public void Reopening_takes_an_accepted_report_to_returned()
    {
        Assert.Equal(new ReviewStep(2, 2, ReviewStates.Accepted, ReviewStates.Returned, ReviewDecisions.Reopened), ReviewRules.Reopen(Accepted(), 2, Open, Now));
        Assert.Contains("'returned'", Refused(() => ReviewRules.Reopen(Returned(), 2, Open, Now)));
        Assert.Contains("'submitted'", Refused(() => ReviewRules.Reopen(null, 2, Open, Now)));
    }

    [Fact]
    public void A_reopen_request_keeps_the_state_and_a_second_one_while_pending_is_refused_saying_when_the_first_was_made()
    {
        var request = ReviewRules.RequestReopen(Accepted(), 2, Open, Now);
        Assert.Equal(new ReviewStep(2, 2, ReviewStates.Accepted, ReviewStates.Accepted, ReviewDecisions.ReopenRequested), request);

        var pending = Row(2, 2, ReviewStates.Accepted, ReviewStates.Accepted, ReviewDecisions.ReopenRequested, "sai số liệu", minutesAgo: 5);
        Assert.Contains("20/01/2024 08:55", Refused(() => ReviewRules.RequestReopen(pending, 2, Open, Now)));
        Assert.Contains("'submitted'", Refused(() => ReviewRules.RequestReopen(Returned(), 3, Open, Now)));

        // Answered by a reopening: no longer pending.
        var reopened = Row(3, 2, ReviewStates.Accepted, ReviewStates.Returned, ReviewDecisions.Reopened, "mở lại");
        var standing = ReviewRules.Standing([reopened, pending, Accepted()])!;
        Assert.Null(standing.ReopenRequestedAt);
    }

    [Fact]
    public void The_standing_names_the_accept_the_newest_return_comment_and_a_pending_request()
    {
        var request = Row(3, 2, ReviewStates.Accepted, ReviewStates.Accepted, ReviewDecisions.ReopenRequested, "sai số liệu", minutesAgo: 1);
        var accept = Row(2, 2, ReviewStates.Returned, ReviewStates.Accepted, ReviewDecisions.Accepted, minutesAgo: 5);
        var standing = ReviewRules.Standing([request, accept, Returned(1, 2)])!;

        Assert.Equal((3, 2, ReviewStates.Accepted), (standing.Sequence, standing.ReviewedRevision, standing.State));
        Assert.Equal((accept.At, accept.By), (standing.AcceptedAt, standing.AcceptedBy));
        Assert.Equal(accept.At, standing.ReviewedAt);
        Assert.Equal("thiếu số liệu", standing.Comment);
        Assert.Equal((request.At, "sai số liệu"), (standing.ReopenRequestedAt, standing.ReopenReason));
        Assert.True(standing.LocksAt(2));
        Assert.False(standing.LocksAt(3));
        Assert.Null(ReviewRules.Standing([]));
    }

    [Theory]
    [InlineData(null, 2, null, "decision")]
    [InlineData("approved", 2, null, "decision")]
    [InlineData("accepted", null, null, "revision")]
    [InlineData("accepted", 0, null, "revision")]
    [InlineData("returned", 2, null, "comment")]
    [InlineData("returned", 2, "   ", "comment")]
    public void A_review_body_that_cannot_be_taken_is_refused_with_the_field_named(string? decision, int? revision, string? comment, string field)
    {
        var refusal = Assert.Throws<RefusalException>(() => ReviewRules.ReadReview(new ReviewRequest { Decision = decision, Revision = revision, Comment = comment }));

        Assert.Equal(RefusalKind.InvalidFields, refusal.Kind);
        Assert.Contains(field, refusal.Errors!.Keys);
    }

    [Fact]
    public void Comments_and_reasons_are_trimmed_and_limited()
    {
        Assert.Equal(("returned", 2, "thiếu"), ReviewRules.ReadReview(new ReviewRequest { Decision = "returned", Revision = 2, Comment = "  thiếu \n" }));
        Assert.Equal(("accepted", 2, (string?)null), ReviewRules.ReadReview(new ReviewRequest { Decision = "accepted", Revision = 2 }));
        Assert.Throws<RefusalException>(() => ReviewRules.ReadReview(new ReviewRequest { Decision = "accepted", Revision = 2, Comment = new string('x', 2_001) }));
        Assert.Equal(new string('x', 1_000), ReviewRules.ReadText(new string('x', 1_000), ReviewRules.MaxReasonLength, "reason"));
        Assert.Throws<RefusalException>(() => ReviewRules.ReadText(new string('x', 1_001), ReviewRules.MaxReasonLength, "reason"));
        Assert.Throws<RefusalException>(() => ReviewRules.ReadText("a\u0007b", ReviewRules.MaxReasonLength, "reason"));
    }
}
