namespace TetReadiness.Submissions;

/// <summary>The tables submissions own; only the submission stores name them.</summary>
public static class SubmissionTables
{
    public const string Submissions = "Submissions";
    public const string SubmissionRevisions = "SubmissionRevisions";
    public const string Answers = "Answers";

    public static IReadOnlyList<string> All { get; } = [Submissions, SubmissionRevisions, Answers];
}
