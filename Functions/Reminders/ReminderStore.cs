using Azure.Data.Tables;
using TetReadiness.Outbox;
using TetReadiness.Storage;

namespace TetReadiness.Reminders;

/// <summary>
/// The <c>Reminders</c> table: point reads and conditional writes for the outbox, rows added 100 to a batch (one
/// campaign's partition), and the scan's one query per page of a campaign's partition.
/// </summary>
public sealed class ReminderStore(TableClients tables) : IOutboxStore<ReminderEntity, ReminderMessage>
{
    /// <summary>What the scan reads of every row: enough to know what was decided and what was lost.</summary>
    private static readonly string[] ScanColumns =
    [
        "PartitionKey", "RowKey", nameof(ReminderEntity.UnitId), nameof(ReminderEntity.Checkpoint), nameof(ReminderEntity.State),
        nameof(ReminderEntity.DecidedAt), nameof(ReminderEntity.ClaimedAt), nameof(ReminderEntity.RequeuedAt),
    ];

    private TableClient Reminders => tables.Get(ReminderTables.Reminders);

    /// <summary>A campaign's rows, only the columns the scan needs.</summary>
    public IAsyncEnumerable<ReminderEntity> ReadCampaignAsync(string campaignId, CancellationToken cancellationToken) =>
        TableQueries.ReadPartitionAsync<ReminderEntity>(Reminders, TableQueries.Partition(campaignId), cancellationToken, ScanColumns);

    public Task<ReminderEntity?> FindAsync(ReminderMessage message, CancellationToken cancellationToken) =>
        GetAsync(message.CampaignId, ReminderEntity.RowKeyFor(message.UnitId, message.Checkpoint), cancellationToken);

    public Task<ReminderEntity?> ReadAgainAsync(ReminderEntity row, CancellationToken cancellationToken) =>
        GetAsync(row.PartitionKey, row.RowKey, cancellationToken);

    /// <summary>Adds the rows 100 to a batch; a batch that meets a row another scan added is retried row by row (that scan queues it).</summary>
    public Task AddAsync(IReadOnlyList<ReminderEntity> rows, ICollection<ReminderEntity> added, CancellationToken cancellationToken) =>
        TableBatches.AddNewAsync(Reminders, rows, added, cancellationToken);

    public Task<bool> TryReplaceAsync(ReminderEntity row, CancellationToken cancellationToken) =>
        ConditionalWrites.TryReplaceAsync(Reminders, row, cancellationToken);

    public Task<bool> TryDeleteAsync(ReminderEntity row, CancellationToken cancellationToken) =>
        ConditionalWrites.TryDeleteAsync(Reminders, row, cancellationToken);

    /// <summary>A reminder row does not record when its message was queued.</summary>
    public Task MarkQueuedAsync(IReadOnlyList<ReminderEntity> rows, DateTimeOffset at, CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<ReminderEntity?> GetAsync(string campaignId, string rowKey, CancellationToken cancellationToken)
    {
        var found = await Reminders.GetEntityIfExistsAsync<ReminderEntity>(campaignId, rowKey, cancellationToken: cancellationToken);
        return found.HasValue ? found.Value : null;
    }
}
