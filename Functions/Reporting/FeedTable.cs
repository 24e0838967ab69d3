namespace TetReadiness.Reporting;

/// <summary>
/// One table of the reporting feed (<c>GET /api/feed/{Name}</c>): where its rows come from and its columns, in order.
/// <see cref="RowFilter"/> narrows the stored rows (already built with <c>TableClient.CreateQueryFilter</c>).
/// </summary>
public sealed record FeedTable(string Name, string SourceTable, FeedSource Source, IReadOnlyList<FeedColumn> Columns, string? RowFilter = null)
{
    /// <summary>The stored properties to ask for (<c>$select</c>), so a page carries only what the feed writes.</summary>
    public IReadOnlyList<string> Select { get; } =
        Columns.SelectMany(c => c.Sources).Prepend("Timestamp").Distinct(StringComparer.Ordinal).ToList();

    public bool IsReadPerCampaign => Source is FeedSource.CampaignRoster or FeedSource.CampaignPartition or FeedSource.CampaignUnitPartitions;
}
