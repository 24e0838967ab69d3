namespace TetReadiness.Roster;

/// <summary>The answer to a roster import or its preview.</summary>
public sealed record RosterImportResult(
    bool Applied,
    string AreaLevel,
    int Districts,
    int Units,
    int Added,
    int Updated,
    int Deactivated,
    int Reactivated,
    int Unchanged,
    IReadOnlyList<string> AddedUnitIds,
    IReadOnlyList<string> UpdatedUnitIds,
    IReadOnlyList<string> DeactivatedUnitIds,
    IReadOnlyList<string> ReactivatedUnitIds,
    IReadOnlyList<string> FrozenCampaignIds);
