using TetReadiness.Campaigns;
using TetReadiness.Common;
using TetReadiness.Messages;
using TetReadiness.Submissions;
using TetReadiness.Time;

namespace TetReadiness.Reviews;

/// <summary>
/// The review state machine, without I/O. A unit's state is its newest transition's <c>ToState</c>, unless its current
/// revision is newer than that transition's (then <c>submitted</c>); no transition is <c>submitted</c>.
/// <list type="bullet">
/// <item>accept: from submitted or returned, on the current revision → accepted (the lock);</item>
/// <item>return: from submitted, on the current revision → returned (not twice on one revision);</item>
/// <item>reopen (coordinator): from accepted, campaign not closed → returned;</item>
/// <item>reopen request (the unit): from accepted, campaign not closed, none pending → accepted (state unchanged).</item>
/// </list>
/// Every refusal is a 409 naming why; a body that cannot be read is a 400 with field errors.
/// </summary>
public static class ReviewRules
{
    public const int MaxCommentLength = 2_000;

    public const int MaxReasonLength = 1_000;

    /// <summary>How many newest transitions a standing is read from: a reopen request, the accept before it, and one more.</summary>
    public const int StandingDepth = 3;

    public static string StateOf(ReviewTransition? newest, int currentRevision) =>
        newest is null || currentRevision > newest.Revision ? ReviewStates.Submitted : newest.ToState;

    /// <summary>The unit's review from its newest transitions (newest first, <see cref="StandingDepth"/> of them); null for none.</summary>
    public static ReviewStanding? Standing(IReadOnlyList<ReviewTransition> newestFirst)
    {
        if (newestFirst.Count == 0)
        {
            return null;
        }

        var newest = newestFirst[0];
        var decision = newestFirst.FirstOrDefault(t => t.Decision != ReviewDecisions.ReopenRequested);
        var comment = newestFirst.FirstOrDefault(t => t.Decision is ReviewDecisions.Returned or ReviewDecisions.Reopened);
        var accept = newest.ToState == ReviewStates.Accepted ? newestFirst.FirstOrDefault(t => t.Decision == ReviewDecisions.Accepted) : null;
        var request = newest.Decision == ReviewDecisions.ReopenRequested ? newest : null;
        return new ReviewStanding(
            newest.Sequence, newest.Revision, newest.ToState, newest.Decision, decision?.At, decision?.By, comment?.Comment,
            accept?.At, accept?.By, request?.At, request?.Comment);
    }

    /// <summary>A coordinator's accept or return of <paramref name="revision"/>, the unit's report being at <paramref name="currentRevision"/> (0: none).</summary>
    public static ReviewStep Review(string decision, int revision, int currentRevision, ReviewTransition? newest, Campaign campaign, DateTimeOffset now)
    {
        if (now < campaign.OpensAt)
        {
            var opensAt = VietnamTime.Format(campaign.OpensAt);
            throw Refusal.Conflict(c => c.CampaignNotOpenYet(opensAt));
        }

        if (currentRevision == 0)
        {
            throw Refusal.Conflict(c => c.NothingToReview());
        }

        var state = StateOf(newest, currentRevision);
        if (state == ReviewStates.Accepted)
        {
            throw Refusal.Conflict(c => c.ReportAlreadyAccepted());
        }

        if (revision != currentRevision)
        {
            throw Refusal.Conflict(c => c.ReviewRevisionStale(revision, currentRevision));
        }

        if (decision == ReviewDecisions.Returned && state == ReviewStates.Returned)
        {
            throw Refusal.Conflict(c => c.ReportAlreadyReturned(revision));
        }

        var to = decision == ReviewDecisions.Accepted ? ReviewStates.Accepted : ReviewStates.Returned;
        return new ReviewStep(NextSequence(newest), currentRevision, state, to, decision);
    }

    /// <summary>A coordinator reopens an accepted report: returned, so the unit may submit again.</summary>
    public static ReviewStep Reopen(ReviewTransition? newest, int currentRevision, Campaign campaign, DateTimeOffset now)
    {
        RequireAccepted(newest, currentRevision, campaign, now);
        return new ReviewStep(NextSequence(newest), currentRevision, ReviewStates.Accepted, ReviewStates.Returned, ReviewDecisions.Reopened);
    }

    /// <summary>The unit asks to reopen its accepted report; the request stays pending until a coordinator's next transition.</summary>
    public static ReviewStep RequestReopen(ReviewTransition? newest, int currentRevision, Campaign campaign, DateTimeOffset now)
    {
        RequireAccepted(newest, currentRevision, campaign, now);
        if (newest!.Decision == ReviewDecisions.ReopenRequested)
        {
            var requestedAt = VietnamTime.Format(newest.At);
            throw Refusal.Conflict(c => c.ReopenAlreadyRequested(requestedAt));
        }

        return new ReviewStep(NextSequence(newest), currentRevision, ReviewStates.Accepted, ReviewStates.Accepted, ReviewDecisions.ReopenRequested);
    }

    /// <summary>The body of a review: 400 with an error per field that cannot be taken as sent.</summary>
    public static (string Decision, int Revision, string? Comment) ReadReview(ReviewRequest request)
    {
        var errors = new Dictionary<string, IReadOnlyList<Message>>();
        var decision = request.Decision is ReviewDecisions.Accepted or ReviewDecisions.Returned ? request.Decision : null;
        if (decision is null)
        {
            errors["decision"] = [c => c.ReviewDecisionInvalid()];
        }

        if (request.Revision is not > 0)
        {
            errors["revision"] = [c => c.ReviewRevisionRequired()];
        }

        var comment = Text(request.Comment, MaxCommentLength, required: decision == ReviewDecisions.Returned, "comment", errors);
        return errors.Count > 0 ? throw Refusal.InvalidFields(errors) : (decision!, request.Revision!.Value, comment);
    }

    /// <summary>A required text of the body (a reopening's comment, a reopen request's reason), trimmed.</summary>
    public static string ReadText(string? text, int maxLength, string field)
    {
        var errors = new Dictionary<string, IReadOnlyList<Message>>();
        var value = Text(text, maxLength, required: true, field, errors);
        return errors.Count > 0 ? throw Refusal.InvalidFields(errors) : value!;
    }

    private static string? Text(string? text, int maxLength, bool required, string field, Dictionary<string, IReadOnlyList<Message>> errors)
    {
        var value = TextRules.Normalize(text);
        if (value.Length == 0)
        {
            if (required)
            {
                errors[field] = [c => c.FieldRequired()];
            }

            return null;
        }

        if (value.Length > maxLength)
        {
            errors[field] = [c => c.ReviewTextTooLong(maxLength)];
        }
        else if (TextRules.HasControlCharacters(value, allowLineBreaks: true))
        {
            errors[field] = [c => c.ReviewTextHasControlCharacters()];
        }

        return value;
    }

    private static void RequireAccepted(ReviewTransition? newest, int currentRevision, Campaign campaign, DateTimeOffset now)
    {
        if (campaign.IsClosedAt(now))
        {
            var closedAt = VietnamTime.Format(campaign.ClosesAt);
            throw Refusal.Conflict(c => c.CampaignClosed(closedAt));
        }

        var state = StateOf(newest, currentRevision);
        if (currentRevision == 0 || state != ReviewStates.Accepted)
        {
            throw Refusal.Conflict(c => c.ReportNotAccepted(state));
        }
    }

    private static int NextSequence(ReviewTransition? newest) => (newest?.Sequence ?? 0) + 1;
}
