using TetReadiness.Storage;

namespace TetReadiness.Submissions;

/// <summary>A campaign's latest answers (<c>Answers</c>, one query per page, only the columns aggregations use).</summary>
public sealed class LatestAnswerStore(StorageTables tables)
{
    private static readonly string[] Columns =
    [
        nameof(AnswerEntity.UnitId), nameof(AnswerEntity.DistrictId), nameof(AnswerEntity.ItemId), nameof(AnswerEntity.SectionId),
        nameof(AnswerEntity.Status), nameof(AnswerEntity.Score), nameof(AnswerEntity.Note), nameof(AnswerEntity.SubmittedAt),
    ];

    public async Task<IReadOnlyList<AnswerEntity>> ReadAsync(string campaignId, CancellationToken cancellationToken)
    {
        var answers = new List<AnswerEntity>();
        await foreach (var row in TableQueries.ReadPartitionAsync<AnswerEntity>(tables.Answers, TableQueries.Partition(campaignId), cancellationToken, Columns))
        {
            answers.Add(row);
        }

        return answers;
    }
}
