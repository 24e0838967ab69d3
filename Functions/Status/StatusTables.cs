namespace TetReadiness.Status;

/// <summary>The tables the status feature owns.</summary>
public static class StatusTables
{
    /// <summary>
    /// Partition <c>CampaignId</c>; per area a row <c>{DistrictId}|area</c> (typed figures, Power BI may read them) and
    /// rows <c>{DistrictId}|data|{nn}</c> holding the notes and reminder tallies as JSON cut into pieces.
    /// </summary>
    public const string AreaSummaries = "AreaSummaries";

    public static readonly IReadOnlyList<string> All = [AreaSummaries];
}
