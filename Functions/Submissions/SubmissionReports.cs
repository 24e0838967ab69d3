using Azure.Data.Tables;
using TetReadiness.Storage;

namespace TetReadiness.Submissions;

/// <summary>
/// A campaign's latest reports from <c>Submissions</c> (one query per page, only the columns counted): the whole
/// campaign (its one partition), or one area's key range. A unit whose row still sits under an area it left (until the
/// projection repair moves it) is read once, by its newest revision.
/// </summary>
public sealed class SubmissionReports(TableClients tables, DataMigrationState migrations) : ISubmissionReports
{
    private static readonly string[] ReportColumns =
    [
        "RowKey", nameof(SubmissionEntity.UnitId), nameof(SubmissionEntity.DistrictId), nameof(SubmissionEntity.Revision),
        nameof(SubmissionEntity.OnTime), nameof(SubmissionEntity.Late), nameof(SubmissionEntity.Readiness),
        nameof(SubmissionEntity.SubmittedAt), nameof(SubmissionEntity.FirstSubmittedAt),
        nameof(SubmissionEntity.ReviewState), nameof(SubmissionEntity.ReviewedRevision), nameof(SubmissionEntity.ReopenRequestedAt),
    ];

    private static readonly string[] ReviewQueueColumns =
        [.. ReportColumns, nameof(SubmissionEntity.ReviewedAt), nameof(SubmissionEntity.UnitName), nameof(SubmissionEntity.DistrictName)];

    private static readonly string[] ContributionColumns =
        [.. ReportColumns, nameof(SubmissionEntity.ItemStatuses), nameof(SubmissionEntity.GapNotes)];

    private static readonly string[] TextColumns =
    [
        "RowKey", nameof(SubmissionEntity.UnitId), nameof(SubmissionEntity.UnitName), nameof(SubmissionEntity.DistrictId),
        nameof(SubmissionEntity.Revision), nameof(SubmissionEntity.SubmittedAt), nameof(SubmissionEntity.Difficulties), nameof(SubmissionEntity.Proposals),
    ];

    private static readonly string[] AnswerColumns =
    [
        nameof(AnswerEntity.UnitId), nameof(AnswerEntity.DistrictId), nameof(AnswerEntity.ItemId), nameof(AnswerEntity.SectionId),
        nameof(AnswerEntity.Status), nameof(AnswerEntity.Score), nameof(AnswerEntity.Note), nameof(AnswerEntity.SubmittedAt),
    ];

    public async Task<IReadOnlyDictionary<string, UnitReport>> ReadReportsAsync(string campaignId, CancellationToken cancellationToken) =>
        Newest(await ReadRowsAsync(TableQueries.Partition(campaignId), ReportColumns, cancellationToken))
            .ToDictionary(row => row.UnitId, row => row.ToContribution().Report, StringComparer.Ordinal);

    public async Task<IReadOnlyList<UnitContribution>> ReadContributionsAsync(string campaignId, CancellationToken cancellationToken) =>
        Newest(await ReadRowsAsync(TableQueries.Partition(campaignId), ContributionColumns, cancellationToken))
            .Select(row => row.ToContribution())
            .ToList();

    public async Task<IReadOnlyList<UnitContribution>> ReadAreaContributionsAsync(string campaignId, string districtId, CancellationToken cancellationToken) =>
        Newest(await ReadRowsAsync(TableQueries.PartitionPrefix(campaignId, SubmissionKeys.AreaPrefix(districtId)), ContributionColumns, cancellationToken))
            .Select(row => row.ToContribution())
            .ToList();

    public async Task<IReadOnlyList<ReviewedReport>> ReadReviewedReportsAsync(string campaignId, string? districtId, CancellationToken cancellationToken) =>
        Newest(await ReadRowsAsync(districtId is null ? TableQueries.Partition(campaignId) : TableQueries.PartitionPrefix(campaignId, SubmissionKeys.AreaPrefix(districtId)), ReviewQueueColumns, cancellationToken))
            .Select(row => new ReviewedReport(row.ToContribution().Report, SubmissionKeys.DistrictOf(row.RowKey) ?? row.DistrictId, row.UnitName, row.DistrictName, row.ReviewedAt))
            .ToList();

    public async Task<UnitReport?> ReadUnitReportAsync(string campaignId, string districtId, string unitId, CancellationToken cancellationToken)
    {
        var table = tables.Get(SubmissionTables.Submissions);
        var found = await table.GetEntityIfExistsAsync<SubmissionEntity>(campaignId, SubmissionKeys.Row(districtId, unitId), ReportColumns, cancellationToken);
        if (!found.HasValue && !await AreaKeysReadyAsync(cancellationToken))
        {
            found = await table.GetEntityIfExistsAsync<SubmissionEntity>(campaignId, unitId, ReportColumns, cancellationToken);
        }

        return found.HasValue && found.Value!.Revision > 0 ? found.Value.ToContribution().Report : null;
    }

    public Task<bool> AreaKeysReadyAsync(CancellationToken cancellationToken) =>
        migrations.HasCompletedAsync(SubmissionAreaKeysMigration.MigrationId, cancellationToken);

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

    public async Task<IReadOnlyList<DifficultiesAndProposals>> ReadDifficultiesAndProposalsAsync(string campaignId, string? districtId, CancellationToken cancellationToken)
    {
        // Any text is greater than the empty string, and a comparison with a property a row does not have is false (the
        // row is not returned) in Azure's table service and in Azurite alike (DifficultiesAndProposalsReadTests checks
        // Azurite): "gt ''" keeps exactly the rows holding a text, since blank texts are never stored.
        var filter = districtId is null
            ? TableClient.CreateQueryFilter(
                $"PartitionKey eq {campaignId} and (Difficulties gt {string.Empty} or Proposals gt {string.Empty})")
            : TableClient.CreateQueryFilter(
                $"PartitionKey eq {campaignId} and RowKey ge {SubmissionKeys.AreaPrefix(districtId)} and RowKey lt {SubmissionKeys.AreaPrefix(districtId) + '\uffff'} and (Difficulties gt {string.Empty} or Proposals gt {string.Empty})");
        return Newest(await ReadRowsAsync(filter, TextColumns, cancellationToken))
            .Select(row => new DifficultiesAndProposals(row.UnitId, row.UnitName, row.DistrictId, row.Revision, row.SubmittedAt, row.Difficulties, row.Proposals))
            .ToList();
    }

    private async Task<List<SubmissionEntity>> ReadRowsAsync(string filter, string[] columns, CancellationToken cancellationToken)
    {
        var rows = new List<SubmissionEntity>();
        await foreach (var row in TableQueries.ReadPartitionAsync<SubmissionEntity>(tables.Get(SubmissionTables.Submissions), filter, cancellationToken, columns))
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Per unit, its newest row; a unit whose first revision is still pending (revision 0) is left out.</summary>
    private static IEnumerable<SubmissionEntity> Newest(IEnumerable<SubmissionEntity> rows) =>
        rows.Where(row => row.Revision > 0)
            .GroupBy(row => row.UnitId, StringComparer.Ordinal)
            .Select(unit => unit.MaxBy(row => row.Revision)!);
}
