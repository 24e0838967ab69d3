using Azure;
using Azure.Data.Tables;
using TetReadiness.Storage;

namespace TetReadiness.Submissions;

/// <summary>
/// <c>SubmissionRevisions</c>, the source of truth. Committing a revision is one entity-group transaction that
/// adds its header and all its answers; adding a revision number that exists fails the whole batch, which is
/// how two officers submitting at once get consecutive numbers and neither is lost.
/// <para>
/// The number after the newest revision may hold a fence row (<c>RowType = fence</c>), put there by the projection
/// repair: a writer that read the log before it can no longer commit that number (its add fails, or its replace of an
/// older fence), and has to read the log again; the next writer replaces the fence with its revision, so numbers stay
/// gapless. Every read here passes over it.
/// </para>
/// <para>
/// A review puts a guard there instead (<c>RowType = review</c>, <see cref="RevisionGuard"/>): the same fence, which an
/// accept leaves standing as the report's lock, and which writers treat as a fence once it is stale
/// (<see cref="ReviewGuardRule"/>). Every read here passes over it too.
/// </para>
/// </summary>
public sealed class RevisionStore(TableClients tables, TimeProvider clock)
{
    public const string FenceRowType = "fence";

    public const string GuardRowType = "review";

    // Fence + header + at most 98 answers: the latest revision always fits one page.
    private const int LatestPageSize = 100;

    private TableClient Revisions => tables.Get(SubmissionTables.SubmissionRevisions);

    private const string ReviewedRevisionColumn = "ReviewedRevision";
    private const string SequenceColumn = "Sequence";
    private const string DecisionColumn = "Decision";
    private const string PlacedAtColumn = "PlacedAt";
    private const string RecordedColumn = "Recorded";

    private static readonly string[] HeaderColumns =
    [
        nameof(RevisionEntity.RowType), nameof(RevisionEntity.Revision), nameof(RevisionEntity.FirstSubmittedAt), nameof(RevisionEntity.OnTime),
        ReviewedRevisionColumn, SequenceColumn, DecisionColumn, PlacedAtColumn, RecordedColumn,
    ];

    /// <summary>The newest revision with its answers, in one request.</summary>
    public async Task<Revision?> ReadLatestAsync(string campaignId, string unitId, CancellationToken cancellationToken) =>
        (await ReadLatestAndFenceAsync(campaignId, unitId, cancellationToken)).Latest;

    /// <summary>The newest revision with its answers and the ETag of the fence (or review guard) above it, if there is one: one request.</summary>
    public async Task<(Revision? Latest, ETag? Fence)> ReadLatestAndFenceAsync(string campaignId, string unitId, CancellationToken cancellationToken)
    {
        var (latest, top) = await ReadLatestAndTopAsync(campaignId, unitId, cancellationToken);
        return (latest, top.Above);
    }

    /// <summary>The newest revision with its answers and the row above it (a fence or a review guard): one request.</summary>
    public async Task<(Revision? Latest, RevisionTop Top)> ReadLatestAndTopAsync(string campaignId, string unitId, CancellationToken cancellationToken)
    {
        var filter = TableQueries.PartitionPrefix(RevisionKeys.Partition(campaignId, unitId), "r");
        await foreach (var page in Revisions.QueryAsync<TableEntity>(filter, LatestPageSize, cancellationToken: cancellationToken).AsPages())
        {
            var rows = page.Values;
            var above = rows.Count > 0 && IsAbove(rows[0]) ? rows[0] : null;
            var latest = FromRows([.. rows.Skip(above is null ? 0 : 1)]);
            return (latest, new RevisionTop(latest?.Number ?? 0, above?.ETag, above is null ? null : ToGuard(above)));
        }

        return (null, new RevisionTop(0, null, null));
    }

