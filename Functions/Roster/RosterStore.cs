using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Caching.Memory;
using TetReadiness.Common;
using TetReadiness.Storage;

namespace TetReadiness.Roster;

/// <summary>
/// The roster in <c>Units</c> and <c>Districts</c> (one partition each: a full read is one request per
/// 1,000 rows), and the frozen copies closed campaigns keep in <c>CampaignUnits</c>.
/// Single units are cached briefly for the submission path.
/// </summary>
public sealed class RosterStore(StorageTables tables, IMemoryCache cache)
{
    /// <summary>How long a unit read stays cached: a removed officer can still submit for this long.</summary>
    public static readonly TimeSpan UnitCacheDuration = TimeSpan.FromSeconds(30);

    public Task<RosterUnit?> GetUnitAsync(string unitId, CancellationToken cancellationToken) =>
        cache.GetOrLoadAsync(CacheKey(unitId), UnitCacheDuration, async token =>
        {
            var response = await tables.Units.GetEntityIfExistsAsync<UnitEntity>(UnitEntity.CurrentPartition, unitId, cancellationToken: token);
            return response.HasValue ? response.Value!.ToUnit() : null;
        }, cancellationToken);

    /// <summary>
    /// The unit as storage has it now (one point read), for a decision a cached copy must not make: a write through a
    /// unit link checks the generation a revocation raised on another instance. The cache takes the fresh copy.
    /// </summary>
    public async Task<RosterUnit?> ReadUnitAsync(string unitId, CancellationToken cancellationToken)
    {
        var response = await tables.Units.GetEntityIfExistsAsync<UnitEntity>(UnitEntity.CurrentPartition, unitId, cancellationToken: cancellationToken);
        var unit = response.HasValue ? response.Value!.ToUnit() : null;
        _ = cache.Set(CacheKey(unitId), Task.FromResult(unit), UnitCacheDuration);
        return unit;
    }

    public void Forget(string unitId) => cache.Remove(CacheKey(unitId));

    public IAsyncEnumerable<UnitEntity> ReadCurrentUnitsAsync(CancellationToken cancellationToken) =>
        TableQueries.ReadPartitionAsync<UnitEntity>(tables.Units, TableQueries.Partition(UnitEntity.CurrentPartition), cancellationToken);

    /// <summary>The units a campaign counts: its frozen roster once it has one, otherwise the current roster.</summary>
    public IAsyncEnumerable<UnitEntity> ReadUnitsForCampaignAsync(string campaignId, bool frozen, CancellationToken cancellationToken) =>
        frozen
            ? TableQueries.ReadPartitionAsync<UnitEntity>(tables.CampaignUnits, TableQueries.Partition(campaignId), cancellationToken)
            : ReadCurrentUnitsAsync(cancellationToken);

    public async Task<IReadOnlyList<RosterDistrict>> ReadDistrictsAsync(CancellationToken cancellationToken)
    {
        var districts = new List<RosterDistrict>();
        await foreach (var row in TableQueries.ReadPartitionAsync<DistrictEntity>(tables.Districts, TableQueries.Partition(UnitEntity.CurrentPartition), cancellationToken))
        {
            districts.Add(row.ToDistrict());
        }

        return districts;
    }

    /// <summary>Copies the current roster into the campaign's frozen partition (idempotent upserts).</summary>
    public async Task FreezeForCampaignAsync(string campaignId, CancellationToken cancellationToken)
    {
        var actions = new List<TableTransactionAction>();
        await foreach (var unit in ReadCurrentUnitsAsync(cancellationToken))
        {
            unit.PartitionKey = campaignId;
            unit.ETag = ETag.All;
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, unit));
        }

        await TableBatches.SubmitInChunksAsync(tables.CampaignUnits, actions, cancellationToken);
    }

    /// <summary>
    /// Writes only what changed. Merge keeps columns other features add to a unit row (its link generation). A unit
    /// or area that comes back is replaced instead, because a merge cannot clear its <c>DeactivatedAt</c>.
    /// </summary>
    public async Task ApplyAsync(RosterChanges changes, DateTimeOffset importedAt, CancellationToken cancellationToken)
    {
        var unitActions = changes.Added.Concat(changes.Updated)
            .Select(u => UnitEntity.From(u, importedAt))
            .Concat(changes.Deactivated.Select(u =>
            {
                var entity = UnitEntity.From(u, importedAt);
                entity.DeactivatedAt = importedAt;
                return entity;
            }))
            .Select(e => new TableTransactionAction(TableTransactionActionType.UpsertMerge, e))
            .ToList();
        await TableBatches.SubmitInChunksAsync(tables.Units, unitActions, cancellationToken);
        foreach (var unit in changes.Reactivated)
        {
            await ReactivateAsync(tables.Units, UnitEntity.From(unit, importedAt), cancellationToken);
        }

        var districtActions = changes.DistrictsToWrite.Where(d => !changes.ReactivatedDistrictIds.Contains(d.DistrictId))
            .Select(d => DistrictEntity.From(d, importedAt))
            .Concat(changes.DistrictsToDeactivate.Select(d =>
            {
                var entity = DistrictEntity.From(d, importedAt);
                entity.DeactivatedAt = importedAt;
                return entity;
            }))
            .Select(e => new TableTransactionAction(TableTransactionActionType.UpsertMerge, e))
            .ToList();
        await TableBatches.SubmitInChunksAsync(tables.Districts, districtActions, cancellationToken);
        foreach (var district in changes.DistrictsToWrite.Where(d => changes.ReactivatedDistrictIds.Contains(d.DistrictId)))
        {
            await ReactivateAsync(tables.Districts, DistrictEntity.From(district, importedAt), cancellationToken);
        }

        foreach (var unitId in changes.Added.Concat(changes.Updated).Concat(changes.Reactivated).Concat(changes.Deactivated).Select(u => u.UnitId))
        {
            cache.Remove(CacheKey(unitId));
        }
    }

    /// <summary>
    /// Replaces the stored row with the imported columns, keeping every other column (a unit's link generation) and
    /// dropping <c>DeactivatedAt</c>. ETag-guarded: a link revoked meanwhile is read again, never lost.
    /// </summary>
    private static async Task ReactivateAsync(TableClient table, ITableEntity imported, CancellationToken cancellationToken)
    {
        var columns = TableEntityColumns.Of(imported);
        for (var attempt = 1; ; attempt++)
        {
            var stored = (await table.GetEntityAsync<TableEntity>(imported.PartitionKey, imported.RowKey, cancellationToken: cancellationToken)).Value;
            foreach (var (name, value) in columns)
            {
                stored[name] = value;
            }

            stored.Remove(nameof(UnitEntity.DeactivatedAt));
            try
            {
                await table.UpdateEntityAsync(stored, stored.ETag, TableUpdateMode.Replace, cancellationToken);
                return;
            }
            catch (RequestFailedException exception) when (exception.Status == 412 && attempt < 5)
            {
                // Changed between the read and the write (a link revoked): read it again.
            }
        }
    }

    public Task RecordImportAsync(RosterImportEntity record, CancellationToken cancellationToken) =>
        tables.RosterImports.AddEntityAsync(record, cancellationToken);

    private static string CacheKey(string unitId) => "unit:" + unitId;
}
