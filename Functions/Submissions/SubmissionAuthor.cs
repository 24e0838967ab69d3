using TetReadiness.Identity;

namespace TetReadiness.Submissions;

/// <summary>
/// Who submitted a revision and how: the signed-in email (<c>entra</c>), a unit link (<c>link</c>), or the app itself
/// (<c>system</c>, demo data). A submitter's name, title and phone are required through a link.
/// </summary>
public sealed record SubmissionAuthor(string Identity, string Via, bool RequiresSubmitter)
{
    /// <summary>A link holder must name the submitter; a signed-in officer and the app itself need not.</summary>
    public static SubmissionAuthor Of(Caller caller) => new(caller.Identity, caller.Via, !caller.IsSystem && caller.Principal is null);
}
