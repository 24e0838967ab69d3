namespace TetReadiness.Submissions;

/// <summary>
/// Who submitted a revision and how: the signed-in email (<c>entra</c>), a unit link (<c>link</c>), or the app itself
/// (<c>system</c>, demo data). A submitter's name, title and phone are required through a link.
/// </summary>
public sealed record SubmissionAuthor(string Identity, string Via, bool RequiresSubmitter);
