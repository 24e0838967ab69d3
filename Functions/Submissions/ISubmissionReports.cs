namespace TetReadiness.Submissions;

/// <summary>What other features may ask of submissions: the latest report of each unit of a campaign, and its answers.</summary>
public interface ISubmissionReports
{
    /// <summary>
    /// The latest revision of each unit that has reported (a unit whose first revision is still pending is left out),
    /// by unit id: one query per 1,000 units, seven columns.
    /// </summary>
    Task<IReadOnlyDictionary<string, UnitReport>> ReadReportsAsync(string campaignId, CancellationToken cancellationToken);

    /// <summary>Every unit's latest answer to every item: one query per 1,000 answers, only the columns aggregations use.</summary>
    Task<IReadOnlyList<LatestAnswer>> ReadLatestAnswersAsync(string campaignId, CancellationToken cancellationToken);
}
