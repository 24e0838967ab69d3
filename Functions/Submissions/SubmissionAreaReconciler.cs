using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using TetReadiness.Roster;
using TetReadiness.Storage;

namespace TetReadiness.Submissions;

/// <summary>
/// Keeps each unit's <c>Submissions</c> row in the key range of the area the current roster puts it in: a roster
/// import that moves a unit to another area, or a submission made with a roster cached from before the move, leaves
/// the row under the old area. One read of the roster and one of the campaign's rows (a page per 1,000 each); then,
/// per misplaced unit, one batch in the campaign's partition that writes the newest row at the right key and deletes
/// the others, conditional on what was read, so a submission landing meanwhile is never overwritten (the batch fails
/// and the next run decides again).
/// </summary>
public sealed class SubmissionAreaReconciler(TableClients tables, IUnitDirectory roster, ILogger<SubmissionAreaReconciler> logger)
{
    private static readonly string[] KeyColumns =
    [
        "RowKey", nameof(SubmissionEntity.UnitId), nameof(SubmissionEntity.Revision), nameof(SubmissionEntity.ProjectionPending),
        nameof(SubmissionEntity.PendingRevision), nameof(SubmissionEntity.PendingSince),
    ];

    private TableClient Submissions => tables.Get(SubmissionTables.Submissions);

    /// <summary>
    /// Moves the misplaced rows of one campaign to the areas its roster gives the units (its frozen roster once it has
    /// one, as the area reads use); returns how many units were moved.
    /// </summary>
    public async Task<int> ReconcileAsync(string campaignId, bool frozen, CancellationToken cancellationToken)
    {
        var areas = new Dictionary<string, RosterUnit>(StringComparer.Ordinal);
        await foreach (var unit in roster.ReadUnitsForCampaignAsync(campaignId, frozen, cancellationToken))
        {
            areas[unit.UnitId] = unit;
        }

        var rows = new List<SubmissionEntity>();
        await foreach (var row in TableQueries.ReadPartitionAsync<SubmissionEntity>(Submissions, TableQueries.Partition(campaignId), cancellationToken, KeyColumns))
        {
            rows.Add(row);
        }

        var moved = 0;
        foreach (var unitRows in rows.GroupBy(row => row.UnitId, StringComparer.Ordinal))
        {
            // A pending row keyed by area is the repair's first. A row keyed as before issue 15 is one an instance of the
            // old version wrote during a rolling upgrade (or one the migration left because a newer row was there):
            // moved like any other, its item columns filled, and a pending flag it carries moves with it, so the repair
            // then projects the unit's newest revision from the log.
            if (!areas.TryGetValue(unitRows.Key, out var unit)
                || unitRows.Any(row => row.ProjectionPending && SubmissionKeys.DistrictOf(row.RowKey) is not null)
                || unitRows.All(row => row.RowKey == SubmissionKeys.Row(unit.DistrictId, unit.UnitId)))
            {
                continue;
            }

            if (await MoveAsync(campaignId, unit, unitRows.ToList(), cancellationToken))
            {
                moved++;
                logger.LogInformation("Moved the Submissions row of {CampaignId}/{UnitId} to area {DistrictId}", campaignId, unit.UnitId, unit.DistrictId);
            }
        }

        return moved;
    }

    private async Task<bool> MoveAsync(string campaignId, RosterUnit unit, List<SubmissionEntity> keys, CancellationToken cancellationToken)
    {
        var targetKey = SubmissionKeys.Row(unit.DistrictId, unit.UnitId);
        var newest = keys.MaxBy(row => row.Revision)!;
        var source = await Submissions.GetEntityIfExistsAsync<TableEntity>(campaignId, newest.RowKey, cancellationToken: cancellationToken);
        if (!source.HasValue)
        {
            return false;
        }

        var target = keys.FirstOrDefault(row => row.RowKey == targetKey);
        var copy = SubmissionRowCopy.At(source.Value!, targetKey);
        copy[nameof(SubmissionEntity.DistrictId)] = unit.DistrictId;
        copy[nameof(SubmissionEntity.DistrictName)] = unit.DistrictName;
        if (keys.Where(row => row.ProjectionPending).ToList() is { Count: > 0 } pending)
        {
            copy[nameof(SubmissionEntity.ProjectionPending)] = true;
            copy[nameof(SubmissionEntity.PendingRevision)] = keys.Max(row => row.PendingRevision);
            copy[nameof(SubmissionEntity.PendingSince)] = pending.Min(row => row.PendingSince) ?? DateTimeOffset.MinValue;
        }

        if (SubmissionKeys.DistrictOf(newest.RowKey) is null)
        {
            var answers = new List<Answer>();
            var filter = TableQueries.PartitionPrefix(campaignId, unit.UnitId + "|");
            await foreach (var row in TableQueries.ReadPartitionAsync<AnswerEntity>(tables.Get(SubmissionTables.Answers), filter, cancellationToken))
            {
                var answer = row.ToLatestAnswer();
                answers.Add(new Answer(answer.ItemId, answer.SectionId, answer.Status, answer.Note));
            }

            copy[nameof(SubmissionEntity.ItemStatuses)] = ItemStatusCodes.Encode(answers);
            copy[nameof(SubmissionEntity.GapNotes)] = GapNotes.Encode(answers);
        }

        var actions = new List<TableTransactionAction>
        {
            target is null
                ? new TableTransactionAction(TableTransactionActionType.Add, copy)
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, copy, target.ETag),
        };
        actions.AddRange(keys.Where(row => row.RowKey != targetKey).Select(row =>
            new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(campaignId, row.RowKey), row.RowKey == newest.RowKey ? source.Value!.ETag : row.ETag)));
        try
        {
            await Submissions.SubmitTransactionAsync(actions, cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException exception) when (exception.Status is 404 or 409 or 412)
        {
            // A submission or another repair wrote meanwhile: the next run decides from what is there then.
            return false;
        }
        catch (RequestFailedException exception) when (exception.Status is 404 or 409 or 412)
        {
            return false;
        }
    }
}
