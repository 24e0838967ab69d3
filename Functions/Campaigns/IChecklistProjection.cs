namespace TetReadiness.Campaigns;

/// <summary>The repair of <c>ChecklistItems</c>, the projection of each campaign's checklist, for the projection repair timer.</summary>
public interface IChecklistProjection
{
    /// <summary>
    /// Rewrites the <c>ChecklistItems</c> of every campaign saved at or before <paramref name="savedBy"/> whose rows
    /// differ from the checklist in its row (a save interrupted between its row and its rows); what it rewrote.
    /// </summary>
    Task<IReadOnlyList<(string CampaignId, int Version)>> RepairChecklistsAsync(DateTimeOffset savedBy, CancellationToken cancellationToken);
}
