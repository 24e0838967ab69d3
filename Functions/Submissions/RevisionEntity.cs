using Azure;
using Azure.Data.Tables;

namespace TetReadiness.Submissions;

/// <summary>
/// The header row of a revision in <c>SubmissionRevisions</c> (<c>RowType = revision</c>).
/// <see cref="SubmissionEntity"/> (the latest) has the same columns.
/// </summary>
internal class RevisionEntity : ITableEntity
{
    public const string RowTypeName = "revision";

    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string RowType { get; set; } = RowTypeName;

    public string CampaignId { get; set; } = string.Empty;

    public string UnitId { get; set; } = string.Empty;

    public string UnitName { get; set; } = string.Empty;

    public string DistrictId { get; set; } = string.Empty;

    public string DistrictName { get; set; } = string.Empty;

    public int Revision { get; set; }

    public DateTimeOffset SubmittedAt { get; set; }

    public DateTimeOffset FirstSubmittedAt { get; set; }

    public bool Late { get; set; }

    public bool OnTime { get; set; }

    public double? Readiness { get; set; }

    public int ChecklistVersion { get; set; }

    public int AnswerCount { get; set; }

    public int ReadyCount { get; set; }

    public int PartialCount { get; set; }

    public int NotReadyCount { get; set; }

    public int NotApplicableCount { get; set; }

    public string? SubmitterName { get; set; }

    public string? SubmitterTitle { get; set; }

    public string? SubmitterPhone { get; set; }

    public string SubmittedBy { get; set; } = string.Empty;

    public string SubmittedVia { get; set; } = string.Empty;

    /// <summary>Absent from rows written before issue 16; read as null.</summary>
    public string? Difficulties { get; set; }

    public string? Proposals { get; set; }

    public static RevisionEntity From(Revision revision) => Fill(new RevisionEntity(), revision,
        RevisionKeys.Partition(revision.CampaignId, revision.UnitId), RevisionKeys.Header(revision.Number));

    protected static T Fill<T>(T entity, Revision revision, string partitionKey, string rowKey)
        where T : RevisionEntity
    {
        entity.PartitionKey = partitionKey;
        entity.RowKey = rowKey;
        entity.CampaignId = revision.CampaignId;
        entity.UnitId = revision.UnitId;
        entity.UnitName = revision.UnitName;
        entity.DistrictId = revision.DistrictId;
        entity.DistrictName = revision.DistrictName;
        entity.Revision = revision.Number;
        entity.SubmittedAt = revision.SubmittedAt;
        entity.FirstSubmittedAt = revision.FirstSubmittedAt;
        entity.Late = revision.Late;
        entity.OnTime = revision.OnTime;
        entity.Readiness = revision.Readiness;
        entity.ChecklistVersion = revision.ChecklistVersion;
        entity.AnswerCount = revision.Answers.Count;
        entity.ReadyCount = revision.Count(AnswerStatus.Ready);
        entity.PartialCount = revision.Count(AnswerStatus.Partial);
        entity.NotReadyCount = revision.Count(AnswerStatus.NotReady);
        entity.NotApplicableCount = revision.Count(AnswerStatus.NotApplicable);
        entity.SubmitterName = revision.Submitter?.Name;
        entity.SubmitterTitle = revision.Submitter?.Title;
        entity.SubmitterPhone = revision.Submitter?.Phone;
        entity.SubmittedBy = revision.SubmittedBy;
        entity.SubmittedVia = revision.SubmittedVia;
        entity.Difficulties = revision.Difficulties;
        entity.Proposals = revision.Proposals;
        return entity;
    }

    public Revision ToRevision(IReadOnlyList<Answer> answers) => new(
        CampaignId, UnitId, UnitName, DistrictId, DistrictName, Revision, SubmittedAt, FirstSubmittedAt, Late, OnTime, ChecklistVersion,
        SubmitterName is null && SubmitterTitle is null && SubmitterPhone is null ? null : new Submitter(SubmitterName ?? "", SubmitterTitle ?? "", SubmitterPhone ?? ""),
        SubmittedBy, SubmittedVia, answers, Difficulties, Proposals);
}
