using Azure.Data.Tables;
using TetReadiness.Campaigns;
using TetReadiness.Digests;
using TetReadiness.Reminders;
using TetReadiness.Roster;
using TetReadiness.Storage;
using TetReadiness.Submissions;

namespace TetReadiness.Reporting;

/// <summary>
/// The star schema as the feed serves it. docs/power-bi-schema.json documents the same tables and columns, and a
/// test fails when they disagree. Every instant comes three times: <c>{name}Utc</c>, and the Vietnam
/// <c>{name}Date</c> and <c>{name}Time</c>; <c>modifiedAtUtc</c> is the storage timestamp (for incremental refresh).
/// Contact details (emails, phone numbers) stay out of the feed: only their counts are published.
/// </summary>
public static class FeedTables
{
    public static FeedTable Districts { get; } = new("districts", TableNames.Districts, FeedSource.Roster,
    [
        Text("districtId", nameof(DistrictEntity.DistrictId)),
        Text("districtName", nameof(DistrictEntity.DistrictName)),
        Text("areaLevel", nameof(DistrictEntity.AreaLevel)),
        Bool("active", nameof(DistrictEntity.Active)),
        Computed("coordinatorCount", FeedColumnType.Int, row => FeedValues.Count(row.Entity, nameof(DistrictEntity.CoordinatorEmails)), nameof(DistrictEntity.CoordinatorEmails)),
        .. Instant("importedAt", nameof(DistrictEntity.ImportedAt)),
        .. Instant("deactivatedAt", nameof(DistrictEntity.DeactivatedAt)),
        Modified(),
    ]);

    /// <summary>One row per campaign and unit it counts: the denominator of every rate.</summary>
    public static FeedTable Units { get; } = new("units", TableNames.Units, FeedSource.CampaignRoster,
    [
        Computed("campaignUnitKey", FeedColumnType.Text, row => Key(CampaignOf(row), FeedValues.Text(row.Entity, nameof(UnitEntity.UnitId))), nameof(UnitEntity.UnitId)),
        Computed("campaignId", FeedColumnType.Text, CampaignOf),
        Text("unitId", nameof(UnitEntity.UnitId)),
        Text("unitName", nameof(UnitEntity.UnitName)),
        Text("districtId", nameof(UnitEntity.DistrictId)),
        Text("districtName", nameof(UnitEntity.DistrictName)),
        Bool("active", nameof(UnitEntity.Active)),
        Int("officerCount", nameof(UnitEntity.OfficerCount)),
        Computed("rosterSource", FeedColumnType.Text, row => row.Campaign?.RosterFrozenAt is null ? "current" : "frozen"),
        .. Instant("importedAt", nameof(UnitEntity.ImportedAt)),
        .. Instant("deactivatedAt", nameof(UnitEntity.DeactivatedAt)),
        Modified(),
    ]);

    public static FeedTable Campaigns { get; } = new("campaigns", TableNames.Campaigns, FeedSource.Campaigns,
    [
        Text("campaignId", nameof(CampaignEntity.CampaignId)),
        Text("title", nameof(CampaignEntity.Title)),
        .. Instant("opensAt", nameof(CampaignEntity.OpensAt)),
        .. Instant("deadline", nameof(CampaignEntity.Deadline)),
        .. Instant("closesAt", nameof(CampaignEntity.ClosesAt)),
        Int("checklistVersion", nameof(CampaignEntity.ChecklistVersion)),
        Int("itemCount", nameof(CampaignEntity.ItemCount)),
        .. Instant("createdAt", nameof(CampaignEntity.CreatedAt)),
        .. Instant("updatedAt", nameof(CampaignEntity.UpdatedAt)),
        .. Instant("rosterFrozenAt", nameof(CampaignEntity.RosterFrozenAt)),
        Modified(),
    ]);

