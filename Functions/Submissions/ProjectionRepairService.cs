using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using TetReadiness.Campaigns;
using TetReadiness.Storage;

namespace TetReadiness.Submissions;

/// <summary>
/// Finishes projections a crash or an outage interrupted: rows of <c>Submissions</c> still flagged pending
/// after a grace period are projected again from <c>SubmissionRevisions</c>, and a campaign whose <c>ChecklistItems</c>
/// differ from the checklist in its row gets them rewritten. Two reads per campaign.
/// </summary>
public sealed class ProjectionRepairService(
    StorageTables tables,
    CampaignStore campaigns,
    RevisionStore revisions,
    SubmissionProjector projector,
    TimeProvider clock,
    ILogger<ProjectionRepairService> logger)
{
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);

    public async Task<int> RepairAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var repaired = 0;
        foreach (var campaign in await campaigns.ListAsync(cancellationToken))
        {
            // A save that wrote its row and never its checklist rows (crash, outage) leaves Power BI a stale checklist.
            if (campaign.UpdatedAt <= now - Grace && !await campaigns.IsChecklistProjectedAsync(campaign, cancellationToken)
                && await campaigns.ProjectChecklistAsync(campaign.CampaignId, cancellationToken))
            {
                repaired++;
                logger.LogWarning("Repaired the checklist rows of {CampaignId} to version {Version}", campaign.CampaignId, campaign.ChecklistVersion);
            }

            if (campaign.OpensAt > now)
            {
                continue;
            }

            var cutoff = now - Grace;
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {campaign.CampaignId} and ProjectionPending eq true and PendingSince le {cutoff}");
            await foreach (var row in TableQueries.ReadPartitionAsync<SubmissionEntity>(tables.Submissions, filter, cancellationToken))
            {
                var latest = await revisions.ReadLatestAsync(row.CampaignId, row.UnitId, cancellationToken);
                if (latest is null || latest.Number <= row.Revision)
                {
                    await projector.ClearAbandonedAsync(row, cancellationToken);
                }
                else
                {
                    await projector.ProjectAsync(latest, row.ETag, cancellationToken);
                }

                repaired++;
                logger.LogWarning("Repaired projection of {CampaignId}/{UnitId} to revision {Revision}", row.CampaignId, row.UnitId, latest?.Number ?? row.Revision);
            }
        }

        return repaired;
    }
}
