namespace TetReadiness.Tests.Infrastructure;

/// <summary>
/// The tables the app publishes, by the names Power BI, backups and docs/data-model.md use: the contract the tests
/// check, written out here rather than read from the app, so a renamed table fails them.
/// </summary>
public static class TableNames
{
    public const string Units = "Units";
    public const string Districts = "Districts";
    public const string CampaignUnits = "CampaignUnits";
    public const string RosterImports = "RosterImports";
    public const string AreaUnits = "AreaUnits";
    public const string RosterPeople = "RosterPeople";
    public const string Campaigns = "Campaigns";
    public const string ChecklistVersions = "ChecklistVersions";
    public const string ChecklistItems = "ChecklistItems";
    public const string Submissions = "Submissions";
    public const string SubmissionRevisions = "SubmissionRevisions";
    public const string Answers = "Answers";
    public const string Reviews = "Reviews";
    public const string AreaSummaries = "AreaSummaries";
    public const string Reminders = "Reminders";
    public const string Digests = "Digests";
    public const string StatusSnapshots = "StatusSnapshots";
    public const string ManualReminders = "ManualReminders";
    public const string UnitDeadlines = "UnitDeadlines";
    public const string UnitNotes = "UnitNotes";
    public const string AuditLog = "AuditLog";
    public const string Migrations = "Migrations";

    /// <summary>In the order the features register them (start-up, backups and restores follow it).</summary>
    public static IReadOnlyList<string> All { get; } =
        [Migrations, Units, Districts, CampaignUnits, RosterImports, AreaUnits, RosterPeople, Campaigns, ChecklistVersions, ChecklistItems, Submissions, SubmissionRevisions, Answers, Reviews, AreaSummaries, Reminders, ManualReminders, Digests, StatusSnapshots, UnitDeadlines, UnitNotes, AuditLog];
}
