using Azure;
using Azure.Data.Tables;

namespace TetReadiness.Submissions;

/// <summary>
/// One answer as a row. In <c>SubmissionRevisions</c> (<c>RowType = answer</c>) it belongs to a revision;
/// in <c>Answers</c> (partition = campaign id, row key = <c>{unitId}|{itemId}</c>) it is the unit's latest answer.
/// </summary>
internal sealed class AnswerEntity : ITableEntity
{
    public const string RowTypeName = "answer";

    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string RowType { get; set; } = RowTypeName;

    public string CampaignId { get; set; } = string.Empty;

    public string UnitId { get; set; } = string.Empty;

    public string DistrictId { get; set; } = string.Empty;

    public int Revision { get; set; }

    public int ChecklistVersion { get; set; }

    public string SectionId { get; set; } = string.Empty;

    public string ItemId { get; set; } = string.Empty;

    public string Status { get; set; } = string.Empty;

    /// <summary>1 ready, 0.5 partial, 0 not ready, empty when not applicable.</summary>
    public double? Score { get; set; }

    public string? Note { get; set; }

    public DateTimeOffset SubmittedAt { get; set; }

    public static string LatestRowKey(string unitId, string itemId) => $"{unitId}|{itemId}";

    public static AnswerEntity ForRevision(Revision revision, Answer answer) =>
        From(revision, answer, RevisionKeys.Partition(revision.CampaignId, revision.UnitId), RevisionKeys.Answer(revision.Number, answer.ItemId));

    public static AnswerEntity Latest(Revision revision, Answer answer) =>
        From(revision, answer, revision.CampaignId, LatestRowKey(revision.UnitId, answer.ItemId));

    public Answer ToAnswer() => new(ItemId, SectionId, ParsedStatus(), Note);

    public LatestAnswer ToLatestAnswer() => new(UnitId, DistrictId, ItemId, SectionId, ParsedStatus(), Note, SubmittedAt);

    private AnswerStatus ParsedStatus() => AnswerStatusNames.TryParse(Status, out var status) ? status : AnswerStatus.NotApplicable;

    private static AnswerEntity From(Revision revision, Answer answer, string partitionKey, string rowKey) => new()
    {
        PartitionKey = partitionKey,
        RowKey = rowKey,
        CampaignId = revision.CampaignId,
        UnitId = revision.UnitId,
        DistrictId = revision.DistrictId,
        Revision = revision.Number,
        ChecklistVersion = revision.ChecklistVersion,
        SectionId = answer.SectionId,
        ItemId = answer.ItemId,
        Status = answer.Status.Name(),
        Score = ReadinessScore.ScoreOf(answer.Status),
        Note = answer.Note,
        SubmittedAt = revision.SubmittedAt,
    };
}
