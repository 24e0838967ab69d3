namespace TetReadiness.Submissions;

/// <summary>
/// Keys of <c>SubmissionRevisions</c>. Partition = <c>{campaignId}|{unitId}</c>; a revision's header row is
/// <c>r{999999 - revision}</c> and its answers follow it as <c>r{999999 - revision}|{itemId}</c>. The newest
/// revision therefore sorts first, and one query page holds it with all its answers.
/// </summary>
public static class RevisionKeys
{
    public const int MaxRevision = 999_999;

    public static string Partition(string campaignId, string unitId) => $"{campaignId}|{unitId}";

    public static string Header(int revision) => "r" + (MaxRevision - revision).ToString("D6");

    public static string Answer(int revision, string itemId) => Header(revision) + "|" + itemId;
}
