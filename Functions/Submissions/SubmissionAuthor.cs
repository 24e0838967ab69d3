namespace TetReadiness.Submissions;

/// <summary>
/// Who is submitting and how: the signed-in email (<c>entra</c>), a unit link (<c>link</c>), or the API
/// without an identity (<c>api</c>). A submitter's name, title and phone are required for links.
/// </summary>
public sealed record SubmissionAuthor(string Identity, string Via, bool RequiresSubmitter)
{
    public static SubmissionAuthor Api { get; } = new("api", "api", false);
}
