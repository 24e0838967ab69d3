using Azure;
using Azure.Data.Tables;
using TetReadiness.Storage;

namespace TetReadiness.Campaigns;

/// <summary>
/// Campaigns and their checklists. Reading one campaign costs two requests: the campaign row and one range
/// read of its current checklist version.
/// </summary>
public sealed class CampaignStore(StorageTables tables)
{
    public async Task<(Campaign Campaign, CampaignEntity Row)?> GetAsync(string campaignId, CancellationToken cancellationToken)
    {
        var response = await tables.Campaigns.GetEntityIfExistsAsync<CampaignEntity>(CampaignEntity.Partition, campaignId, cancellationToken: cancellationToken);
        if (!response.HasValue)
        {
            return null;
        }

        var entity = response.Value!;
        var checklist = await ReadChecklistAsync(campaignId, entity.ChecklistVersion, cancellationToken);
        return (entity.ToCampaign(checklist), entity);
    }

    public async Task<IReadOnlyList<CampaignEntity>> ListAsync(CancellationToken cancellationToken)
    {
        var campaigns = new List<CampaignEntity>();
        await foreach (var row in TableQueries.ReadPartitionAsync<CampaignEntity>(tables.Campaigns, TableQueries.Partition(CampaignEntity.Partition), cancellationToken))
        {
            campaigns.Add(row);
        }

        return campaigns;
    }

    public async Task<Checklist> ReadChecklistAsync(string campaignId, int version, CancellationToken cancellationToken)
    {
        var rows = new List<ChecklistItemEntity>();
        var filter = TableQueries.PartitionPrefix(campaignId, ChecklistItemEntity.VersionPrefix(version));
        await foreach (var row in TableQueries.ReadPartitionAsync<ChecklistItemEntity>(tables.ChecklistItems, filter, cancellationToken))
        {
            rows.Add(row);
        }

        return ChecklistItemEntity.ToChecklist(rows);
    }

    public async Task<bool> HasSubmissionsAsync(string campaignId, CancellationToken cancellationToken)
    {
        await foreach (var page in tables.Submissions.QueryAsync<TableEntity>(TableQueries.Partition(campaignId), maxPerPage: 1, select: ["RowKey"], cancellationToken: cancellationToken).AsPages())
        {
            return page.Values.Count > 0;
        }

        return false;
    }

    /// <summary>Writes a checklist version's rows, replacing what that version held before (deleting removed items).</summary>
    public async Task WriteChecklistAsync(string campaignId, int version, Checklist checklist, CancellationToken cancellationToken)
    {
        var existing = new List<ChecklistItemEntity>();
        await foreach (var row in TableQueries.ReadPartitionAsync<ChecklistItemEntity>(tables.ChecklistItems, TableQueries.PartitionPrefix(campaignId, ChecklistItemEntity.VersionPrefix(version)), cancellationToken))
        {
            existing.Add(row);
        }

        var rows = ChecklistItemEntity.From(campaignId, version, checklist).ToList();
        var keep = rows.Select(r => r.RowKey).ToHashSet();
        var actions = rows.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r))
            .Concat(existing.Where(e => !keep.Contains(e.RowKey)).Select(e => new TableTransactionAction(TableTransactionActionType.Delete, e, ETag.All)))
            .ToList();
        await TableBatches.SubmitInChunksAsync(tables.ChecklistItems, actions, cancellationToken);
    }

    /// <summary>Adds or replaces the campaign row; the ETag makes a concurrent change fail instead of being lost.</summary>
    public async Task SaveAsync(CampaignEntity entity, ETag? expected, CancellationToken cancellationToken)
    {
        if (expected is { } etag)
        {
            await tables.Campaigns.UpdateEntityAsync(entity, etag, TableUpdateMode.Replace, cancellationToken);
        }
        else
        {
            await tables.Campaigns.AddEntityAsync(entity, cancellationToken);
        }
    }

    public async Task MarkRosterFrozenAsync(CampaignEntity entity, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var patch = new TableEntity(CampaignEntity.Partition, entity.RowKey) { [nameof(CampaignEntity.RosterFrozenAt)] = at };
        await tables.Campaigns.UpdateEntityAsync(patch, ETag.All, TableUpdateMode.Merge, cancellationToken);
    }
}
