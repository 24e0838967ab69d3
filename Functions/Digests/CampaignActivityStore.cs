using TetReadiness.Reminders;
using TetReadiness.Submissions;

namespace TetReadiness.Digests;

/// <summary>
/// What a digest reads besides status: a campaign's <c>Reminders</c> and latest <c>Answers</c>, each one query per
/// page of its partition, and its units' difficulties and proposals (rows that have them only), only the columns the
/// digest uses.
/// </summary>
public sealed class CampaignActivityStore(ReminderHistoryStore reminders, ISubmissionReports submissions)
{
    public Task<IReadOnlyDictionary<string, ReminderHistory>> ReadReminderHistoryAsync(string campaignId, CancellationToken cancellationToken) =>
        reminders.ReadAsync(campaignId, cancellationToken);

    public Task<IReadOnlyList<LatestAnswer>> ReadLatestAnswersAsync(string campaignId, CancellationToken cancellationToken) =>
        submissions.ReadLatestAnswersAsync(campaignId, cancellationToken);

    /// <summary>
    /// The difficulties and proposals of the whole campaign (<paramref name="districtIds"/> null: one query), or of
    /// those areas (one query each, at once); the whole campaign's while area reads are incomplete (before the
    /// <c>Submissions</c> migration completes). Only the rows of units that wrote one are read.
    /// </summary>
    public async Task<IReadOnlyList<DifficultiesAndProposals>> ReadDifficultiesAndProposalsAsync(
        string campaignId, IReadOnlyCollection<string>? districtIds, CancellationToken cancellationToken)
    {
        if (districtIds is null || !await submissions.AreaKeysReadyAsync(cancellationToken))
        {
            return await submissions.ReadDifficultiesAndProposalsAsync(campaignId, null, cancellationToken);
        }

        var areas = await Task.WhenAll(districtIds.Select(d => submissions.ReadDifficultiesAndProposalsAsync(campaignId, d, cancellationToken)));
        return [.. areas.SelectMany(area => area)];
    }
}
