using Azure.Data.Tables;
using TetReadiness.Storage;

namespace TetReadiness.Status;

/// <summary>
/// <c>AreaSummaries</c>: one partition per campaign; an area's rows are one query of its key range, and so are the
/// whole campaign's (the <c>~city</c> rows the rollup writes next to the areas'). Writes only the areas whose figures
/// changed, each in one batch.
/// </summary>
public sealed class AreaSummaryStore(TableClients tables)
{
    private TableClient Table => tables.Get(StatusTables.AreaSummaries);

    /// <summary>The whole campaign's row (<see cref="AreaSummaryCalculator.City"/>): one query, whatever the number of areas.</summary>
    public async Task<StoredAreaSummaries> ReadCityAsync(string campaignId, CancellationToken cancellationToken) =>
        Assemble(await ReadRowsAsync(TableQueries.PartitionPrefix(campaignId, AreaSummaryRows.Prefix(AreaSummaryCalculator.CityId)), cancellationToken), city: true);

    /// <summary>Every area of the campaign.</summary>
    public async Task<StoredAreaSummaries> ReadAsync(string campaignId, CancellationToken cancellationToken) =>
        Assemble(await ReadRowsAsync(TableQueries.Partition(campaignId), cancellationToken));

    /// <summary>The given areas only: one query per area.</summary>
    public async Task<StoredAreaSummaries> ReadAreasAsync(string campaignId, IEnumerable<string> districtIds, CancellationToken cancellationToken)
    {
        var reads = districtIds.Distinct(StringComparer.Ordinal)
            .Select(id => ReadRowsAsync(TableQueries.PartitionPrefix(campaignId, AreaSummaryRows.Prefix(id)), cancellationToken));
        return Assemble((await Task.WhenAll(reads)).SelectMany(rows => rows).ToList());
    }

    /// <summary>Writes the areas whose figures differ from the stored ones and deletes areas no longer counted; returns how many areas changed.</summary>
    public async Task<int> WriteAsync(string campaignId, IReadOnlyList<AreaSummary> areas, bool final, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var stored = (await ReadRowsAsync(TableQueries.Partition(campaignId), cancellationToken))
            .GroupBy(row => AreaSummaryRows.DistrictOf(row.RowKey), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<TableEntity>)g.ToList(), StringComparer.Ordinal);
        var changed = 0;
        foreach (var area in areas.Append(AreaSummaryCalculator.City(areas)))
        {
            var rows = AreaSummaryRows.ToRows(campaignId, area, final, now);
            var old = stored.GetValueOrDefault(area.DistrictId) ?? [];
            if (AreaSummaryRows.SameContent(old, rows))
            {
                continue;
            }

            var keys = rows.Select(r => r.RowKey).ToHashSet(StringComparer.Ordinal);
            var actions = rows.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r))
                .Concat(old.Where(r => !keys.Contains(r.RowKey)).Select(r => new TableTransactionAction(TableTransactionActionType.Delete, r)))
                .ToList();
            await SubmitAsync(actions, cancellationToken);
            changed++;
        }

        var counted = areas.Select(a => a.DistrictId).Append(AreaSummaryCalculator.CityId).ToHashSet(StringComparer.Ordinal);
        foreach (var (_, rows) in stored.Where(pair => !counted.Contains(pair.Key)))
        {
            await SubmitAsync(rows.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, r)).ToList(), cancellationToken);
            changed++;
        }

        return changed;
    }

    private async Task SubmitAsync(List<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        try
        {
            // An area's rows fit one batch (100 rows, 4 MiB) unless its data runs past ~90 pieces: then in order.
            foreach (var chunk in actions.Chunk(TableBatches.MaxBatchSize))
            {
                await Table.SubmitTransactionAsync(chunk, cancellationToken);
            }
        }
        catch (TableTransactionFailedException exception) when (exception.Status is 404 or 412)
        {
            // Another rollup deleted or rewrote the same rows meanwhile; it computed the same figures from the same data.
        }
    }

    private async Task<List<TableEntity>> ReadRowsAsync(string filter, CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in TableQueries.ReadPartitionAsync<TableEntity>(Table, filter, cancellationToken))
        {
            rows.Add(row);
        }

        return rows;
    }

    private static StoredAreaSummaries Assemble(List<TableEntity> rows, bool city = false)
    {
        var areas = rows.GroupBy(row => AreaSummaryRows.DistrictOf(row.RowKey), StringComparer.Ordinal)
            .Where(g => (g.Key == AreaSummaryCalculator.CityId) == city)
            .Select(g => AreaSummaryRows.FromRows(g.ToList()))
            .OfType<(AreaSummary Summary, bool Final, DateTimeOffset ChangedAt)>()
            .OrderBy(a => a.Summary.DistrictId, StringComparer.Ordinal)
            .ToList();
        return areas.Count == 0
            ? StoredAreaSummaries.None
            : new StoredAreaSummaries(areas.Select(a => a.Summary).ToList(), areas.Max(a => a.ChangedAt), areas.All(a => a.Final));
    }
}
