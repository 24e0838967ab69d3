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

    private static readonly string[] NumberingColumns =
        [nameof(SubmissionEntity.Revision), nameof(SubmissionEntity.FirstSubmittedAt), nameof(SubmissionEntity.OnTime), nameof(SubmissionEntity.ProjectionPending)];

    /// <summary>
    /// The newest revision as the unit's <c>Submissions</c> row has it (one point read), when that row is known to be
    /// up to date: no projection pending. <c>Behind</c> when it may not be, so the revision log must be read.
    /// </summary>
    internal async Task<(bool Behind, RevisionEntity? Latest)> ReadProjectedLatestAsync(string campaignId, string districtId, string unitId, CancellationToken cancellationToken)
    {
        var found = await Submissions.GetEntityIfExistsAsync<SubmissionEntity>(campaignId, SubmissionKeys.Row(districtId, unitId), NumberingColumns, cancellationToken);
        if (!found.HasValue)
        {
            // No row: no submission yet, or one whose writer died before even flagging it, or a unit whose row is still
            // under the area it left (or under its key from before issue 15); in each case a taken number conflicts
            // at commit and the retry reads the revision log.
            return (false, null);
        }

        var row = found.Value!;
        return row.ProjectionPending ? (true, null) : (false, row.Revision > 0 ? row : null);
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
    public async Task ProjectAsync(Revision revision, string districtId, ETag? pendingETag, CancellationToken cancellationToken)
    {
        // Answers first: the Submissions row clears the pending flag, so it is written last, or a crash between the
        // two would leave Answers behind with nothing flagged for repair.
        await ProjectAnswersAsync(revision, cancellationToken);
        await ProjectLatestAsync(revision, districtId, pendingETag, cancellationToken);
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

    private async Task ProjectLatestAsync(Revision revision, string districtId, ETag? knownETag, CancellationToken cancellationToken)
    {
        var etag = knownETag;
        var pendingRevision = revision.Number;
        DateTimeOffset? pendingSince = null;
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var entity = SubmissionEntity.Latest(revision, districtId);
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
