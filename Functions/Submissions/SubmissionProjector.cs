using Azure;
using Azure.Data.Tables;
using TetReadiness.Storage;

namespace TetReadiness.Submissions;

/// <summary>
/// Keeps the latest-state tables (<c>Submissions</c>, <c>Answers</c>) in step with <c>SubmissionRevisions</c>.
/// Every write is conditional on the storage ETag of what was read, and nothing older ever replaces something
/// newer, so concurrent or repeated projections of different revisions end on the newest.
/// </summary>
public sealed class SubmissionProjector(TableClients tables)
{
    private const int MaxAttempts = 50;

    private TableClient Submissions => tables.Get(SubmissionTables.Submissions);

    private TableClient Answers => tables.Get(SubmissionTables.Answers);

    // With the pending flag as it was (a refused submission puts it back) and the review copy (the lock's first check,
    // and what the projection carries over).
    private static readonly string[] NumberingColumns =
    [
        nameof(SubmissionEntity.Revision), nameof(SubmissionEntity.FirstSubmittedAt), nameof(SubmissionEntity.OnTime), nameof(SubmissionEntity.ProjectionPending),
        nameof(SubmissionEntity.PendingRevision), nameof(SubmissionEntity.PendingSince), .. SubmissionEntity.ReviewColumns,
    ];

    /// <summary>
    /// The newest revision as the unit's <c>Submissions</c> row has it (one point read), when that row is known to be
    /// up to date: no projection pending. <c>Behind</c> when it may not be, so the revision log must be read. <c>Row</c>
    /// is the row as read (null when there is none), with its pending flag and review copy.
    /// </summary>
    internal async Task<(bool Behind, RevisionEntity? Latest, SubmissionEntity? Row)> ReadProjectedLatestAsync(string campaignId, string districtId, string unitId, CancellationToken cancellationToken)
    {
        var found = await Submissions.GetEntityIfExistsAsync<SubmissionEntity>(campaignId, SubmissionKeys.Row(districtId, unitId), NumberingColumns, cancellationToken);
        if (!found.HasValue)
        {
            // No row: no submission yet, or one whose writer died before even flagging it, or a unit whose row is still
            // under the area it left (or under its key from before issue 15); in each case a taken number conflicts
            // at commit and the retry reads the revision log.
            return (false, null, null);
        }

        var row = found.Value!;
        return row.ProjectionPending ? (true, null, row) : (false, row.Revision > 0 ? row : null, row);
    }

    /// <summary>
    /// Takes back the flag a refused submission set (<see cref="MarkPendingAsync"/>, whose ETag is
    /// <paramref name="marker"/>): the row as it was before (<paramref name="before"/>, null when there was none), so a
    /// refusal leaves nothing written. A row someone else wrote since is left to them.
    /// </summary>
    internal async Task UndoPendingAsync(string campaignId, string districtId, string unitId, SubmissionEntity? before, ETag marker, CancellationToken cancellationToken)
    {
        var rowKey = SubmissionKeys.Row(districtId, unitId);
        try
        {
            if (before is null)
            {
                await Submissions.DeleteEntityAsync(campaignId, rowKey, marker, cancellationToken);
                return;
            }

            var row = (await Submissions.GetEntityAsync<TableEntity>(campaignId, rowKey, cancellationToken: cancellationToken)).Value;
            if (row.ETag != marker)
            {
                return;
            }

            row[nameof(SubmissionEntity.ProjectionPending)] = before.ProjectionPending;
            row[nameof(SubmissionEntity.PendingRevision)] = before.PendingRevision;
            if (before.PendingSince is { } since)
            {
                row[nameof(SubmissionEntity.PendingSince)] = since;
            }
            else
            {
                row.Remove(nameof(SubmissionEntity.PendingSince));
            }

            await Submissions.UpdateEntityAsync(row, marker, TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status is 404 or 412)
        {
            // Written by someone else meanwhile: their projection (or the repair) decides.
        }
    }

    /// <summary>
    /// Copies a unit's review onto its row (read, then replaced under its ETag, every other column kept): the state as of
    /// the row's revision, so a revision projected meanwhile is never shown with a stale state, and never older than the
    /// copy already there. The row's revision, or null when the unit has no row in the area's key range.
    /// </summary>
    public async Task<int?> WriteReviewCopyAsync(string campaignId, string districtId, string unitId, ReviewStanding review, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var found = await Submissions.GetEntityIfExistsAsync<TableEntity>(campaignId, SubmissionKeys.Row(districtId, unitId), cancellationToken: cancellationToken);
            if (!found.HasValue || (found.Value!.GetInt32(nameof(SubmissionEntity.Revision)) ?? 0) == 0)
            {
                return null;
            }

            var row = found.Value!;
            var revision = row.GetInt32(nameof(SubmissionEntity.Revision)) ?? 0;
            if ((row.GetInt32(nameof(SubmissionEntity.ReviewSequence)) ?? 0) >= review.Sequence)
            {
                return revision;
            }

            SetOrRemove(row, nameof(SubmissionEntity.ReviewState), review.StateAt(revision));
            SetOrRemove(row, nameof(SubmissionEntity.ReviewSequence), review.Sequence);
            SetOrRemove(row, nameof(SubmissionEntity.ReviewedRevision), review.ReviewedRevision);
            SetOrRemove(row, nameof(SubmissionEntity.ReviewedAt), review.ReviewedAt);
            SetOrRemove(row, nameof(SubmissionEntity.ReviewedBy), review.ReviewedBy);
            SetOrRemove(row, nameof(SubmissionEntity.ReviewComment), review.Comment);
            SetOrRemove(row, nameof(SubmissionEntity.ReopenRequestedAt), review.ReopenRequestedAt);
            SetOrRemove(row, nameof(SubmissionEntity.ReopenReason), review.ReopenReason);
            try
            {
                await Submissions.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
                return revision;
            }
            catch (RequestFailedException exception) when (exception.Status is 404 or 412)
            {
                // A projection or another review wrote the row meanwhile: read again.
            }
        }

        throw new InvalidOperationException($"Could not copy review {review.Sequence} of {campaignId}/{unitId} after {MaxAttempts} attempts.");
    }

