using Azure;
using Azure.Data.Tables;
using TetReadiness.Outbox;
using TetReadiness.Storage;

namespace TetReadiness.Digests;

/// <summary>
/// The <c>Digests</c> table: point reads and conditional writes for the outbox, a day's rows added 100 to a batch,
/// and one filtered query for the rows still waiting to be sent.
/// </summary>
public sealed class DigestStore(TableClients tables) : IOutboxStore<DigestEntity, DigestMessage>
{
    private TableClient Digests => tables.Get(DigestTables.Digests);

    public Task<DigestEntity?> FindAsync(DigestMessage message, CancellationToken cancellationToken) =>
        GetAsync(message.Date, DigestEntity.RowKeyFor(message.Recipient), cancellationToken);

    public Task<DigestEntity?> ReadAgainAsync(DigestEntity row, CancellationToken cancellationToken) =>
        GetAsync(row.PartitionKey, row.RowKey, cancellationToken);

    /// <summary>Adds the day's rows; a recipient's row that exists already (an earlier run planned it) is left as it is.</summary>
    public Task AddAsync(IReadOnlyList<DigestEntity> rows, ICollection<DigestEntity> added, CancellationToken cancellationToken) =>
        TableBatches.AddNewAsync(Digests, rows, added, cancellationToken);

    /// <summary>Stamps <c>EnqueuedAt</c>: a row without it was planned by a run that stopped before queueing it.</summary>
    public async Task MarkQueuedAsync(IReadOnlyList<DigestEntity> rows, DateTimeOffset at, CancellationToken cancellationToken)
    {
        foreach (var row in rows)
        {
            // Merge without a condition: a sender may already have claimed the row, and only this column changes.
            var patch = new TableEntity(row.PartitionKey, row.RowKey) { [nameof(DigestEntity.EnqueuedAt)] = at };
            await Digests.UpdateEntityAsync(patch, ETag.All, TableUpdateMode.Merge, cancellationToken);
        }
    }

    /// <summary>
    /// Rows of <paramref name="date"/> and the days before it still waiting to be sent: one filtered query over those
    /// partitions (a row per recipient per day), which returns only the few rows that are not settled.
    /// </summary>
    public async Task<IReadOnlyList<DigestEntity>> ReadWaitingUpToAsync(string date, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey le {date} and (State eq {DigestState.Queued} or State eq {DigestState.Sending})");
        var rows = new List<DigestEntity>();
        await foreach (var row in TableQueries.ReadPartitionAsync<DigestEntity>(Digests, filter, cancellationToken))
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Writes the row if nobody changed it since it was read; false when someone did (the claim is lost).</summary>
    public Task<bool> TryReplaceAsync(DigestEntity row, CancellationToken cancellationToken) =>
        ConditionalWrites.TryReplaceAsync(Digests, row, cancellationToken);

    public Task<bool> TryDeleteAsync(DigestEntity row, CancellationToken cancellationToken) =>
        ConditionalWrites.TryDeleteAsync(Digests, row, cancellationToken);

    private async Task<DigestEntity?> GetAsync(string date, string rowKey, CancellationToken cancellationToken)
    {
        var response = await Digests.GetEntityIfExistsAsync<DigestEntity>(date, rowKey, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }
}
