using TetReadiness.Reminders;
using TetReadiness.Storage;
using TetReadiness.Submissions;

namespace TetReadiness.Digests;

/// <summary>
/// What a digest reads besides status: a campaign's <c>Reminders</c> and latest <c>Answers</c>, each one query per
/// page of its partition, only the columns the digest uses.
/// </summary>
public sealed class CampaignActivityStore(StorageTables tables, ReminderHistoryStore reminders)
{
    private static readonly string[] AnswerColumns =
    [
        nameof(AnswerEntity.UnitId), nameof(AnswerEntity.DistrictId), nameof(AnswerEntity.ItemId), nameof(AnswerEntity.SectionId),
        nameof(AnswerEntity.Status), nameof(AnswerEntity.Score), nameof(AnswerEntity.Note), nameof(AnswerEntity.SubmittedAt),
    ];

    public Task<IReadOnlyDictionary<string, ReminderHistory>> ReadReminderHistoryAsync(string campaignId, CancellationToken cancellationToken) =>
        reminders.ReadAsync(campaignId, cancellationToken);

    public async Task<IReadOnlyList<AnswerEntity>> ReadLatestAnswersAsync(string campaignId, CancellationToken cancellationToken)
    {
        var answers = new List<AnswerEntity>();
        await foreach (var row in TableQueries.ReadPartitionAsync<AnswerEntity>(tables.Answers, TableQueries.Partition(campaignId), cancellationToken, AnswerColumns))
        {
            answers.Add(row);
        }

        return answers;
    }
}
