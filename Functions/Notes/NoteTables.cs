namespace TetReadiness.Notes;

/// <summary>The table coordinators' notes on units live in; only the note store names it.</summary>
public static class NoteTables
{
    /// <summary>Partition <c>CampaignId</c>, row key <c>{UnitId}|{inverted ticks}|{random}</c>: a unit's notes newest first.</summary>
    public const string UnitNotes = "UnitNotes";

    public static IReadOnlyList<string> All { get; } = [UnitNotes];
}
