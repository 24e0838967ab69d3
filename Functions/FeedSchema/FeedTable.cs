namespace TetReadiness.FeedSchema;

/// <summary>
/// One table of the reporting feed (<c>GET /api/feed/{Name}</c>), declared by the feature that owns its stored table:
/// its columns, in order, and how its rows are read, either in one pass (<see cref="WholeTable"/>, given the campaign
/// asked for, if any) or campaign by campaign (<see cref="PerCampaign"/>). <see cref="RowFilter"/> narrows the stored
/// rows (already built with <c>TableClient.CreateQueryFilter</c>).
/// </summary>
public sealed record FeedTable(string Name, string SourceTable, IReadOnlyList<FeedColumn> Columns, string? RowFilter = null)
{
    public Func<string?, FeedQuery>? WholeTable { get; init; }

    public Func<FeedCampaign, FeedQuery>? PerCampaign { get; init; }

    /// <summary>The stored properties to ask for (<c>$select</c>), so a page carries only what the feed writes.</summary>
    public IReadOnlyList<string> Select { get; } =
        Columns.SelectMany(c => c.Sources).Prepend("Timestamp").Distinct(StringComparer.Ordinal).ToList();

    public bool IsReadPerCampaign => PerCampaign is not null;
}