    /// <summary>Every version of every campaign's checklist; item ids stay the same from one year's campaign to the next.</summary>
    public static FeedTable ChecklistItems { get; } = new("checklist-items", TableNames.ChecklistItems, FeedSource.CampaignPartition,
    [
        Computed("checklistItemKey", FeedColumnType.Text, ChecklistItemKey,
            nameof(ChecklistItemEntity.CampaignId), nameof(ChecklistItemEntity.ChecklistVersion), nameof(ChecklistItemEntity.ItemId)),
        Text("campaignId", nameof(ChecklistItemEntity.CampaignId)),
        Int("checklistVersion", nameof(ChecklistItemEntity.ChecklistVersion)),
        Computed("inCurrentVersion", FeedColumnType.Bool,
            row => row.Campaign is { } campaign && FeedValues.Int(row.Entity, nameof(ChecklistItemEntity.ChecklistVersion)) == campaign.ChecklistVersion,
            nameof(ChecklistItemEntity.ChecklistVersion)),
        Text("sectionId", nameof(ChecklistItemEntity.SectionId)),
        Text("sectionTitle", nameof(ChecklistItemEntity.SectionTitle)),
        Int("sectionOrder", nameof(ChecklistItemEntity.SectionOrder)),
        Text("itemId", nameof(ChecklistItemEntity.ItemId)),
        Text("itemText", nameof(ChecklistItemEntity.ItemText)),
        Bool("required", nameof(ChecklistItemEntity.Required)),
        Int("itemOrder", nameof(ChecklistItemEntity.ItemOrder)),
        Modified(),
    ]);

    /// <summary>The latest revision of each unit that has reported (a unit whose first revision is still being written is left out).</summary>
    public static FeedTable Submissions { get; } = new("submissions", TableNames.Submissions, FeedSource.CampaignPartition,
        RevisionColumns(includeRevisionKey: false),
        TableClient.CreateQueryFilter($"Revision gt {0}"));

    /// <summary>Every revision ever submitted (the header rows of <c>SubmissionRevisions</c>).</summary>
    public static FeedTable Revisions { get; } = new("revisions", TableNames.SubmissionRevisions, FeedSource.CampaignUnitPartitions,
        RevisionColumns(includeRevisionKey: true),
        TableClient.CreateQueryFilter($"RowType eq {RevisionEntity.RowTypeName}"));

