using Azure.Data.Tables;
using TetReadiness.FeedSchema;
using TetReadiness.Storage;
using static TetReadiness.FeedSchema.FeedColumns;

namespace TetReadiness.Submissions;

/// <summary>The submissions' tables in the reporting feed (the Power BI contract, docs/power-bi-schema.json). Submitters' phone numbers stay out.</summary>
public static class SubmissionFeed
{
    /// <summary>The latest revision of each unit that has reported (a unit whose first revision is still being written is left out).</summary>
    public static FeedTable Submissions { get; } = new("submissions", SubmissionTables.Submissions,
        RevisionColumns(includeRevisionKey: false),
        TableClient.CreateQueryFilter($"Revision gt {0}"))
    {
        PerCampaign = campaign => new FeedQuery(SubmissionTables.Submissions, TableQueries.Partition(campaign.CampaignId)),
    };

    /// <summary>Every revision ever submitted (the header rows of <c>SubmissionRevisions</c>).</summary>
    public static FeedTable Revisions { get; } = new("revisions", SubmissionTables.SubmissionRevisions,
        RevisionColumns(includeRevisionKey: true),
        TableClient.CreateQueryFilter($"RowType eq {RevisionEntity.RowTypeName}"))
    {
        // Partitions "{campaignId}|{unitId}": ids never hold '|' or '}', and '}' sorts right after '|'.
        PerCampaign = campaign => new FeedQuery(SubmissionTables.SubmissionRevisions,
            TableClient.CreateQueryFilter($"PartitionKey gt {campaign.CampaignId + "|"} and PartitionKey lt {campaign.CampaignId + "}"}")),
    };

    /// <summary>Each unit's latest answer to each item: the long table readiness is aggregated from.</summary>
    public static FeedTable Answers { get; } = new("answers", SubmissionTables.Answers,
    [
        CampaignUnitKey(),
        Computed("checklistItemKey", FeedColumnType.Text, ChecklistItemKey,
            nameof(AnswerEntity.CampaignId), nameof(AnswerEntity.ChecklistVersion), nameof(AnswerEntity.ItemId)),
        Text("campaignId", nameof(AnswerEntity.CampaignId)),
        Text("unitId", nameof(AnswerEntity.UnitId)),
        Text("districtId", nameof(AnswerEntity.DistrictId)),
        Text("itemId", nameof(AnswerEntity.ItemId)),
        Text("sectionId", nameof(AnswerEntity.SectionId)),
        Int("revision", nameof(AnswerEntity.Revision)),
        Int("checklistVersion", nameof(AnswerEntity.ChecklistVersion)),
        Text("status", nameof(AnswerEntity.Status)),
        Number("score", nameof(AnswerEntity.Score)),
        Text("note", nameof(AnswerEntity.Note)),
        .. Instant("submittedAt", nameof(AnswerEntity.SubmittedAt)),
        Modified(),
    ])
    {
        PerCampaign = campaign => new FeedQuery(SubmissionTables.Answers, TableQueries.Partition(campaign.CampaignId)),
    };

    private static List<FeedColumn> RevisionColumns(bool includeRevisionKey)
    {
        var columns = new List<FeedColumn>();
        if (includeRevisionKey)
        {
            columns.Add(Computed("revisionKey", FeedColumnType.Text,
                row => Key(FeedValues.Text(row.Entity, nameof(RevisionEntity.CampaignId)), FeedValues.Text(row.Entity, nameof(RevisionEntity.UnitId)), FeedValues.Int(row.Entity, nameof(RevisionEntity.Revision))?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                nameof(RevisionEntity.CampaignId), nameof(RevisionEntity.UnitId), nameof(RevisionEntity.Revision)));
        }

        columns.AddRange(
        [
            CampaignUnitKey(),
            Text("campaignId", nameof(RevisionEntity.CampaignId)),
            Text("unitId", nameof(RevisionEntity.UnitId)),
            Text("unitName", nameof(RevisionEntity.UnitName)),
            Text("districtId", nameof(RevisionEntity.DistrictId)),
            Text("districtName", nameof(RevisionEntity.DistrictName)),
            Int("revision", nameof(RevisionEntity.Revision)),
            .. Instant("submittedAt", nameof(RevisionEntity.SubmittedAt)),
            .. Instant("firstSubmittedAt", nameof(RevisionEntity.FirstSubmittedAt)),
            Bool("late", nameof(RevisionEntity.Late)),
            Bool("onTime", nameof(RevisionEntity.OnTime)),
            Number("readiness", nameof(RevisionEntity.Readiness)),
            Int("checklistVersion", nameof(RevisionEntity.ChecklistVersion)),
            Int("answerCount", nameof(RevisionEntity.AnswerCount)),
            Int("readyCount", nameof(RevisionEntity.ReadyCount)),
            Int("partialCount", nameof(RevisionEntity.PartialCount)),
            Int("notReadyCount", nameof(RevisionEntity.NotReadyCount)),
            Int("notApplicableCount", nameof(RevisionEntity.NotApplicableCount)),
            Text("submitterName", nameof(RevisionEntity.SubmitterName)),
            Text("submitterTitle", nameof(RevisionEntity.SubmitterTitle)),
            Text("submittedVia", nameof(RevisionEntity.SubmittedVia)),
            Text("difficulties", nameof(RevisionEntity.Difficulties)),
            Text("proposals", nameof(RevisionEntity.Proposals)),
            Modified(),
        ]);
        return columns;
    }
}
