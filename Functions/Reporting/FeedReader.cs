using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using TetReadiness.Campaigns;
using TetReadiness.FeedSchema;
using TetReadiness.Messages;
using TetReadiness.Storage;

namespace TetReadiness.Reporting;

/// <summary>
/// Reads a feed table page by page, never the whole table at once: one request per page of up to 1,000 rows,
/// partition after partition (campaign after campaign), with the queries the table's owner declared. Costs on top:
/// one point read to check a requested campaign, or one query for the list of campaigns when a per-campaign table is
/// read for all of them. Reads only.
/// </summary>
public sealed class FeedReader(TableClients tables, IFeedCampaigns campaigns)
{
    /// <summary>Checks the campaign, then reads the first page, so a missing campaign or storage outage is answered before any byte is written.</summary>
    public async Task<FeedStream> OpenAsync(FeedRequest request, CancellationToken cancellationToken)
    {
        var scope = await ReadCampaignsAsync(request, cancellationToken);
        return await FeedStream.OpenAsync(ReadPagesAsync(request, scope, cancellationToken), cancellationToken);
    }

    public async IAsyncEnumerable<FeedPage> ReadPagesAsync(
        FeedRequest request, IReadOnlyList<FeedCampaign> scope, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = request.Table;
        if (table.PerCampaign is { } perCampaign)
        {
            foreach (var campaign in scope)
            {
                await foreach (var page in QueryPagesAsync(perCampaign(campaign), request, campaign, cancellationToken))
                {
                    yield return page;
                }
            }
        }
        else if (table.WholeTable is { } wholeTable)
        {
            await foreach (var page in QueryPagesAsync(wholeTable(request.CampaignId), request, null, cancellationToken))
            {
                yield return page;
            }
        }
    }

    private async IAsyncEnumerable<FeedPage> QueryPagesAsync(
        FeedQuery query, FeedRequest request, FeedCampaign? campaign, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var parts = new List<string> { query.Filter };
        if (request.Table.RowFilter is { } rowFilter)
        {
            parts.Add(rowFilter);
        }

        if (request.ModifiedSince is { } since)
        {
            parts.Add(TableClient.CreateQueryFilter($"Timestamp ge {since.ToUniversalTime()}"));
        }

        var combined = string.Join(" and ", parts.Select(p => $"({p})"));
        await foreach (var page in tables.Get(query.Table).QueryAsync<TableEntity>(combined, TableQueries.PageSize, request.Table.Select, cancellationToken).AsPages())
        {
            yield return new FeedPage(page.Values, campaign);
        }
    }

    private async Task<IReadOnlyList<FeedCampaign>> ReadCampaignsAsync(FeedRequest request, CancellationToken cancellationToken)
    {
        if (request.CampaignId is { } campaignId)
        {
            return await campaigns.ReadFeedCampaignAsync(campaignId, cancellationToken) is { } campaign
                ? [campaign]
                : throw Refusal.NotFound(c => c.UnknownCampaign(campaignId));
        }

        return request.Table.IsReadPerCampaign ? await campaigns.ListFeedCampaignsAsync(cancellationToken) : [];
    }
}
