using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Caching.Memory;
using TetReadiness.Common;
using TetReadiness.Storage;

namespace TetReadiness.Roster;

/// <summary>
/// The roster in <c>Units</c> and <c>Districts</c> (one partition each: a full read is one request per
/// 1,000 rows), the same units by area in <c>AreaUnits</c>, who is who by email in <c>RosterPeople</c>, the frozen
/// copies closed campaigns keep in <c>CampaignUnits</c>, and the log of imports in <c>RosterImports</c>: the only code
/// that names these tables. Single units and areas are cached briefly.
/// </summary>
public sealed class RosterStore(TableClients tables, IMemoryCache cache, DataMigrationState migrations) : IUnitDirectory, ILinkGenerations, ICampaignRosters
{
    /// <summary>How long a unit read stays cached: a removed officer can still submit for this long.</summary>
    public static readonly TimeSpan UnitCacheDuration = TimeSpan.FromSeconds(30);

    /// <summary>How long an area's units stay cached on an instance that did not import the change.</summary>
    public static readonly TimeSpan AreaCacheDuration = TimeSpan.FromSeconds(30);

    private const int MaxRaiseAttempts = 10;

    private TableClient Units => tables.Get(RosterTables.Units);

    private TableClient Districts => tables.Get(RosterTables.Districts);

    private TableClient CampaignUnits => tables.Get(RosterTables.CampaignUnits);

    private TableClient RosterImports => tables.Get(RosterTables.RosterImports);

    private TableClient AreaUnits => tables.Get(RosterTables.AreaUnits);

    private TableClient RosterPeople => tables.Get(RosterTables.RosterPeople);

    public Task<RosterUnit?> GetUnitAsync(string unitId, CancellationToken cancellationToken) =>
        cache.GetOrLoadAsync(RosterCacheKeys.Unit(unitId), UnitCacheDuration, async token =>
        {
            var response = await Units.GetEntityIfExistsAsync<UnitEntity>(UnitEntity.CurrentPartition, unitId, cancellationToken: token);
            return response.HasValue ? response.Value!.ToUnit() : null;
        }, cancellationToken);

    public async Task<RosterUnit?> ReadUnitAsync(string unitId, CancellationToken cancellationToken)
    {
        var response = await Units.GetEntityIfExistsAsync<UnitEntity>(UnitEntity.CurrentPartition, unitId, cancellationToken: cancellationToken);
        var unit = response.HasValue ? response.Value!.ToUnit() : null;
        _ = cache.Set(RosterCacheKeys.Unit(unitId), Task.FromResult(unit), UnitCacheDuration);
        return unit;
    }

