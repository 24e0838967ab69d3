using Azure.Data.Tables;
using TetReadiness.Storage;

namespace TetReadiness.Notes;

/// <summary>The <c>UnitNotes</c> table: notes are added, never changed; read a unit's key range, or an area's or a campaign's newest per unit.</summary>
public sealed class UnitNoteStore(TableClients tables) : IUnitNotes
{
    private static readonly string[] LatestColumns =
        ["RowKey", nameof(UnitNoteEntity.UnitId), nameof(UnitNoteEntity.Text), nameof(UnitNoteEntity.By), nameof(UnitNoteEntity.At)];

    private TableClient Table => tables.Get(NoteTables.UnitNotes);

    public async Task<UnitNote> AddAsync(string campaignId, string unitId, string districtId, string text, string by, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var row = UnitNoteEntity.Create(campaignId, unitId, districtId, text, by, at);
        await Table.AddEntityAsync(row, cancellationToken);
        return row.ToUnitNote();
    }

    /// <summary>A unit's notes, newest first: one query per 1,000 notes of the unit.</summary>
    public async Task<IReadOnlyList<UnitNote>> ReadUnitAsync(string campaignId, string unitId, CancellationToken cancellationToken)
    {
        var notes = new List<UnitNote>();
        await foreach (var row in TableQueries.ReadPartitionAsync<UnitNoteEntity>(Table, TableQueries.PartitionPrefix(campaignId, UnitNoteEntity.UnitPrefix(unitId)), cancellationToken))
        {
            notes.Add(row.ToUnitNote());
        }

        return notes;
    }

    public async Task<IReadOnlyDictionary<string, UnitNote>> ReadLatestAsync(string campaignId, IReadOnlySet<string>? districtIds, CancellationToken cancellationToken)
    {
        var filters = districtIds is null
            ? [TableQueries.Partition(campaignId)]
            : districtIds.Order(StringComparer.Ordinal).Select(districtId => TableClient.CreateQueryFilter($"PartitionKey eq {campaignId} and DistrictId eq {districtId}")).ToList();
        var perFilter = await Task.WhenAll(filters.Select(filter => ReadNewestAsync(filter, cancellationToken)));
        var latest = new Dictionary<string, UnitNote>(StringComparer.Ordinal);
        foreach (var (unitId, note) in perFilter.SelectMany(found => found))
        {
            // A unit that moved may have notes under two areas: the newest wins.
            if (!latest.TryGetValue(unitId, out var known) || note.At > known.At)
            {
                latest[unitId] = note;
            }
        }

        return latest;
    }

    /// <summary>Rows come in key order, a unit's newest first: the first row of each unit is its newest note.</summary>
    private async Task<Dictionary<string, UnitNote>> ReadNewestAsync(string filter, CancellationToken cancellationToken)
    {
        var newest = new Dictionary<string, UnitNote>(StringComparer.Ordinal);
        await foreach (var row in TableQueries.ReadPartitionAsync<UnitNoteEntity>(Table, filter, cancellationToken, LatestColumns))
        {
            newest.TryAdd(row.UnitId, row.ToUnitNote());
        }

        return newest;
    }
}
