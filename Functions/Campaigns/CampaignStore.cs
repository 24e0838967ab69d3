using Azure;
using Azure.Data.Tables;
using TetReadiness.FeedSchema;
using TetReadiness.Storage;

namespace TetReadiness.Campaigns;

/// <summary>
/// Campaigns and their checklists. A campaign is its row, current checklist included, so reading one costs one
/// request and saving one is one conditional write; <c>ChecklistItems</c> is rewritten from the row after each save.
/// Each sealed version left behind is kept in <c>ChecklistVersions</c> before the row moves on. The only code that
/// names these tables; the row itself (<see cref="CampaignEntity"/>) stays inside this feature.
/// </summary>
public sealed class CampaignStore(TableClients tables) : IChecklistProjection, IFeedCampaigns
{
    // Each round re-reads the row after writing; more rounds than this means saves keep landing, and the repair timer finishes.
    private const int MaxProjectionRounds = 5;

    private TableClient Campaigns => tables.Get(CampaignTables.Campaigns);

    private TableClient ChecklistVersions => tables.Get(CampaignTables.ChecklistVersions);

    private TableClient ChecklistItems => tables.Get(CampaignTables.ChecklistItems);

    private static readonly string[] FeedCampaignColumns =
        [nameof(CampaignEntity.CampaignId), nameof(CampaignEntity.ChecklistVersion), nameof(CampaignEntity.RosterFrozenAt)];

    /// <summary>The campaign and the row it was read from (its ETag and bookkeeping, for a save): one point read.</summary>
    internal async Task<(Campaign Campaign, CampaignEntity Row)?> GetAsync(string campaignId, CancellationToken cancellationToken)
    {
        var response = await Campaigns.GetEntityIfExistsAsync<CampaignEntity>(CampaignEntity.Partition, campaignId, cancellationToken: cancellationToken);
        return response.HasValue ? (response.Value!.ToCampaign(), response.Value) : null;
    }

    /// <summary>Every campaign, in the order of their ids: one request per 1,000 campaigns.</summary>
    public async Task<IReadOnlyList<Campaign>> ListAsync(CancellationToken cancellationToken) =>
        (await ListRowsAsync(cancellationToken)).Select(row => row.ToCampaign()).ToList();

    /// <summary>When the campaign's roster was frozen, as its row says now (one point read of one column); null when not, or no campaign.</summary>
    public async Task<DateTimeOffset?> ReadRosterFrozenAtAsync(string campaignId, CancellationToken cancellationToken)
    {
        var row = await Campaigns.GetEntityIfExistsAsync<CampaignEntity>(
            CampaignEntity.Partition, campaignId, [nameof(CampaignEntity.RosterFrozenAt)], cancellationToken);
        return row.HasValue ? row.Value!.RosterFrozenAt : null;
    }

    public async Task<IReadOnlyList<(string CampaignId, int Version)>> RepairChecklistsAsync(DateTimeOffset savedBy, CancellationToken cancellationToken)
    {
        var repaired = new List<(string, int)>();
        foreach (var row in await ListRowsAsync(cancellationToken))
        {
            if (row.UpdatedAt <= savedBy && !await IsChecklistProjectedAsync(row, cancellationToken)
                && await ProjectChecklistAsync(row.CampaignId, cancellationToken))
            {
                repaired.Add((row.CampaignId, row.ChecklistVersion));
            }
        }

        return repaired;
    }

    public async Task<FeedCampaign?> ReadFeedCampaignAsync(string campaignId, CancellationToken cancellationToken)
    {
        var row = await Campaigns.GetEntityIfExistsAsync<CampaignEntity>(CampaignEntity.Partition, campaignId, FeedCampaignColumns, cancellationToken);
        return row.HasValue ? ToFeedCampaign(row.Value!) : null;
    }

    public async Task<IReadOnlyList<FeedCampaign>> ListFeedCampaignsAsync(CancellationToken cancellationToken)
    {
        var campaigns = new List<FeedCampaign>();
        await foreach (var row in TableQueries.ReadPartitionAsync<CampaignEntity>(Campaigns, TableQueries.Partition(CampaignEntity.Partition), cancellationToken, FeedCampaignColumns))
        {
            campaigns.Add(ToFeedCampaign(row));
        }

        return campaigns;
    }

