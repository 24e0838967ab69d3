namespace TetReadiness.Roster;

/// <summary>The tables the roster owns; only the roster's store names them.</summary>
public static class RosterTables
{
    public const string Units = "Units";
    public const string Districts = "Districts";
    public const string CampaignUnits = "CampaignUnits";
    public const string RosterImports = "RosterImports";

    /// <summary>The current roster again, one partition per area: what an area's coordinator reads.</summary>
    public const string AreaUnits = "AreaUnits";

    /// <summary>From an email to the active units it reports for and the active areas it coordinates.</summary>
    public const string RosterPeople = "RosterPeople";

    public static IReadOnlyList<string> All { get; } = [Units, Districts, CampaignUnits, RosterImports, AreaUnits, RosterPeople];
}
