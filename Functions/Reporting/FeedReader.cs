using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using TetReadiness.Campaigns;
using TetReadiness.Http;
using TetReadiness.Roster;
using TetReadiness.Storage;

namespace TetReadiness.Reporting;

/// <summary>
/// Reads a feed table page by page, never the whole table at once: one request per page of up to 1,000 rows,
/// partition after partition (campaign after campaign). Costs on top: one point read to check a requested campaign,
/// or one query for the list of campaigns when a per-campaign table is read for all of them. Reads only.
/// </summary>
public sealed class FeedReader(StorageTables tables)
{
    /// <summary>Checks the campaign, then reads the first page, so a missing campaign or storage outage is answered before any byte is written.</summary>
    public async Task<FeedStream> OpenAsync(FeedRequest request, CancellationToken cancellationToken)
    {
        var campaigns = await ReadCampaignsAsync(request, cancellationToken);
        return await FeedStream.OpenAsync(ReadPagesAsync(request, campaigns, cancellationToken), cancellationToken);
    }

    public async IAsyncEnumerable<FeedPage> ReadPagesAsync(
        FeedRequest request, IReadOnlyList<CampaignEntity> campaigns, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = request.Table;
        switch (table.Source)
        {
            case FeedSource.Roster:
                await foreach (var page in QueryPagesAsync(tables.Get(table.SourceTable), request, null, TableQueries.Partition(UnitEntity.CurrentPartition), cancellationToken))
                {
                    yield return page;
                }

                break;
            case FeedSource.Campaigns:
                var campaignFilter = request.CampaignId is { } id
                    ? TableClient.CreateQueryFilter($"PartitionKey eq {CampaignEntity.Partition} and RowKey eq {id}")
                    : TableQueries.Partition(CampaignEntity.Partition);
                await foreach (var page in QueryPagesAsync(tables.Campaigns, request, null, campaignFilter, cancellationToken))
                {
                    yield return page;
                }

                break;
            default:
                foreach (var campaign in campaigns)
                {
                    var (source, filter) = PerCampaignQuery(table, campaign);
                    await foreach (var page in QueryPagesAsync(source, request, campaign, filter, cancellationToken))
                    {
                        yield return page;
                    }
                }

                break;
        }
    }

    private (TableClient Table, string Filter) PerCampaignQuery(FeedTable table, CampaignEntity campaign) => table.Source switch
    {
        FeedSource.CampaignRoster when campaign.RosterFrozenAt is not null => (tables.CampaignUnits, TableQueries.Partition(campaign.CampaignId)),
        FeedSource.CampaignRoster => (tables.Units, TableQueries.Partition(UnitEntity.CurrentPartition)),
        // Partitions "{campaignId}|{unitId}": ids never hold '|' or '}', and '}' sorts right after '|'.
        FeedSource.CampaignUnitPartitions => (tables.Get(table.SourceTable),
            TableClient.CreateQueryFilter($"PartitionKey gt {campaign.CampaignId + "|"} and PartitionKey lt {campaign.CampaignId + "}"}")),
        _ => (tables.Get(table.SourceTable), TableQueries.Partition(campaign.CampaignId)),
    };

    private static async IAsyncEnumerable<FeedPage> QueryPagesAsync(
        TableClient source, FeedRequest request, CampaignEntity? campaign, string filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var parts = new List<string> { filter };
        if (request.Table.RowFilter is { } rowFilter)
        {
            parts.Add(rowFilter);
        }

        if (request.ModifiedSince is { } since)
        {
            parts.Add(TableClient.CreateQueryFilter($"Timestamp ge {since.ToUniversalTime()}"));
        }

        var combined = string.Join(" and ", parts.Select(p => $"({p})"));
        await foreach (var page in source.QueryAsync<TableEntity>(combined, TableQueries.PageSize, request.Table.Select, cancellationToken).AsPages())
        {
            yield return new FeedPage(page.Values, campaign);
        }
    }

    private async Task<IReadOnlyList<CampaignEntity>> ReadCampaignsAsync(FeedRequest request, CancellationToken cancellationToken)
    {
        if (request.CampaignId is { } campaignId)
        {
            var response = await tables.Campaigns.GetEntityIfExistsAsync<CampaignEntity>(CampaignEntity.Partition, campaignId, cancellationToken: cancellationToken);
            return response.HasValue
                ? [response.Value!]
                : throw ProblemException.NotFound($"Không có đợt '{campaignId}'. (No campaign '{campaignId}'.)");
        }

        if (!request.Table.IsReadPerCampaign)
        {
            return [];
        }

        var campaigns = new List<CampaignEntity>();
        await foreach (var row in TableQueries.ReadPartitionAsync<CampaignEntity>(tables.Campaigns, TableQueries.Partition(CampaignEntity.Partition), cancellationToken))
        {
            campaigns.Add(row);
        }

        return campaigns;
    }
}
