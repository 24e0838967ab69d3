namespace TetReadiness.Roster;

/// <summary>The tables the roster owns; only the roster's store names them.</summary>
public static class RosterTables
{
    public const string Units = "Units";
    public const string Districts = "Districts";
    public const string CampaignUnits = "CampaignUnits";
    public const string RosterImports = "RosterImports";

    public static IReadOnlyList<string> All { get; } = [Units, Districts, CampaignUnits, RosterImports];
}