    private static void SetOrRemove(TableEntity row, string column, object? value)
    {
        if (value is null)
        {
            row.Remove(column);
        }
        else
        {
            row[column] = value;
        }
    }

    /// <summary>Flags the unit's row before a commit, so a crash between commit and projection is found later.</summary>
    public async Task<ETag> MarkPendingAsync(string campaignId, string districtId, string unitId, int revision, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var marker = new TableEntity(campaignId, SubmissionKeys.Row(districtId, unitId))
        {
            [nameof(SubmissionEntity.CampaignId)] = campaignId,
            [nameof(SubmissionEntity.UnitId)] = unitId,
            [nameof(SubmissionEntity.ProjectionPending)] = true,
            [nameof(SubmissionEntity.PendingRevision)] = revision,
            [nameof(SubmissionEntity.PendingSince)] = now,
        };
        var response = await Submissions.UpsertEntityAsync(marker, TableUpdateMode.Merge, cancellationToken);
        return response.Headers.ETag ?? ETag.All;
    }

    /// <summary>Projects <paramref name="revision"/> into the unit's row in the key range of <paramref name="districtId"/>.</summary>
    public Task ProjectAsync(Revision revision, string districtId, ETag? pendingETag, CancellationToken cancellationToken) =>
        ProjectAsync(revision, districtId, pendingETag, null, cancellationToken);

    /// <summary>
    /// The same, over the row <paramref name="replaced"/> as read with <paramref name="pendingETag"/> (or with the
    /// flag that ETag set): its review copy is carried over without reading it again.
    /// </summary>
    internal async Task ProjectAsync(Revision revision, string districtId, ETag? pendingETag, SubmissionEntity? replaced, CancellationToken cancellationToken)
    {
        // Answers first: the Submissions row clears the pending flag, so it is written last, or a crash between the
        // two would leave Answers behind with nothing flagged for repair.
        await ProjectAnswersAsync(revision, cancellationToken);
        await ProjectLatestAsync(revision, districtId, pendingETag, replaced, cancellationToken);
    }

