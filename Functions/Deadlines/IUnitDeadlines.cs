using TetReadiness.Campaigns;

namespace TetReadiness.Deadlines;

/// <summary>What other features may ask of units' own deadlines (status, submissions, reminders, digests).</summary>
public interface IUnitDeadlines
{
    /// <summary>
    /// The campaign's deadlines: the campaign's partition of <c>UnitDeadlines</c> (one query per 1,000 granted units),
    /// cached on the instance for <see cref="UnitDeadlineStore.CacheDuration"/>; a grant through this instance is seen at once.
    /// </summary>
    Task<CampaignDeadlines> ReadAsync(Campaign campaign, CancellationToken cancellationToken);

    /// <summary>One unit's deadline as storage has it now (one point read), for a decision a cached copy must not make: whether a report is late.</summary>
    Task<DateTimeOffset> ReadDeadlineAsync(Campaign campaign, string unitId, CancellationToken cancellationToken);
}
