namespace TetReadiness.Storage;

/// <summary>The tables the app writes; Power BI and docs/data-model.md use these names.</summary>
public static class TableNames
{
    public const string Units = "Units";
    public const string Districts = "Districts";
    public const string CampaignUnits = "CampaignUnits";
    public const string RosterImports = "RosterImports";
    public const string Campaigns = "Campaigns";
    public const string ChecklistVersions = "ChecklistVersions";
    public const string ChecklistItems = "ChecklistItems";
    public const string Submissions = "Submissions";
    public const string SubmissionRevisions = "SubmissionRevisions";
    public const string Answers = "Answers";
    public const string Reminders = "Reminders";
    public const string Digests = "Digests";
    public const string StatusSnapshots = "StatusSnapshots";
    public const string AuditLog = "AuditLog";

    public static IReadOnlyList<string> All { get; } =
        [Units, Districts, CampaignUnits, RosterImports, Campaigns, ChecklistVersions, ChecklistItems, Submissions, SubmissionRevisions, Answers, Reminders, Digests, StatusSnapshots, AuditLog];
}
