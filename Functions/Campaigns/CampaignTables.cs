namespace TetReadiness.Campaigns;

/// <summary>The tables campaigns own; only the campaign store names them.</summary>
public static class CampaignTables
{
    public const string Campaigns = "Campaigns";
    public const string ChecklistVersions = "ChecklistVersions";
    public const string ChecklistItems = "ChecklistItems";

    public static IReadOnlyList<string> All { get; } = [Campaigns, ChecklistVersions, ChecklistItems];
}