    private static FeedCampaign ToFeedCampaign(CampaignEntity row) => new(row.CampaignId, row.ChecklistVersion, row.RosterFrozenAt);

    private async Task<IReadOnlyList<CampaignEntity>> ListRowsAsync(CancellationToken cancellationToken)
    {
        var campaigns = new List<CampaignEntity>();
        await foreach (var row in TableQueries.ReadPartitionAsync<CampaignEntity>(Campaigns, TableQueries.Partition(CampaignEntity.Partition), cancellationToken))
        {
            campaigns.Add(row);
        }

        return campaigns;
    }

    private async Task<Checklist> ReadChecklistAsync(string campaignId, int version, CancellationToken cancellationToken)
    {
        var rows = new List<ChecklistItemEntity>();
        var filter = TableQueries.PartitionPrefix(campaignId, ChecklistItemEntity.VersionPrefix(version));
        await foreach (var row in TableQueries.ReadPartitionAsync<ChecklistItemEntity>(ChecklistItems, filter, cancellationToken))
        {
            rows.Add(row);
        }

        return ChecklistItemEntity.ToChecklist(rows);
    }

    /// <summary>
    /// The checklist of one version, as the revisions that name it answered it: a kept version from
    /// <c>ChecklistVersions</c>, the current one from the campaign row, and for a campaign saved before versions were
    /// kept, its <c>ChecklistItems</c> rows. Null when the campaign never had that version.
    /// </summary>
    public async Task<Checklist?> ReadVersionAsync(string campaignId, int version, CancellationToken cancellationToken)
    {
        var kept = await ChecklistVersions.GetEntityIfExistsAsync<ChecklistVersionEntity>(campaignId, ChecklistVersionEntity.RowKeyOf(version), cancellationToken: cancellationToken);
        if (kept.HasValue)
        {
            return kept.Value!.ToChecklist();
        }

        if (await GetAsync(campaignId, cancellationToken) is not { Campaign: var campaign } || version < 1 || version > campaign.ChecklistVersion)
        {
            return null;
        }

        if (campaign.ChecklistVersion == version)
        {
            return campaign.Checklist;
        }

        var rows = await ReadChecklistAsync(campaignId, version, cancellationToken);
        return rows.ItemCount > 0 ? rows : null;
    }

    /// <summary>
    /// Records in the row that its current checklist version is sealed, if the row is still as read, and returns the
    /// row's new ETag for the save that follows. A save that landed meanwhile makes this fail (412) instead.
    /// </summary>
    internal async Task<ETag> SealAsync(CampaignEntity row, CancellationToken cancellationToken)
    {
        var patch = new TableEntity(CampaignEntity.Partition, row.RowKey) { [nameof(CampaignEntity.SealedVersion)] = row.ChecklistVersion };
        var response = await Campaigns.UpdateEntityAsync(patch, row.ETag, TableUpdateMode.Merge, cancellationToken);
        return response.Headers.ETag ?? throw new InvalidOperationException("Table storage answered a merge without an ETag.");
    }

