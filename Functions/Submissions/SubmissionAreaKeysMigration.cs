using Azure;
using Azure.Data.Tables;
using TetReadiness.Campaigns;
using TetReadiness.Roster;
using TetReadiness.Storage;

namespace TetReadiness.Submissions;

/// <summary>
/// Re-keys the <c>Submissions</c> rows written before issue 15 (row key = unit id) to <c>{DistrictId}|{UnitId}</c> and
/// fills their <c>ItemStatuses</c> and <c>GapNotes</c> from the unit's <c>Answers</c>. The area is the one the campaign's
/// roster gives the unit (its frozen roster once it has one, else the current one), so a unit that moved before the
/// upgrade lands where the area reads look for it; a unit no longer in that roster keeps the area its row names. Per
/// campaign: one read of its rows and, when any is in the old shape, one of its roster and one of its answers; then per
/// unit one batch that adds the new row and deletes the old one, conditional on the old row's ETag. A unit whose new row exists already (a submission since the upgrade)
/// only loses its old row. Safe to run twice, or on two instances at once: the loser's batch fails and changes nothing.
/// </summary>
public sealed class SubmissionAreaKeysMigration(TableClients tables, ICampaignDirectory campaigns, IUnitDirectory roster) : IDataMigration
{
    private const int Parallelism = 8;

    public const string MigrationId = "2026-12-submissions-area-keys";

    public string Id => MigrationId;

    public string Description => "Submissions: row key {DistrictId}|{UnitId}, ItemStatuses and GapNotes from Answers";

    private TableClient Submissions => tables.Get(SubmissionTables.Submissions);

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var changes = 0;
        foreach (var campaign in await campaigns.ListAsync(cancellationToken))
        {
            changes += await MigrateCampaignAsync(campaign, cancellationToken);
        }

        return changes;
    }

    private async Task<int> MigrateCampaignAsync(Campaign campaign, CancellationToken cancellationToken)
    {
        var campaignId = campaign.CampaignId;
        var rows = new List<TableEntity>();
        await foreach (var row in TableQueries.ReadPartitionAsync<TableEntity>(Submissions, TableQueries.Partition(campaignId), cancellationToken))
        {
            rows.Add(row);
        }

        var legacy = rows.Where(row => SubmissionKeys.DistrictOf(row.RowKey) is null).ToList();
        if (legacy.Count == 0)
        {
            return 0;
        }

        var existing = rows.Select(row => row.RowKey).ToHashSet(StringComparer.Ordinal);
        var areas = new Dictionary<string, RosterUnit>(StringComparer.Ordinal);
        await foreach (var unit in roster.ReadUnitsForCampaignAsync(campaignId, await campaigns.IsRosterFrozenAsync(campaign, cancellationToken), cancellationToken))
        {
            areas[unit.UnitId] = unit;
        }

        var answers = new Dictionary<string, List<Answer>>(StringComparer.Ordinal);
        await foreach (var row in TableQueries.ReadPartitionAsync<AnswerEntity>(tables.Get(SubmissionTables.Answers), TableQueries.Partition(campaignId), cancellationToken))
        {
            var latest = row.ToLatestAnswer();
            (answers.TryGetValue(latest.UnitId, out var list) ? list : answers[latest.UnitId] = []).Add(new Answer(latest.ItemId, latest.SectionId, latest.Status, latest.Note));
        }

        var changes = 0;
        await Parallel.ForEachAsync(legacy, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, async (row, token) =>
        {
            var unitId = row.GetString(nameof(SubmissionEntity.UnitId)) ?? row.RowKey;
            var unit = areas.GetValueOrDefault(unitId);
            var districtId = unit?.DistrictId ?? row.GetString(nameof(SubmissionEntity.DistrictId)) ?? string.Empty;
            var targetKey = SubmissionKeys.Row(districtId, unitId);
            if (districtId.Length == 0 || existing.Contains(targetKey))
            {
                // No area to put it in, or a row of the new version is there already (a submission since the upgrade):
                // which is newer, and whether either is pending, is the projection repair's to settle, which moves
                // old-key rows of open campaigns with their flags.
                return;
            }

            var unitAnswers = answers.GetValueOrDefault(unitId) ?? [];
            var copy = SubmissionRowCopy.At(row, targetKey);
            copy[nameof(SubmissionEntity.ItemStatuses)] = ItemStatusCodes.Encode(unitAnswers);
            copy[nameof(SubmissionEntity.GapNotes)] = GapNotes.Encode(unitAnswers);
            if (unit is not null)
            {
                copy[nameof(SubmissionEntity.DistrictId)] = unit.DistrictId;
                copy[nameof(SubmissionEntity.DistrictName)] = unit.DistrictName;
            }

            // The old row goes in the same batch, conditional on what was read: moved whole (a pending flag with it) or not at all.
            var actions = new List<TableTransactionAction> { new(TableTransactionActionType.Add, copy) };
            actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(campaignId, row.RowKey), row.ETag));
            try
            {
                await Submissions.SubmitTransactionAsync(actions, token);
                Interlocked.Add(ref changes, actions.Count);
            }
            catch (RequestFailedException exception) when (exception.Status is 404 or 409 or 412)
            {
                // Another instance migrated it first (the old row is gone), or a submission since the upgrade wrote the
                // new row, or an old instance rewrote the old one: left to the projection repair, as above.
            }
        });
        return changes;
    }

}
