using Azure;
using Azure.Data.Tables;
using TetReadiness.Outbox;
using TetReadiness.Storage;

namespace TetReadiness.Reviews;

/// <summary>The <c>ReviewNotices</c> table: point reads and conditional writes for the outbox, one row per transition.</summary>
public sealed class ReviewNoticeStore(TableClients tables) : IOutboxStore<ReviewNoticeEntity, ReviewNoticeMessage>
{
    private TableClient Notices => tables.Get(ReviewNoticeTables.ReviewNotices);

    public Task<ReviewNoticeEntity?> FindAsync(ReviewNoticeMessage message, CancellationToken cancellationToken) =>
        GetAsync(message.CampaignId, ReviewNoticeEntity.RowKeyFor(message.UnitId, message.Sequence), cancellationToken);

    public Task<ReviewNoticeEntity?> ReadAgainAsync(ReviewNoticeEntity row, CancellationToken cancellationToken) =>
        GetAsync(row.PartitionKey, row.RowKey, cancellationToken);

    /// <summary>Adds the transition's row; one that exists (the same transition asked for before) is left as it is.</summary>
    public Task AddAsync(IReadOnlyList<ReviewNoticeEntity> rows, ICollection<ReviewNoticeEntity> added, CancellationToken cancellationToken) =>
        TableBatches.AddNewAsync(Notices, rows, added, cancellationToken);

    public Task<bool> TryReplaceAsync(ReviewNoticeEntity row, CancellationToken cancellationToken) =>
        ConditionalWrites.TryReplaceAsync(Notices, row, cancellationToken);

    public Task<bool> TryDeleteAsync(ReviewNoticeEntity row, CancellationToken cancellationToken) =>
        ConditionalWrites.TryDeleteAsync(Notices, row, cancellationToken);

    /// <summary>Stamps <c>EnqueuedAt</c>: a row without it was added by a call that stopped before queueing it.</summary>
    public async Task MarkQueuedAsync(IReadOnlyList<ReviewNoticeEntity> rows, DateTimeOffset at, CancellationToken cancellationToken)
    {
        foreach (var row in rows)
        {
            // Merge without a condition: a sender may already have claimed the row, and only this column changes.
            var patch = new TableEntity(row.PartitionKey, row.RowKey) { [nameof(ReviewNoticeEntity.EnqueuedAt)] = at };
            await Notices.UpdateEntityAsync(patch, ETag.All, TableUpdateMode.Merge, cancellationToken);
        }
    }

    private async Task<ReviewNoticeEntity?> GetAsync(string campaignId, string rowKey, CancellationToken cancellationToken)
    {
        var found = await Notices.GetEntityIfExistsAsync<ReviewNoticeEntity>(campaignId, rowKey, cancellationToken: cancellationToken);
        return found.HasValue ? found.Value : null;
    }
}