    /// <summary>
    /// What numbering the next revision needs (number, first submission, on time) from the newest header alone, and
    /// the row above it (a fence, or a review guard) that the next revision replaces: two rows with a few columns, where
    /// <see cref="ReadLatestAsync"/> brings back a page of headers and answers.
    /// </summary>
    internal async Task<(RevisionEntity? Latest, RevisionTop Top)> ReadLatestHeaderAsync(string campaignId, string unitId, CancellationToken cancellationToken)
    {
        var filter = TableQueries.PartitionPrefix(RevisionKeys.Partition(campaignId, unitId), "r");
        await foreach (var page in Revisions.QueryAsync<TableEntity>(filter, 2, HeaderColumns, cancellationToken).AsPages())
        {
            var rows = page.Values;
            var above = rows.Count > 0 && IsAbove(rows[0]) ? rows[0] : null;
            var latest = rows.Skip(above is null ? 0 : 1).FirstOrDefault(r => r.GetString(nameof(RevisionEntity.RowType)) == RevisionEntity.RowTypeName) is { } header
                ? ToHeader(header)
                : null;
            return (latest, new RevisionTop(latest?.Revision ?? 0, above?.ETag, above is null ? null : ToGuard(above)));
        }

        return (null, new RevisionTop(0, null, null));
    }

    /// <summary>Every revision's header, newest first (answers are not read).</summary>
    internal async Task<IReadOnlyList<RevisionEntity>> ReadHeadersAsync(string campaignId, string unitId, CancellationToken cancellationToken)
    {
        var partition = RevisionKeys.Partition(campaignId, unitId);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowType eq {RevisionEntity.RowTypeName}");
        var headers = new List<RevisionEntity>();
        await foreach (var row in TableQueries.ReadPartitionAsync<RevisionEntity>(Revisions, filter, cancellationToken))
        {
            headers.Add(row);
        }

        return headers;
    }

    /// <summary>One revision with its answers: one range read.</summary>
    public async Task<Revision?> ReadAsync(string campaignId, string unitId, int revision, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {RevisionKeys.Partition(campaignId, unitId)} and RowKey ge {RevisionKeys.Header(revision)} and RowKey lt {RevisionKeys.Header(revision) + "|\uffff"}");
        var rows = new List<TableEntity>();
        await foreach (var row in TableQueries.ReadPartitionAsync<TableEntity>(Revisions, filter, cancellationToken))
        {
            rows.Add(row);
        }

        return FromRows(rows);
    }

    public Task<bool> TryCommitAsync(Revision revision, CancellationToken cancellationToken) => TryCommitAsync(revision, null, cancellationToken);