    /// <summary>Each unit's latest answer to each item: the long table readiness is aggregated from.</summary>
    public static FeedTable Answers { get; } = new("answers", TableNames.Answers, FeedSource.CampaignPartition,
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
    ]);

    public static FeedTable Reminders { get; } = new("reminders", TableNames.Reminders, FeedSource.CampaignPartition,
    [
        CampaignUnitKey(),
        Text("campaignId", nameof(ReminderEntity.CampaignId)),
        Text("unitId", nameof(ReminderEntity.UnitId)),
        Text("unitName", nameof(ReminderEntity.UnitName)),
        Text("districtId", nameof(ReminderEntity.DistrictId)),
        Text("districtName", nameof(ReminderEntity.DistrictName)),
        Text("checkpoint", nameof(ReminderEntity.Checkpoint)),
        Text("kind", nameof(ReminderEntity.Kind)),
        Date("reminderDate", nameof(ReminderEntity.ReminderDate)),
        Int("daysLeft", nameof(ReminderEntity.DaysLeft)),
        Int("daysOverdue", nameof(ReminderEntity.DaysOverdue)),
        Bool("escalated", nameof(ReminderEntity.Escalated)),
        Text("state", nameof(ReminderEntity.State)),
        Int("attempts", nameof(ReminderEntity.Attempts)),
        Computed("recipientCount", FeedColumnType.Int, row => FeedValues.Count(row.Entity, nameof(ReminderEntity.Recipients)), nameof(ReminderEntity.Recipients)),
        .. Instant("decidedAt", nameof(ReminderEntity.DecidedAt)),
        .. Instant("claimedAt", nameof(ReminderEntity.ClaimedAt)),
        .. Instant("sentAt", nameof(ReminderEntity.SentAt)),
        Modified(),
    ]);

    /// <summary>Each day's digest figures per district and for the whole city (<c>scope = city</c>, empty district id).</summary>
    public static FeedTable StatusSnapshots { get; } = new("status-snapshots", TableNames.StatusSnapshots, FeedSource.CampaignPartition,
    [
        Text("campaignId", nameof(StatusSnapshotEntity.CampaignId)),
        Date("snapshotDate", nameof(StatusSnapshotEntity.SnapshotDate)),
        Text("scope", nameof(StatusSnapshotEntity.Scope)),
        Text("districtId", nameof(StatusSnapshotEntity.DistrictId)),
        Text("districtName", nameof(StatusSnapshotEntity.DistrictName)),
        Int("units", nameof(StatusSnapshotEntity.Units)),
        Int("reported", nameof(StatusSnapshotEntity.Reported)),
        Int("onTime", nameof(StatusSnapshotEntity.OnTime)),
        Int("late", nameof(StatusSnapshotEntity.Late)),
        Int("missing", nameof(StatusSnapshotEntity.Missing)),
        Number("reportingRate", nameof(StatusSnapshotEntity.ReportingRate)),
        Number("readiness", nameof(StatusSnapshotEntity.Readiness)),
        .. Instant("takenAt", nameof(StatusSnapshotEntity.TakenAt)),
        Modified(),
    ]);

    public static IReadOnlyList<FeedTable> All { get; } =
        [Districts, Units, Campaigns, ChecklistItems, Submissions, Revisions, Answers, Reminders, StatusSnapshots];

    public static FeedTable? Find(string? name) => All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));

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
            Modified(),
        ]);
        return columns;
    }

    private static FeedColumn Text(string name, string property) =>
        new(name, FeedColumnType.Text, row => FeedValues.Text(row.Entity, property), [property]);

    private static FeedColumn Int(string name, string property) =>
        new(name, FeedColumnType.Int, row => FeedValues.Int(row.Entity, property), [property]);

    private static FeedColumn Number(string name, string property) =>
        new(name, FeedColumnType.Number, row => FeedValues.Number(row.Entity, property), [property]);

    private static FeedColumn Bool(string name, string property) =>
        new(name, FeedColumnType.Bool, row => FeedValues.Bool(row.Entity, property), [property]);

    private static FeedColumn Date(string name, string property) =>
        new(name, FeedColumnType.Date, row => FeedValues.Date(row.Entity, property), [property]);

    /// <summary><c>{name}Utc</c>, <c>{name}Date</c> and <c>{name}Time</c> from one stored instant.</summary>
    private static FeedColumn[] Instant(string name, string property)
    {
        Func<FeedRow, object?> value = row => FeedValues.Instant(row.Entity, property);
        return
        [
            new(name + "Utc", FeedColumnType.DateTimeUtc, value, [property]),
            new(name + "Date", FeedColumnType.Date, value, [property]),
            new(name + "Time", FeedColumnType.Time, value, [property]),
        ];
    }

    private static FeedColumn Modified() =>
        new("modifiedAtUtc", FeedColumnType.DateTimeUtc, row => row.Entity.Timestamp, []);

    private static FeedColumn Computed(string name, FeedColumnType type, Func<FeedRow, object?> value, params string[] sources) =>
        new(name, type, value, sources);

    private static FeedColumn CampaignUnitKey() =>
        Computed("campaignUnitKey", FeedColumnType.Text,
            row => Key(FeedValues.Text(row.Entity, "CampaignId"), FeedValues.Text(row.Entity, "UnitId")), "CampaignId", "UnitId");

    private static object? ChecklistItemKey(FeedRow row) =>
        Key(FeedValues.Text(row.Entity, "CampaignId"), FeedValues.Int(row.Entity, "ChecklistVersion")?.ToString(System.Globalization.CultureInfo.InvariantCulture), FeedValues.Text(row.Entity, "ItemId"));

    private static string? CampaignOf(FeedRow row) => row.Campaign?.CampaignId;

    /// <summary>A relationship key of several ids, '|'-separated (ids never contain '|'); null when a part is missing.</summary>
    private static string? Key(params string?[] parts) => parts.Any(p => p is null) ? null : string.Join('|', parts);
}
