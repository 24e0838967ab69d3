using TetReadiness.Reminders;
using TetReadiness.Submissions;

namespace TetReadiness.Digests;

/// <summary>
/// What a digest reads besides status: a campaign's <c>Reminders</c> and latest <c>Answers</c>, each one query per
/// page of its partition, only the columns the digest uses.
/// </summary>
public sealed class CampaignActivityStore(ReminderHistoryStore reminders, ISubmissionReports submissions)
{
    public Task<IReadOnlyDictionary<string, ReminderHistory>> ReadReminderHistoryAsync(string campaignId, CancellationToken cancellationToken) =>
        reminders.ReadAsync(campaignId, cancellationToken);

    public Task<IReadOnlyList<LatestAnswer>> ReadLatestAnswersAsync(string campaignId, CancellationToken cancellationToken) =>
        submissions.ReadLatestAnswersAsync(campaignId, cancellationToken);
}