    /// <summary>
    /// Commits the revision atomically, in place of the <paramref name="fence"/> read with the log when there was one;
    /// false when that revision number was taken or fenced meanwhile.
    /// </summary>
    public async Task<bool> TryCommitAsync(Revision revision, ETag? fence, CancellationToken cancellationToken)
    {
        var actions = new List<TableTransactionAction>(revision.Answers.Count + 1)
        {
            fence is { } etag
                ? new(TableTransactionActionType.UpdateReplace, RevisionEntity.From(revision), etag)
                : new(TableTransactionActionType.Add, RevisionEntity.From(revision)),
        };
        actions.AddRange(revision.Answers.Select(a => new TableTransactionAction(TableTransactionActionType.Add, AnswerEntity.ForRevision(revision, a))));
        try
        {
            await Revisions.SubmitTransactionAsync(actions, cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException exception) when (exception.Status is 409 or 412)
        {
            return false;
        }
    }

    /// <summary>
    /// Puts a fence at <paramref name="revision"/>, the number after the newest revision, or renews the one there
    /// (<paramref name="existing"/>): from now on only a writer that reads the log again can commit that number. False
    /// when a revision took the number first.
    /// </summary>
    public async Task<bool> TryFenceAsync(string campaignId, string unitId, int revision, ETag? existing, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var fence = new TableEntity(RevisionKeys.Partition(campaignId, unitId), RevisionKeys.Header(revision))
        {
            [nameof(RevisionEntity.RowType)] = FenceRowType,
            [nameof(RevisionEntity.CampaignId)] = campaignId,
            [nameof(RevisionEntity.UnitId)] = unitId,
            [nameof(RevisionEntity.Revision)] = revision,
            ["FencedAt"] = now,
        };
        try
        {
            if (existing is { } etag)
            {
                // Rewritten, not left alone: a writer holding the old fence's ETag must fail too.
                await Revisions.UpdateEntityAsync(fence, etag, TableUpdateMode.Replace, cancellationToken);
            }
            else
            {
                await Revisions.AddEntityAsync(fence, cancellationToken);
            }

            return true;
        }
        catch (RequestFailedException exception) when (exception.Status is 409 or 412)
        {
            return false;
        }
    }

    /// <summary>
    /// Places a review guard at <see cref="RevisionGuard.Revision"/>, in place of the fence or stale guard read there
    /// (<paramref name="replacing"/>): its ETag, or null when a revision (or another guard) took the number first.
    /// </summary>
    public async Task<ETag?> TryPlaceGuardAsync(string campaignId, string unitId, RevisionGuard guard, ETag? replacing, CancellationToken cancellationToken)
    {
        try
        {
            var entity = GuardEntity(campaignId, unitId, guard);
            var response = replacing is { } etag
                ? await Revisions.UpdateEntityAsync(entity, etag, TableUpdateMode.Replace, cancellationToken)
                : await Revisions.AddEntityAsync(entity, cancellationToken);
            return response.Headers.ETag;
        }
        catch (RequestFailedException exception) when (exception.Status is 404 or 409 or 412)
        {
            return null;
        }
    }

    /// <summary>
    /// Marks the guard's transition recorded, under the ETag it was placed with: rewritten, so a writer that judged it
    /// stale before can no longer replace it. Null when one did (a revision took the number).
    /// </summary>
    public async Task<ETag?> TryConfirmGuardAsync(string campaignId, string unitId, RevisionGuard guard, ETag placed, CancellationToken cancellationToken)
    {
        try
        {
            var response = await Revisions.UpdateEntityAsync(GuardEntity(campaignId, unitId, guard with { Recorded = true }), placed, TableUpdateMode.Replace, cancellationToken);
            return response.Headers.ETag;
        }
        catch (RequestFailedException exception) when (exception.Status is 404 or 412)
        {
            return null;
        }
    }

    /// <summary>Lifts the guard at <paramref name="revision"/> if it is still the one read (<paramref name="etag"/>).</summary>
    /// <remarks>
    /// The guard becomes a fence rather than going: it may stand where the projection repair put a fence, and a writer
    /// that read the log before that fence must still read it again (the repair has cleared that writer's flag).
    /// </remarks>
    public async Task<bool> TryRemoveGuardAsync(string campaignId, string unitId, int revision, ETag etag, CancellationToken cancellationToken) =>
        await TryFenceAsync(campaignId, unitId, revision, etag, clock.GetUtcNow(), cancellationToken);

    private static TableEntity GuardEntity(string campaignId, string unitId, RevisionGuard guard) =>
        new(RevisionKeys.Partition(campaignId, unitId), RevisionKeys.Header(guard.Revision))
        {
            [nameof(RevisionEntity.RowType)] = GuardRowType,
            [nameof(RevisionEntity.CampaignId)] = campaignId,
            [nameof(RevisionEntity.UnitId)] = unitId,
            [nameof(RevisionEntity.Revision)] = guard.Revision,
            [ReviewedRevisionColumn] = guard.ReviewedRevision,
            [SequenceColumn] = guard.Sequence,
            [DecisionColumn] = guard.Decision,
            [PlacedAtColumn] = guard.PlacedAt,
            [RecordedColumn] = guard.Recorded,
        };

    /// <summary>A fence or a review guard: the row at the number after the newest revision.</summary>
    private static bool IsAbove(TableEntity row) => row.GetString(nameof(RevisionEntity.RowType)) is FenceRowType or GuardRowType;

    private static RevisionGuard? ToGuard(TableEntity row) => row.GetString(nameof(RevisionEntity.RowType)) != GuardRowType
        ? null
        : new RevisionGuard(
            row.GetInt32(nameof(RevisionEntity.Revision)) ?? 0,
            row.GetInt32(ReviewedRevisionColumn) ?? 0,
            row.GetInt32(SequenceColumn) ?? 0,
            row.GetString(DecisionColumn) ?? string.Empty,
            row.GetDateTimeOffset(PlacedAtColumn) ?? DateTimeOffset.MinValue,
            row.GetBoolean(RecordedColumn) ?? false);

    private static Revision? FromRows(IReadOnlyList<TableEntity> rows)
    {
        if (rows.Count == 0 || rows[0].GetString(nameof(RevisionEntity.RowType)) != RevisionEntity.RowTypeName)
        {
            return null;
        }

        var header = rows[0];
        var answers = rows.Skip(1)
            .TakeWhile(r => r.RowKey.StartsWith(header.RowKey + "|", StringComparison.Ordinal))
            .Select(ToAnswerEntity)
            .Select(a => a.ToAnswer())
            .ToList();
        return ToHeader(header).ToRevision(answers);
    }

    private static RevisionEntity ToHeader(TableEntity row) => new()
    {
        PartitionKey = row.PartitionKey,
        RowKey = row.RowKey,
        ETag = row.ETag,
        CampaignId = row.GetString(nameof(RevisionEntity.CampaignId)) ?? string.Empty,
        UnitId = row.GetString(nameof(RevisionEntity.UnitId)) ?? string.Empty,
        UnitName = row.GetString(nameof(RevisionEntity.UnitName)) ?? string.Empty,
        DistrictId = row.GetString(nameof(RevisionEntity.DistrictId)) ?? string.Empty,
        DistrictName = row.GetString(nameof(RevisionEntity.DistrictName)) ?? string.Empty,
        Revision = row.GetInt32(nameof(RevisionEntity.Revision)) ?? 0,
        SubmittedAt = row.GetDateTimeOffset(nameof(RevisionEntity.SubmittedAt)) ?? default,
        FirstSubmittedAt = row.GetDateTimeOffset(nameof(RevisionEntity.FirstSubmittedAt)) ?? default,
        Late = row.GetBoolean(nameof(RevisionEntity.Late)) ?? false,
        OnTime = row.GetBoolean(nameof(RevisionEntity.OnTime)) ?? false,
        ChecklistVersion = row.GetInt32(nameof(RevisionEntity.ChecklistVersion)) ?? 0,
        SubmitterName = row.GetString(nameof(RevisionEntity.SubmitterName)),
        SubmitterTitle = row.GetString(nameof(RevisionEntity.SubmitterTitle)),
        SubmitterPhone = row.GetString(nameof(RevisionEntity.SubmitterPhone)),
        SubmittedBy = row.GetString(nameof(RevisionEntity.SubmittedBy)) ?? string.Empty,
        SubmittedVia = row.GetString(nameof(RevisionEntity.SubmittedVia)) ?? string.Empty,
        Difficulties = row.GetString(nameof(RevisionEntity.Difficulties)),
        Proposals = row.GetString(nameof(RevisionEntity.Proposals)),
    };

    private static AnswerEntity ToAnswerEntity(TableEntity row) => new()
    {
        ItemId = row.GetString(nameof(AnswerEntity.ItemId)) ?? string.Empty,
        SectionId = row.GetString(nameof(AnswerEntity.SectionId)) ?? string.Empty,
        Status = row.GetString(nameof(AnswerEntity.Status)) ?? string.Empty,
        Note = row.GetString(nameof(AnswerEntity.Note)),
    };
}
