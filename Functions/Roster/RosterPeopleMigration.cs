using Azure.Data.Tables;
using TetReadiness.Storage;

namespace TetReadiness.Roster;

/// <summary>
/// Builds <c>RosterPeople</c> from a roster written before it existed: a row per officer email of each active unit
/// and per coordinator email of each active area. Adds only rows that are missing (see <see cref="AreaUnitsMigration"/>).
/// </summary>
public sealed class RosterPeopleMigration(TableClients tables) : IDataMigration
{
    public const string MigrationId = "2026-12-roster-people";

    public string Id => MigrationId;

    public string Description => "RosterPeople: the index from an email to its units and areas, built from Units and Districts";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var units = new List<RosterUnit>();
        await foreach (var row in TableQueries.ReadPartitionAsync<UnitEntity>(tables.Get(RosterTables.Units), TableQueries.Partition(UnitEntity.CurrentPartition), cancellationToken))
        {
            units.Add(row.ToUnit());
        }

        var districts = new List<RosterDistrict>();
        await foreach (var row in TableQueries.ReadPartitionAsync<DistrictEntity>(tables.Get(RosterTables.Districts), TableQueries.Partition(UnitEntity.CurrentPartition), cancellationToken))
        {
            districts.Add(row.ToDistrict());
        }

        return await RosterBatches.WriteAsync(
            tables.Get(RosterTables.RosterPeople),
            RosterBatches.ByPartition(RosterPeopleChanges.Of(units, districts), c => RosterPeopleKeys.Bucket(RosterPeopleKeys.ForEmail(c.Email))),
            change => new TableTransactionAction(TableTransactionActionType.Add, RosterStore.PersonAction(change).Entity),
            cancellationToken);
    }
}