    public async IAsyncEnumerable<RosterUnit> ReadCurrentUnitsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in ReadCurrentRowsAsync(cancellationToken))
        {
            yield return row.ToUnit();
        }
    }

    public async IAsyncEnumerable<RosterUnit> ReadUnitsForCampaignAsync(string campaignId, bool frozen, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!frozen)
        {
            await foreach (var row in ReadCurrentRowsAsync(cancellationToken))
            {
                yield return row.ToUnit();
            }

            yield break;
        }

        foreach (var unit in await ReadFrozenAsync(TableQueries.Partition(campaignId), cancellationToken))
        {
            yield return unit;
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

    public async IAsyncEnumerable<RosterUnit> ReadAreaUnitsAsync(
        string campaignId, bool frozen, string districtId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var units = await cache.GetOrLoadAsync(
            RosterCacheKeys.Area(frozen ? campaignId : null, districtId),
            AreaCacheDuration,
            token => frozen ? ReadFrozenAreaAsync(campaignId, districtId, token) : ReadCurrentAreaAsync(districtId, token),
            cancellationToken);
        foreach (var unit in units)
        {
            yield return unit;
        }
    }

    public async Task<RosterPerson> FindPersonAsync(string email, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(email))
        {
            return RosterPerson.Nobody;
        }

        if (!await migrations.HasCompletedAsync(RosterPeopleMigration.MigrationId, cancellationToken))
        {
            return await ScanForPersonAsync(email, cancellationToken);
        }

        var units = new List<RosterPersonUnit>();
        var districtIds = new List<string>();
        var key = RosterPeopleKeys.ForEmail(email);
        await foreach (var row in TableQueries.ReadPartitionAsync<RosterPersonEntity>(RosterPeople, TableQueries.PartitionPrefix(RosterPeopleKeys.Bucket(key), RosterPeopleKeys.Prefix(key)), cancellationToken))
        {
            // A hashed key could in theory be shared; the row's own email decides, compared as the roster always has.
            if (!string.Equals(row.Email, email, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (row.Role == RosterPersonEntity.OfficerRole && row.UnitId is not null)
            {
                units.Add(new RosterPersonUnit(row.UnitId, row.UnitName ?? string.Empty, row.DistrictId, row.DistrictName));
            }
            else if (row.Role == RosterPersonEntity.CoordinatorRole)
            {
                districtIds.Add(row.DistrictId);
            }
        }

        return new RosterPerson(units, districtIds);
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
                cache.Remove(RosterCacheKeys.Unit(unitId));
                await CopyLinkGenerationAsync(row.DistrictId, unitId, generation, cancellationToken);
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
        var units = new List<UnitEntity>();
        await foreach (var unit in ReadCurrentRowsAsync(cancellationToken))
        {
            unit.PartitionKey = campaignId;
            unit.RowKey = UnitEntity.FrozenRowKey(unit.DistrictId, unit.UnitId);
            unit.ETag = ETag.All;
            units.Add(unit);
        }

        await RosterBatches.WriteAsync(CampaignUnits, campaignId, units, unit => new TableTransactionAction(TableTransactionActionType.UpsertReplace, unit), cancellationToken);
    }

    /// <summary>
    /// Writes only what changed: the copies by area and the people index first, then <c>Units</c> and <c>Districts</c>,
    /// which the next import compares with. An import that stops part-way therefore leaves the roster as it was for
    /// every unit whose copies may be missing, and importing the same file again completes it. Merge keeps columns other
    /// features add to a unit row (its link generation). A unit or area that comes back is replaced instead, because a
    /// merge cannot clear its <c>DeactivatedAt</c>.
    /// </summary>
    public async Task ApplyAsync(RosterChanges changes, DateTimeOffset importedAt, CancellationToken cancellationToken)
    {
        var areas = await WriteAreaUnitsAsync(changes, importedAt, cancellationToken);
        var people = await WritePeopleAsync(RosterPeopleChanges.Between(changes), cancellationToken);

        var units = changes.Added.Concat(changes.Updated).Select(u => (Unit: u, Deactivated: false))
            .Concat(changes.Deactivated.Select(u => (Unit: u, Deactivated: true)))
            .ToList();
        await RosterBatches.WriteAsync(Units, UnitEntity.CurrentPartition, units, change =>
        {
            var entity = UnitEntity.From(change.Unit, importedAt);
            entity.DeactivatedAt = change.Deactivated ? importedAt : null;
            return new TableTransactionAction(TableTransactionActionType.UpsertMerge, entity);
        }, cancellationToken);
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
            cache.Remove(RosterCacheKeys.Unit(unitId));
        }

        foreach (var districtId in areas)
        {
            cache.Remove(RosterCacheKeys.Area(null, districtId));
        }

        foreach (var email in people)
        {
            cache.Remove(RosterCacheKeys.Person(email));
        }
    }

    /// <summary>
    /// Each changed unit in its area's partition; a unit that moved is deleted from its old area. A unit that moved or
    /// comes back is written whole (its link generation as <c>Units</c> has it), the others merged as in <c>Units</c>.
    /// Returns the areas written.
    /// </summary>
    private async Task<IReadOnlyCollection<string>> WriteAreaUnitsAsync(RosterChanges changes, DateTimeOffset importedAt, CancellationToken cancellationToken)
    {
        var reactivated = changes.Reactivated.Select(u => u.UnitId).ToHashSet(StringComparer.Ordinal);
        var deactivated = changes.Deactivated.Select(u => u.UnitId).ToHashSet(StringComparer.Ordinal);
        var writes = new List<AreaWrite>();
        foreach (var unit in changes.Added.Concat(changes.Updated).Concat(changes.Reactivated).Concat(changes.Deactivated))
        {
            var previous = changes.PreviousUnits.GetValueOrDefault(unit.UnitId);
            var moved = previous is not null && previous.DistrictId != unit.DistrictId;
            if (moved)
            {
                writes.Add(new AreaWrite(previous!, AreaWriteKind.Delete));
            }

            writes.Add(new AreaWrite(
                unit,
                moved || reactivated.Contains(unit.UnitId) ? AreaWriteKind.Replace : deactivated.Contains(unit.UnitId) ? AreaWriteKind.Deactivate : AreaWriteKind.Merge,
                previous?.LinkGeneration ?? 0));
        }

        var partitions = RosterBatches.ByPartition(writes, w => w.Unit.DistrictId);
        await RosterBatches.WriteAsync(AreaUnits, partitions, write =>
        {
            var entity = UnitEntity.From(write.Unit, importedAt, partitionKey: write.Unit.DistrictId);
            switch (write.Kind)
            {
                case AreaWriteKind.Delete:
                    return new TableTransactionAction(TableTransactionActionType.Delete, entity, ETag.All);
                case AreaWriteKind.Replace:
                    entity.LinkGeneration = write.LinkGeneration > 0 ? write.LinkGeneration : null;
                    return new TableTransactionAction(TableTransactionActionType.UpsertReplace, entity);
                case AreaWriteKind.Deactivate:
                    entity.DeactivatedAt = importedAt;
                    return new TableTransactionAction(TableTransactionActionType.UpsertMerge, entity);
                default:
                    return new TableTransactionAction(TableTransactionActionType.UpsertMerge, entity);
            }
        }, cancellationToken);
        return partitions.Keys;
    }

    /// <summary>
    /// Writes and removes the people index's rows, grouped by bucket partition so each request carries up to 100 of
    /// them; returns the emails whose rows changed.
    /// </summary>
    private async Task<IReadOnlyCollection<string>> WritePeopleAsync(IEnumerable<RosterPersonChange> changes, CancellationToken cancellationToken)
    {
        var partitions = RosterBatches.ByPartition(changes, c => RosterPeopleKeys.Bucket(RosterPeopleKeys.ForEmail(c.Email)));
        await RosterBatches.WriteAsync(RosterPeople, partitions, PersonAction, cancellationToken);
        return partitions.Values.SelectMany(p => p).Select(c => c.Email).Distinct(StringComparer.Ordinal).ToList();
    }

    internal static TableTransactionAction PersonAction(RosterPersonChange change)
    {
        var entity = change.Unit is { } unit ? RosterPersonEntity.Officer(change.Email, unit) : RosterPersonEntity.Coordinator(change.Email, change.District!);
        return change.Remove
            ? new TableTransactionAction(TableTransactionActionType.Delete, entity, ETag.All)
            : new TableTransactionAction(TableTransactionActionType.UpsertReplace, entity);
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

    /// <summary>The raised generation in the unit's area row too; a row the migration has not written yet gets it from <c>Units</c> then.</summary>
    private async Task CopyLinkGenerationAsync(string districtId, string unitId, int generation, CancellationToken cancellationToken)
    {
        try
        {
            var patch = new TableEntity(districtId, unitId) { [nameof(UnitEntity.LinkGeneration)] = generation };
            await AreaUnits.UpdateEntityAsync(patch, ETag.All, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
        }

        cache.Remove(RosterCacheKeys.Area(null, districtId));
    }

    internal Task RecordImportAsync(RosterImportEntity record, CancellationToken cancellationToken) =>
        RosterImports.AddEntityAsync(record, cancellationToken);

    private async Task<IReadOnlyList<RosterUnit>> ReadCurrentAreaAsync(string districtId, CancellationToken cancellationToken)
    {
        var units = new List<RosterUnit>();
        if (!await migrations.HasCompletedAsync(AreaUnitsMigration.MigrationId, cancellationToken))
        {
            await foreach (var row in ReadCurrentRowsAsync(cancellationToken))
            {
                if (row.DistrictId == districtId)
                {
                    units.Add(row.ToUnit());
                }
            }

            return units;
        }

        await foreach (var row in TableQueries.ReadPartitionAsync<UnitEntity>(AreaUnits, TableQueries.Partition(districtId), cancellationToken))
        {
            units.Add(row.ToUnit());
        }

        return units;
    }

    private async Task<IReadOnlyList<RosterUnit>> ReadFrozenAreaAsync(string campaignId, string districtId, CancellationToken cancellationToken) =>
        await migrations.HasCompletedAsync(CampaignUnitsKeysMigration.MigrationId, cancellationToken)
            ? await ReadFrozenAsync(TableQueries.PartitionPrefix(campaignId, UnitEntity.FrozenAreaPrefix(districtId)), cancellationToken)
            : (await ReadFrozenAsync(TableQueries.Partition(campaignId), cancellationToken)).Where(u => u.DistrictId == districtId).ToList();

    /// <summary>
    /// Frozen units by unit id, as before the re-keying: while <see cref="CampaignUnitsKeysMigration"/> runs a unit may
    /// have its row under both keys (the same columns), and it counts once.
    /// </summary>
    private async Task<IReadOnlyList<RosterUnit>> ReadFrozenAsync(string filter, CancellationToken cancellationToken)
    {
        var units = new Dictionary<string, RosterUnit>(StringComparer.Ordinal);
        await foreach (var row in TableQueries.ReadPartitionAsync<UnitEntity>(CampaignUnits, filter, cancellationToken))
        {
            units.TryAdd(row.UnitId, row.ToUnit());
        }

        return units.Values.OrderBy(u => u.UnitId, StringComparer.Ordinal).ToList();
    }

    /// <summary>Before the people index exists: every unit and area of the current roster, as <c>GET /api/me</c> read them before issue 15.</summary>
    private async Task<RosterPerson> ScanForPersonAsync(string email, CancellationToken cancellationToken)
    {
        var units = new List<RosterPersonUnit>();
        await foreach (var row in ReadCurrentRowsAsync(cancellationToken))
        {
            var unit = row.ToUnit();
            if (unit.Active && unit.OfficerEmails.Contains(email, StringComparer.OrdinalIgnoreCase))
            {
                units.Add(new RosterPersonUnit(unit.UnitId, unit.UnitName, unit.DistrictId, unit.DistrictName));
            }
        }

        var districtIds = (await ReadDistrictsAsync(cancellationToken))
            .Where(d => d.Active && d.CoordinatorEmails.Contains(email, StringComparer.OrdinalIgnoreCase))
            .Select(d => d.DistrictId)
            .Order(StringComparer.Ordinal)
            .ToList();
        return new RosterPerson(units, districtIds);
    }

    private IAsyncEnumerable<UnitEntity> ReadCurrentRowsAsync(CancellationToken cancellationToken) =>
        TableQueries.ReadPartitionAsync<UnitEntity>(Units, TableQueries.Partition(UnitEntity.CurrentPartition), cancellationToken);

    private enum AreaWriteKind
    {
        Merge,
        Deactivate,
        Replace,
        Delete,
    }

    private readonly record struct AreaWrite(RosterUnit Unit, AreaWriteKind Kind, int LinkGeneration = 0);
}
