using Azure.Data.Tables;
using TetReadiness.Storage;

namespace TetReadiness.Digests;

/// <summary>The <c>StatusSnapshots</c> table: one batch write per campaign and day, one range read for the previous day.</summary>
public sealed class StatusSnapshotStore(TableClients tables)
{
    /// <summary>How far back "the previous digest" is looked for, when the app was down for a day or two.</summary>
    public const int LookBackDays = 7;

    public Task UpsertAsync(IReadOnlyList<StatusSnapshotEntity> rows, CancellationToken cancellationToken) =>
        TableBatches.SubmitInChunksAsync(
            tables.Get(DigestTables.StatusSnapshots),
            rows.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)).ToList(),
            cancellationToken);

    /// <summary>The rows of the latest snapshot day before <paramref name="date"/> (within <see cref="LookBackDays"/>), or none.</summary>
    public async Task<IReadOnlyList<StatusSnapshotEntity>> ReadPreviousAsync(string campaignId, DateOnly date, CancellationToken cancellationToken)
    {
        var from = StatusSnapshotEntity.DateKey(date.AddDays(-LookBackDays));
        var to = StatusSnapshotEntity.DateKey(date);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {campaignId} and RowKey ge {from} and RowKey lt {to}");
        var rows = new List<StatusSnapshotEntity>();
        await foreach (var row in TableQueries.ReadPartitionAsync<StatusSnapshotEntity>(tables.Get(DigestTables.StatusSnapshots), filter, cancellationToken))
        {
            rows.Add(row);
        }

        if (rows.Count == 0)
        {
            return rows;
        }

        var latest = rows.Select(r => r.SnapshotDate).Max(StringComparer.Ordinal);
        return rows.Where(r => r.SnapshotDate == latest).ToList();
    }
}