    /// <summary>
    /// Keeps a sealed version's checklist before the campaign row moves past it: its <c>ChecklistVersions</c> row
    /// (added once and never rewritten; one already there holds the same sealed checklist) and its
    /// <c>ChecklistItems</c> rows, rewritten only when they differ (a projection interrupted earlier), so every version
    /// a revision can name stays readable, for the app and for Power BI.
    /// </summary>
    public async Task KeepVersionAsync(string campaignId, int version, Checklist checklist, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            await ChecklistVersions.AddEntityAsync(ChecklistVersionEntity.From(campaignId, version, checklist, now), cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            // Kept by an earlier attempt of this save or by a concurrent one: a sealed version has one checklist.
        }

        if (!(await ReadChecklistAsync(campaignId, version, cancellationToken)).SameAs(checklist))
        {
            await WriteChecklistAsync(campaignId, version, checklist, cancellationToken);
        }
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
            var response = await Campaigns.GetEntityIfExistsAsync<CampaignEntity>(CampaignEntity.Partition, campaignId, cancellationToken: cancellationToken);
            if (!response.HasValue)
            {
                return false;
            }

            var row = response.Value!;
            try
            {
                await WriteChecklistAsync(campaignId, row.ChecklistVersion, row.ReadStoredChecklist(), cancellationToken);
            }
            catch (TableTransactionFailedException exception) when (exception.Status == 404)
            {
                // Another save's projection deleted a row this one meant to delete: read again and go on.
                continue;
            }

            var after = await Campaigns.GetEntityIfExistsAsync<CampaignEntity>(
                CampaignEntity.Partition, campaignId, [nameof(CampaignEntity.ChecklistVersion)], cancellationToken);
            if (after.HasValue && after.Value!.ETag == row.ETag)
            {
                return true;
            }

            if (after.HasValue && after.Value!.ChecklistVersion != row.ChecklistVersion)
            {
                // The row moved past the version just written, which was kept first: rows written here from an
                // earlier, in-place state of that version must not outlive it.
                await RestoreKeptVersionAsync(campaignId, row.ChecklistVersion, cancellationToken);
            }
        }

        return false;
    }

    private async Task RestoreKeptVersionAsync(string campaignId, int version, CancellationToken cancellationToken)
    {
        var kept = await ChecklistVersions.GetEntityIfExistsAsync<ChecklistVersionEntity>(campaignId, ChecklistVersionEntity.RowKeyOf(version), cancellationToken: cancellationToken);
        if (kept.HasValue && !(await ReadChecklistAsync(campaignId, version, cancellationToken)).SameAs(kept.Value!.ToChecklist()))
        {
            await WriteChecklistAsync(campaignId, version, kept.Value.ToChecklist(), cancellationToken);
        }
    }

    /// <summary>Whether <c>ChecklistItems</c> holds exactly the row's checklist for its current version.</summary>
    private async Task<bool> IsChecklistProjectedAsync(CampaignEntity entity, CancellationToken cancellationToken) =>
        (await ReadChecklistAsync(entity.CampaignId, entity.ChecklistVersion, cancellationToken)).SameAs(entity.ReadStoredChecklist());

    /// <summary>Writes a checklist version's rows, replacing what that version held before (deleting removed items).</summary>
    private async Task WriteChecklistAsync(string campaignId, int version, Checklist checklist, CancellationToken cancellationToken)
    {
        var existing = new List<ChecklistItemEntity>();
        await foreach (var row in TableQueries.ReadPartitionAsync<ChecklistItemEntity>(ChecklistItems, TableQueries.PartitionPrefix(campaignId, ChecklistItemEntity.VersionPrefix(version)), cancellationToken))
        {
            existing.Add(row);
        }

        var rows = ChecklistItemEntity.From(campaignId, version, checklist).ToList();
        var keep = rows.Select(r => r.RowKey).ToHashSet();
        var actions = rows.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r))
            .Concat(existing.Where(e => !keep.Contains(e.RowKey)).Select(e => new TableTransactionAction(TableTransactionActionType.Delete, e, ETag.All)))
            .ToList();
        await TableBatches.SubmitInChunksAsync(ChecklistItems, actions, cancellationToken);
    }

    /// <summary>Adds or replaces the campaign row; the ETag makes a concurrent change fail instead of being lost.</summary>
    internal async Task SaveAsync(CampaignEntity entity, ETag? expected, CancellationToken cancellationToken)
    {
        if (expected is { } etag)
        {
            await Campaigns.UpdateEntityAsync(entity, etag, TableUpdateMode.Replace, cancellationToken);
        }
        else
        {
            await Campaigns.AddEntityAsync(entity, cancellationToken);
        }
    }

    public async Task MarkRosterFrozenAsync(string campaignId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var patch = new TableEntity(CampaignEntity.Partition, campaignId) { [nameof(CampaignEntity.RosterFrozenAt)] = at };
        await Campaigns.UpdateEntityAsync(patch, ETag.All, TableUpdateMode.Merge, cancellationToken);
    }
}
