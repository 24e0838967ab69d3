using Azure;
using Azure.Data.Tables;
using TetReadiness.Audit;
using TetReadiness.Campaigns;
using TetReadiness.Common;
using TetReadiness.Reminders;
using TetReadiness.Roster;
using TetReadiness.Storage;
using TetReadiness.Submissions;

namespace TetReadiness.Maintenance.Purge;

/// <summary>
/// Removes a closed campaign's personal data once its retention period is over: submitter names, titles and phones
/// and author emails (<c>Submissions</c>, <c>SubmissionRevisions</c>), source addresses of its audit entries
/// (<c>AuditLog</c>), and contact addresses no longer in the roster (<c>CampaignUnits</c>, <c>Reminders</c>,
/// <c>Campaigns.DigestRecipients</c>). Answers, scores, counts, dates and states stay. Each row is written back whole
/// with the ETag it was read with, in batches per partition; a row changed meanwhile fails its batch, and a second
/// run finishes the job (a purge finds nothing left in what it already did).
/// </summary>
public sealed class CampaignPurger(TableClients tables, TimeProvider clock, PurgeOptions options)
{
    public async Task<PurgePlan> PlanAsync(string campaignId, bool force, CancellationToken cancellationToken)
    {
        var campaigns = await ReadAsync(tables.Get(CampaignTables.Campaigns), TableQueries.Partition(CampaignEntity.Partition), cancellationToken);
        var campaign = campaigns.FirstOrDefault(c => c.RowKey == campaignId)
            ?? throw new ToolException($"No campaign '{campaignId}'.");
        var closesAt = campaign.GetDateTimeOffset(nameof(CampaignEntity.ClosesAt)) ?? campaign.GetDateTimeOffset(nameof(CampaignEntity.Deadline))!.Value;
        if (PurgeRules.Refusal(campaignId, closesAt, clock.GetUtcNow(), options.RetentionDays, force) is { } refusal)
        {
            throw new ToolException(refusal);
        }

        var inUse = await AddressesInUseAsync(campaigns.Where(c => c.RowKey != campaignId), cancellationToken);
        var changes = new List<PurgeChange>();

        foreach (var row in await ReadAsync(tables.Get(SubmissionTables.Submissions), TableQueries.Partition(campaignId), cancellationToken))
        {
            Add(changes, SubmissionTables.Submissions, row, PurgeRules.RemoveAuthor(row));
        }

        var revisions = TableClient.CreateQueryFilter(
            $"PartitionKey ge {campaignId + "|"} and PartitionKey lt {campaignId + "|\uffff"} and RowType eq {RevisionEntity.RowTypeName}");
        foreach (var row in await ReadAsync(tables.Get(SubmissionTables.SubmissionRevisions), revisions, cancellationToken))
        {
            Add(changes, SubmissionTables.SubmissionRevisions, row, PurgeRules.RemoveAuthor(row));
        }

        foreach (var row in await ReadAsync(tables.Get(RosterTables.CampaignUnits), TableQueries.Partition(campaignId), cancellationToken))
        {
            Add(changes, RosterTables.CampaignUnits, row, KeepInUse(row, nameof(UnitEntity.OfficerEmails), inUse, keepCount: true));
        }

        foreach (var row in await ReadAsync(tables.Get(ReminderTables.Reminders), TableQueries.Partition(campaignId), cancellationToken))
        {
            Add(changes, ReminderTables.Reminders, row,
                [.. KeepInUse(row, nameof(ReminderEntity.Recipients), inUse, keepCount: true), .. KeepInUse(row, nameof(ReminderEntity.Cc), inUse, keepCount: true)]);
        }

        // Digest recipients are dropped, not counted: no figure is drawn from them, and a campaign cloned from this
        // one must not carry a placeholder where an address belongs.
        Add(changes, CampaignTables.Campaigns, campaign, KeepInUse(campaign, nameof(CampaignEntity.DigestRecipients), inUse, keepCount: false));

        var audit = TableClient.CreateQueryFilter($"Target eq {campaignId} or (Target ge {campaignId + "/"} and Target lt {campaignId + "/\uffff"})");
        foreach (var row in await ReadAsync(tables.Get(AuditTables.AuditLog), audit, cancellationToken))
        {
            Add(changes, AuditTables.AuditLog, row, row.Remove(nameof(AuditLogEntity.SourceIp)) ? [nameof(AuditLogEntity.SourceIp)] : []);
        }

        return new PurgePlan(campaignId, closesAt, changes);
    }

    public async Task ApplyAsync(PurgePlan plan, CancellationToken cancellationToken)
    {
        foreach (var partition in plan.Changes.GroupBy(c => (c.Table, c.Row.PartitionKey)))
        {
            var actions = partition.Select(c => new TableTransactionAction(TableTransactionActionType.UpdateReplace, c.Row, c.Row.ETag)).ToList();
            await TableBatches.SubmitInChunksAsync(tables.Get(partition.Key.Table), actions, cancellationToken);
        }
    }

    private static void Add(List<PurgeChange> changes, string table, TableEntity row, IReadOnlyList<string> columns)
    {
        if (columns.Count > 0)
        {
            changes.Add(new PurgeChange(table, row, columns));
        }
    }

    private static IReadOnlyList<string> KeepInUse(TableEntity row, string column, IReadOnlySet<string> inUse, bool keepCount)
    {
        var (list, removed) = PurgeRules.KeepInUse(row.GetString(column), inUse, keepCount);
        if (removed == 0)
        {
            return [];
        }

        row[column] = list;
        return Enumerable.Repeat($"{column} address", removed).ToList();
    }

    /// <summary>Officer emails of active units, coordinator emails of active areas, digest recipients of the other campaigns.</summary>
    private async Task<IReadOnlySet<string>> AddressesInUseAsync(IEnumerable<TableEntity> otherCampaigns, CancellationToken cancellationToken)
    {
        var inUse = new HashSet<string>(StringComparer.Ordinal);
        void AddAll(string? list) => inUse.UnionWith(Emails.Parse(list).Select(a => a.Trim().ToLowerInvariant()));

        foreach (var unit in await ReadAsync(tables.Get(RosterTables.Units), TableQueries.Partition(UnitEntity.CurrentPartition), cancellationToken))
        {
            if (unit.GetBoolean(nameof(UnitEntity.Active)) != false)
            {
                AddAll(unit.GetString(nameof(UnitEntity.OfficerEmails)));
            }
        }

        foreach (var district in await ReadAsync(tables.Get(RosterTables.Districts), TableQueries.Partition(UnitEntity.CurrentPartition), cancellationToken))
        {
            if (district.GetBoolean(nameof(DistrictEntity.Active)) != false)
            {
                AddAll(district.GetString(nameof(DistrictEntity.CoordinatorEmails)));
            }
        }

        foreach (var campaign in otherCampaigns)
        {
            AddAll(campaign.GetString(nameof(CampaignEntity.DigestRecipients)));
        }

        return inUse;
    }

    private static async Task<List<TableEntity>> ReadAsync(TableClient table, string filter, CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>();
        try
        {
            await foreach (var row in table.QueryAsync<TableEntity>(filter, TableQueries.PageSize, cancellationToken: cancellationToken))
            {
                rows.Add(row);
            }
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            // A table the app never created holds nothing to purge.
        }

        return rows;
    }
}