    /// <summary>Clears a pending flag whose revision was never committed (the writer died before its commit).</summary>
    internal async Task ClearAbandonedAsync(SubmissionEntity row, CancellationToken cancellationToken)
    {
        try
        {
            if (row.Revision == 0)
            {
                await Submissions.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, cancellationToken);
            }
            else
            {
                row.ProjectionPending = false;
                row.PendingSince = null;
                await Submissions.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
            }
        }
        catch (RequestFailedException exception) when (exception.Status is 404 or 412)
        {
            // Someone else wrote the row meanwhile; their projection decides.
        }
    }

    private async Task ProjectLatestAsync(Revision revision, string districtId, ETag? knownETag, SubmissionEntity? knownRow, CancellationToken cancellationToken)
    {
        var etag = knownETag;
        var replaced = knownRow;
        var pendingRevision = revision.Number;
        DateTimeOffset? pendingSince = null;
        if (etag is not null && replaced is null)
        {
            // The row is replaced whole: its review copy is read first, so it is carried over (a retry's path).
            var current = await Submissions.GetEntityIfExistsAsync<SubmissionEntity>(revision.CampaignId, SubmissionKeys.Row(districtId, revision.UnitId), cancellationToken: cancellationToken);
            replaced = current.HasValue ? current.Value : null;
        }

        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var entity = SubmissionEntity.Latest(revision, districtId);
            entity.CarryReview(replaced);
            entity.PendingRevision = pendingRevision;
            entity.ProjectionPending = pendingRevision > revision.Number;

            // A newer writer's marker stays findable by the repair, which looks for PendingSince past its grace.
            entity.PendingSince = entity.ProjectionPending ? pendingSince : null;
            try
            {
                if (etag is { } match)
                {
                    await Submissions.UpdateEntityAsync(entity, match, TableUpdateMode.Replace, cancellationToken);
                }
                else
                {
                    await Submissions.AddEntityAsync(entity, cancellationToken);
                }

                return;
            }
            catch (RequestFailedException exception) when (exception.Status is 409 or 412 or 404)
            {
                var current = await Submissions.GetEntityIfExistsAsync<SubmissionEntity>(revision.CampaignId, entity.RowKey, cancellationToken: cancellationToken);
                if (!current.HasValue)
                {
                    etag = null;
                    continue;
                }

                var row = current.Value!;
                if (row.Revision >= revision.Number)
                {
                    return;
                }

                etag = row.ETag;
                replaced = row;
                pendingRevision = Math.Max(row.PendingRevision, revision.Number);
                pendingSince = row.PendingSince;
            }
        }

        throw new InvalidOperationException($"Could not project revision {revision.Number} of {revision.CampaignId}/{revision.UnitId} after {MaxAttempts} attempts.");
    }

    private async Task ProjectAnswersAsync(Revision revision, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var existing = new Dictionary<string, AnswerEntity>(StringComparer.Ordinal);
            var filter = TableQueries.PartitionPrefix(revision.CampaignId, revision.UnitId + "|");
            // A unit's first revision normally finds no answers, so it skips the read and adds its rows: if any exist
            // (a newer revision projected first, or a repair), the adds fail with 409 and the next attempt reads.
            var assumeEmpty = revision.Number == 1 && attempt == 0;
            // PartitionKey too: a row this revision no longer answers is deleted by its full key.
            await foreach (var row in assumeEmpty
                ? AsyncEnumerable.Empty<AnswerEntity>()
                : TableQueries.ReadPartitionAsync<AnswerEntity>(Answers, filter, cancellationToken, ["PartitionKey", "RowKey", nameof(AnswerEntity.Revision)]))
            {
                existing[row.RowKey] = row;
            }

            if (existing.Values.Any(row => row.Revision > revision.Number))
            {
                return;
            }

            var wanted = revision.Answers.Select(a => AnswerEntity.Latest(revision, a)).ToList();
            var wantedKeys = wanted.Select(a => a.RowKey).ToHashSet(StringComparer.Ordinal);
            var actions = wanted
                .Select(a => existing.TryGetValue(a.RowKey, out var old)
                    ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, a, old.ETag)
                    : new TableTransactionAction(TableTransactionActionType.Add, a))
                .Concat(existing.Values.Where(old => !wantedKeys.Contains(old.RowKey))
                    .Select(old => new TableTransactionAction(TableTransactionActionType.Delete, old, old.ETag)))
                .ToList();
            try
            {
                // One batch for a unit (98 items at most); only a checklist change that renames many items needs two.
                foreach (var chunk in actions.Chunk(TableBatches.MaxBatchSize))
                {
                    await Answers.SubmitTransactionAsync(chunk, cancellationToken);
                }

                return;
            }
            catch (TableTransactionFailedException exception) when (exception.Status is 409 or 412 or 404)
            {
                // Another projection wrote this unit's answers meanwhile: read again and decide again.
            }
        }

        throw new InvalidOperationException($"Could not project the answers of revision {revision.Number} of {revision.CampaignId}/{revision.UnitId}.");
    }
}
