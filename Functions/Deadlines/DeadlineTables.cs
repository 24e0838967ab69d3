namespace TetReadiness.Deadlines;

/// <summary>The table units' own deadlines live in; only the deadline store names it.</summary>
public static class DeadlineTables
{
    /// <summary>Partition <c>CampaignId</c>, row key <c>UnitId</c>: a unit's own deadline in that campaign, if it was granted one.</summary>
    public const string UnitDeadlines = "UnitDeadlines";

    public static IReadOnlyList<string> All { get; } = [UnitDeadlines];
}
