using Azure;
using Azure.Data.Tables;
using TetReadiness.Storage;

namespace TetReadiness.Roster;

/// <summary>
/// Re-keys the frozen rosters of <c>CampaignUnits</c> from row key <c>{UnitId}</c> to <c>{DistrictId}|{UnitId}</c>,
/// one campaign partition at a time: first every row under its new key (added only where missing), then the old rows
/// deleted. Readers count a unit found under both keys once, so the frozen roster reads the same at every step; a run
/// stopped part-way, run again, or run by two instances at once ends in the same rows. Rows already under the new key
/// are left alone.
/// </summary>
public sealed class CampaignUnitsKeysMigration(TableClients tables) : IDataMigration
{
    public const string MigrationId = "2026-12-campaign-units-area-keys";

    public string Id => MigrationId;

    public string Description => "CampaignUnits: row key {DistrictId}|{UnitId}, so a frozen roster's area is a key range";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var table = tables.Get(RosterTables.CampaignUnits);
        var changes = 0;
        var partition = new List<TableEntity>();
        await foreach (var page in table.QueryAsync<TableEntity>(maxPerPage: TableQueries.PageSize, cancellationToken: cancellationToken).AsPages())
        {
            foreach (var row in page.Values.Where(r => !r.RowKey.Contains('|', StringComparison.Ordinal)))
            {
                if (partition.Count > 0 && partition[0].PartitionKey != row.PartitionKey)
                {
                    changes += await RekeyAsync(table, partition, cancellationToken);
                    partition.Clear();
                }

                partition.Add(row);
            }
        }

        return changes + await RekeyAsync(table, partition, cancellationToken);
    }

    private static async Task<int> RekeyAsync(TableClient table, List<TableEntity> oldRows, CancellationToken cancellationToken)
    {
        if (oldRows.Count == 0)
        {
            return 0;
        }

        var partitionKey = oldRows[0].PartitionKey;
        var added = await RosterBatches.WriteAsync(table, partitionKey, oldRows, row =>
        {
            var copy = new TableEntity(row) { RowKey = UnitEntity.FrozenRowKey(row.GetString(nameof(UnitEntity.DistrictId)), row.RowKey) };
            copy.Remove("odata.etag");
            copy.Remove(nameof(ITableEntity.Timestamp));
            return new TableTransactionAction(TableTransactionActionType.Add, copy);
        }, cancellationToken);
        var deleted = await RosterBatches.WriteAsync(
            table,
            partitionKey, oldRows,
            row => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(row.PartitionKey, row.RowKey), ETag.All),
            cancellationToken);
        return added + deleted;
    }
}
