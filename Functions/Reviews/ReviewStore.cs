using Azure;
using Azure.Data.Tables;
using TetReadiness.Storage;

namespace TetReadiness.Reviews;

/// <summary>
/// <c>Reviews</c>, the source of truth of every report's review: a unit's transitions are one key range of its
/// campaign's partition, newest first. Rows are added, never updated; two reviews racing for the same sequence number
/// cannot both be added.
/// </summary>
public sealed class ReviewStore(TableClients tables)
{
    private TableClient Reviews => tables.Get(ReviewTables.Reviews);

    /// <summary>The unit's newest <paramref name="count"/> transitions, newest first: one request.</summary>
    public async Task<IReadOnlyList<ReviewTransition>> ReadNewestAsync(string campaignId, string unitId, int count, CancellationToken cancellationToken)
    {
        var filter = TableQueries.PartitionPrefix(campaignId, ReviewKeys.UnitPrefix(unitId));
        await foreach (var page in Reviews.QueryAsync<ReviewEntity>(filter, count, cancellationToken: cancellationToken).AsPages())
        {
            return page.Values.Take(count).Select(row => row.ToTransition()).ToList();
        }

        return [];
    }

    /// <summary>Every transition of the unit, newest first: one request per 1,000.</summary>
    public async Task<IReadOnlyList<ReviewTransition>> ReadUnitAsync(string campaignId, string unitId, CancellationToken cancellationToken)
    {
        var rows = new List<ReviewTransition>();
        await foreach (var row in TableQueries.ReadPartitionAsync<ReviewEntity>(Reviews, TableQueries.PartitionPrefix(campaignId, ReviewKeys.UnitPrefix(unitId)), cancellationToken))
        {
            rows.Add(row.ToTransition());
        }

        return rows;
    }

    /// <summary>The campaign's transitions made at or after <paramref name="since"/>: one query per 1,000.</summary>
    public async Task<IReadOnlyList<ReviewTransition>> ReadSinceAsync(string campaignId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var rows = new List<ReviewTransition>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {campaignId} and At ge {since}");
        await foreach (var row in TableQueries.ReadPartitionAsync<ReviewEntity>(Reviews, filter, cancellationToken))
        {
            rows.Add(row.ToTransition());
        }

        return rows;
    }

    /// <summary>Adds the transition; false when its sequence number was taken (someone reviewed meanwhile).</summary>
    public async Task<bool> TryAppendAsync(ReviewTransition transition, CancellationToken cancellationToken)
    {
        try
        {
            await Reviews.AddEntityAsync(ReviewEntity.From(transition), cancellationToken);
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            // The SDK retries an add whose answer was lost: a 409 may be this very transition, already recorded.
            var found = await Reviews.GetEntityIfExistsAsync<ReviewEntity>(transition.CampaignId, ReviewKeys.Row(transition.UnitId, transition.Sequence), cancellationToken: cancellationToken);
            return found.HasValue && found.Value!.ToTransition() is { } stored
                && stored.At == transition.At && stored.By == transition.By && stored.Decision == transition.Decision && stored.Revision == transition.Revision;
        }
    }
}
