namespace TetReadiness.Reviews;

/// <summary>What a row of <c>Reviews</c> records: a coordinator's decision, a reopening, or a unit's request to reopen.</summary>
public static class ReviewDecisions
{
    /// <summary>A coordinator accepted the revision: the report is locked.</summary>
    public const string Accepted = "accepted";

    /// <summary>A coordinator sent the revision back with a comment.</summary>
    public const string Returned = "returned";

    /// <summary>A coordinator reopened an accepted report (state returned, with a comment).</summary>
    public const string Reopened = "reopened";

    /// <summary>The unit asked to reopen its accepted report (the state does not change).</summary>
    public const string ReopenRequested = "reopen-requested";
}
