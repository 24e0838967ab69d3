namespace TetReadiness.Submissions;

/// <summary>
/// The review state of a unit's report in a campaign. The <c>Reviews</c> feature moves it and keeps every transition;
/// a unit's <c>Submissions</c> row carries a copy for reads. A report never reviewed is <see cref="Submitted"/>, and so
/// is one with a revision newer than its last review: a new revision after <see cref="Returned"/> is submitted again,
/// and an <see cref="Accepted"/> report is locked, so it gets none.
/// </summary>
public static class ReviewStates
{
    /// <summary>New, or changed since its last review: awaiting review.</summary>
    public const string Submitted = "submitted";

    /// <summary>Sent back to the unit with a comment; it still counts as reported.</summary>
    public const string Returned = "returned";

    /// <summary>Checked and locked: the unit cannot submit again unless a coordinator reopens it.</summary>
    public const string Accepted = "accepted";

    public static bool IsKnown(string? state) => state is Submitted or Returned or Accepted;
}
