namespace TetReadiness.Maintenance.Purge;

/// <summary>Everything a purge of one campaign will change, and a summary that names columns and counts, never values.</summary>
public sealed record PurgePlan(string CampaignId, DateTimeOffset ClosesAt, IReadOnlyList<PurgeChange> Changes)
{
    public int Fields => Changes.Sum(c => c.Columns.Count);

    public IEnumerable<string> Summary()
    {
        foreach (var table in Changes.GroupBy(c => c.Table))
        {
            var columns = table.SelectMany(c => c.Columns).GroupBy(column => column).Select(g => $"{g.Key} ×{g.Count()}");
            yield return $"{table.Key}: {table.Count()} rows — {string.Join(", ", columns)}";
        }
    }
}
