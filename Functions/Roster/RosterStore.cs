using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Caching.Memory;
using TetReadiness.Common;
using TetReadiness.Storage;

namespace TetReadiness.Roster;

/// <summary>
/// The roster in <c>Units</c> and <c>Districts</c> (one partition each: a full read is one request per
/// 1,000 rows), the frozen copies closed campaigns keep in <c>CampaignUnits</c>, and the log of imports in
/// <c>RosterImports</c>: the only code that names these tables. Single units are cached briefly for the submission path.
/// </summary>
public sealed class RosterStore(TableClients tables, IMemoryCache cache) : IUnitDirectory, ILinkGenerations, ICampaignRosters
{
    /// <summary>How long a unit read stays cached: a removed officer can still submit for this long.</summary>
    public static readonly TimeSpan UnitCacheDuration = TimeSpan.FromSeconds(30);

    private const int MaxRaiseAttempts = 10;

    private TableClient Units => tables.Get(RosterTables.Units);

    private TableClient Districts => tables.Get(RosterTables.Districts);

    private TableClient CampaignUnits => tables.Get(RosterTables.CampaignUnits);

    private TableClient RosterImports => tables.Get(RosterTables.RosterImports);

    public Task<RosterUnit?> GetUnitAsync(string unitId, CancellationToken cancellationToken) =>
        cache.GetOrLoadAsync(CacheKey(unitId), UnitCacheDuration, async token =>
        {
            var response = await Units.GetEntityIfExistsAsync<UnitEntity>(UnitEntity.CurrentPartition, unitId, cancellationToken: token);
            return response.HasValue ? response.Value!.ToUnit() : null;
        }, cancellationToken);

    public async Task<RosterUnit?> ReadUnitAsync(string unitId, CancellationToken cancellationToken)
    {
        var response = await Units.GetEntityIfExistsAsync<UnitEntity>(UnitEntity.CurrentPartition, unitId, cancellationToken: cancellationToken);
        var unit = response.HasValue ? response.Value!.ToUnit() : null;
        _ = cache.Set(CacheKey(unitId), Task.FromResult(unit), UnitCacheDuration);
        return unit;
    }

    public async IAsyncEnumerable<RosterUnit> ReadCurrentUnitsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in ReadCurrentRowsAsync(cancellationToken))
        {
            yield return row.ToUnit();
        }
    }

    public async IAsyncEnumerable<RosterUnit> ReadAreaUnitsAsync(string campaignId, bool frozen, string districtId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var unit in ReadUnitsForCampaignAsync(campaignId, frozen, cancellationToken))
        {
            if (unit.DistrictId == districtId)
            {
                yield return unit;
            }
        }
    }

    public async IAsyncEnumerable<RosterUnit> ReadUnitsForCampaignAsync(string campaignId, bool frozen, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var rows = frozen
            ? TableQueries.ReadPartitionAsync<UnitEntity>(CampaignUnits, TableQueries.Partition(campaignId), cancellationToken)
            : ReadCurrentRowsAsync(cancellationToken);
        await foreach (var row in rows)
        {
            yield return row.ToUnit();
        }
    }

    public async Task<IReadOnlyList<RosterDistrict>> ReadDistrictsAsync(CancellationToken cancellationToken)
    {
        var districts = new List<RosterDistrict>();
        await foreach (var row in TableQueries.ReadPartitionAsync<DistrictEntity>(Districts, TableQueries.Partition(UnitEntity.CurrentPartition), cancellationToken))
        {
            districts.Add(row.ToDistrict());
        }

        return districts;
    }

    public async Task<LinkGenerationRaise> RaiseAsync(string unitId, Func<RosterUnit, bool> allowed, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxRaiseAttempts; attempt++)
        {
            var found = await Units.GetEntityIfExistsAsync<UnitEntity>(UnitEntity.CurrentPartition, unitId, cancellationToken: cancellationToken);
            if (!found.HasValue)
            {
                return new LinkGenerationRaise(LinkGenerationOutcome.UnknownUnit);
            }

            var row = found.Value!;
            if (!allowed(row.ToUnit()))
            {
                return new LinkGenerationRaise(LinkGenerationOutcome.Refused);
            }

            var generation = (row.LinkGeneration ?? 0) + 1;
            try
            {
                var patch = new TableEntity(UnitEntity.CurrentPartition, unitId) { [nameof(UnitEntity.LinkGeneration)] = generation };
                await Units.UpdateEntityAsync(patch, row.ETag, TableUpdateMode.Merge, cancellationToken);
                cache.Remove(CacheKey(unitId));
                return new LinkGenerationRaise(LinkGenerationOutcome.Raised, generation);
            }
            catch (RequestFailedException exception) when (exception.Status == 412)
            {
                // A concurrent revocation or import changed the row: read it again.
            }
        }

        return new LinkGenerationRaise(LinkGenerationOutcome.KeptChanging);
    }

    public async Task FreezeAsync(string campaignId, CancellationToken cancellationToken)
    {
        var actions = new List<TableTransactionAction>();
        await foreach (var unit in ReadCurrentRowsAsync(cancellationToken))
        {
            unit.PartitionKey = campaignId;
            unit.ETag = ETag.All;
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, unit));
        }

        await TableBatches.SubmitInChunksAsync(CampaignUnits, actions, cancellationToken);
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
        await TableBatches.SubmitInChunksAsync(Units, unitActions, cancellationToken);
        foreach (var unit in changes.Reactivated)
        {
            await ReactivateAsync(Units, UnitEntity.From(unit, importedAt), cancellationToken);
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
        await TableBatches.SubmitInChunksAsync(Districts, districtActions, cancellationToken);
        foreach (var district in changes.DistrictsToWrite.Where(d => changes.ReactivatedDistrictIds.Contains(d.DistrictId)))
        {
            await ReactivateAsync(Districts, DistrictEntity.From(district, importedAt), cancellationToken);
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

    internal Task RecordImportAsync(RosterImportEntity record, CancellationToken cancellationToken) =>
        RosterImports.AddEntityAsync(record, cancellationToken);

    private IAsyncEnumerable<UnitEntity> ReadCurrentRowsAsync(CancellationToken cancellationToken) =>
        TableQueries.ReadPartitionAsync<UnitEntity>(Units, TableQueries.Partition(UnitEntity.CurrentPartition), cancellationToken);

    private static string CacheKey(string unitId) => "unit:" + unitId;
}
