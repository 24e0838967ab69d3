using Azure;
using Azure.Data.Tables;
using TetReadiness.Storage;

namespace TetReadiness.Campaigns;

/// <summary>
/// Campaigns and their checklists. A campaign is its row, checklist included, so reading one costs one request and
/// saving one is one conditional write; <c>ChecklistItems</c> is rewritten from the row after each save.
/// </summary>
public sealed class CampaignStore(StorageTables tables)
{
    // Each round re-reads the row after writing; more rounds than this means saves keep landing, and the repair timer finishes.
    private const int MaxProjectionRounds = 5;

    public async Task<(Campaign Campaign, CampaignEntity Row)?> GetAsync(string campaignId, CancellationToken cancellationToken)
    {
        var response = await tables.Campaigns.GetEntityIfExistsAsync<CampaignEntity>(CampaignEntity.Partition, campaignId, cancellationToken: cancellationToken);
        if (!response.HasValue)
        {
            return null;
        }

        var entity = response.Value!;
        return (entity.ToCampaign(await ChecklistOfAsync(entity, cancellationToken)), entity);
    }

    /// <summary>The row's own checklist; rows saved before it moved into the row read <c>ChecklistItems</c>.</summary>
    public async Task<Checklist> ChecklistOfAsync(CampaignEntity entity, CancellationToken cancellationToken) =>
        entity.HasStoredChecklist() ? entity.ReadStoredChecklist() : await ReadChecklistAsync(entity.CampaignId, entity.ChecklistVersion, cancellationToken);

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

    /// <summary>
    /// Makes <c>ChecklistItems</c> hold the checklist of the campaign row as it is now. Saves that land meanwhile are
    /// projected in turn: a round ends by reading the row again, and only a round that saw no change since it read the
    /// row stops, so the last rows written are the latest checklist's. False when the row is gone or kept changing.
    /// </summary>
    public async Task<bool> ProjectChecklistAsync(string campaignId, CancellationToken cancellationToken)
    {
        for (var round = 0; round < MaxProjectionRounds; round++)
        {
            var response = await tables.Campaigns.GetEntityIfExistsAsync<CampaignEntity>(CampaignEntity.Partition, campaignId, cancellationToken: cancellationToken);
            if (!response.HasValue || !response.Value!.HasStoredChecklist())
            {
                return false;
            }

            var row = response.Value;
            try
            {
                await WriteChecklistAsync(campaignId, row.ChecklistVersion, row.ReadStoredChecklist(), cancellationToken);
            }
            catch (TableTransactionFailedException exception) when (exception.Status == 404)
            {
                // Another save's projection deleted a row this one meant to delete: read again and go on.
                continue;
            }

            var after = await tables.Campaigns.GetEntityIfExistsAsync<CampaignEntity>(
                CampaignEntity.Partition, campaignId, [nameof(CampaignEntity.ChecklistVersion)], cancellationToken);
            if (after.HasValue && after.Value!.ETag == row.ETag)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <c>ChecklistItems</c> holds exactly the row's checklist for its current version.</summary>
    public async Task<bool> IsChecklistProjectedAsync(CampaignEntity entity, CancellationToken cancellationToken) =>
        !entity.HasStoredChecklist()
        || (await ReadChecklistAsync(entity.CampaignId, entity.ChecklistVersion, cancellationToken)).SameAs(entity.ReadStoredChecklist());

    /// <summary>Writes a checklist version's rows, replacing what that version held before (deleting removed items).</summary>
    private async Task WriteChecklistAsync(string campaignId, int version, Checklist checklist, CancellationToken cancellationToken)
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
