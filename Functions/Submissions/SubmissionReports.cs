using TetReadiness.Storage;

namespace TetReadiness.Submissions;

/// <summary>A campaign's latest reports (<c>Submissions</c>) and answers (<c>Answers</c>), one query per page, only the columns counted.</summary>
public sealed class SubmissionReports(TableClients tables) : ISubmissionReports
{
    private static readonly string[] ReportColumns =
    [
        "RowKey", nameof(SubmissionEntity.Revision), nameof(SubmissionEntity.OnTime), nameof(SubmissionEntity.Late),
        nameof(SubmissionEntity.Readiness), nameof(SubmissionEntity.SubmittedAt), nameof(SubmissionEntity.FirstSubmittedAt),
    ];

    private static readonly string[] AnswerColumns =
    [
        nameof(AnswerEntity.UnitId), nameof(AnswerEntity.DistrictId), nameof(AnswerEntity.ItemId), nameof(AnswerEntity.SectionId),
        nameof(AnswerEntity.Status), nameof(AnswerEntity.Score), nameof(AnswerEntity.Note), nameof(AnswerEntity.SubmittedAt),
    ];

    public async Task<IReadOnlyDictionary<string, UnitReport>> ReadReportsAsync(string campaignId, CancellationToken cancellationToken)
    {
        var reports = new Dictionary<string, UnitReport>(StringComparer.Ordinal);
        var submissions = tables.Get(SubmissionTables.Submissions);
        await foreach (var row in TableQueries.ReadPartitionAsync<SubmissionEntity>(submissions, TableQueries.Partition(campaignId), cancellationToken, ReportColumns))
        {
            if (row.Revision > 0)
            {
                reports[row.RowKey] = new UnitReport(row.RowKey, row.Revision, row.OnTime, row.Late, row.Readiness, row.SubmittedAt, row.FirstSubmittedAt);
            }
        }

        return reports;
    }

    public async Task<IReadOnlyList<LatestAnswer>> ReadLatestAnswersAsync(string campaignId, CancellationToken cancellationToken)
    {
        var answers = new List<LatestAnswer>();
        var table = tables.Get(SubmissionTables.Answers);
        await foreach (var row in TableQueries.ReadPartitionAsync<AnswerEntity>(table, TableQueries.Partition(campaignId), cancellationToken, AnswerColumns))
        {
            answers.Add(row.ToLatestAnswer());
        }

        return answers;
    }
}
