using Azure.Data.Tables;
using TetReadiness.Storage;

namespace TetReadiness.Roster;

/// <summary>
/// Builds <c>AreaUnits</c> from a roster written before it existed: every row of <c>Units</c>, all its columns (the
/// link generation too), in its area's partition. Adds only rows that are missing, so a row an import of the new
/// version wrote meanwhile is left as it is, and a second run (or a second instance) changes nothing.
/// </summary>
public sealed class AreaUnitsMigration(TableClients tables) : IDataMigration
{
    public const string MigrationId = "2026-12-roster-area-units";

    public string Id => MigrationId;

    public string Description => "AreaUnits: the current roster by area, copied from Units";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in TableQueries.ReadPartitionAsync<TableEntity>(tables.Get(RosterTables.Units), TableQueries.Partition(UnitEntity.CurrentPartition), cancellationToken))
        {
            var copy = new TableEntity(row) { PartitionKey = row.GetString(nameof(UnitEntity.DistrictId)), RowKey = row.RowKey };
            copy.Remove("odata.etag");
            copy.Remove(nameof(ITableEntity.Timestamp));
            rows.Add(copy);
        }

        return await RosterBatches.WriteAsync(
            tables.Get(RosterTables.AreaUnits),
            RosterBatches.ByPartition(rows, r => r.PartitionKey),
            row => new TableTransactionAction(TableTransactionActionType.Add, row),
            cancellationToken);
    }
}
