using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Caching.Memory;
using TetReadiness.Campaigns;
using TetReadiness.Common;
using TetReadiness.Storage;

namespace TetReadiness.Deadlines;

/// <summary>
/// The <c>UnitDeadlines</c> table: a campaign's rows read in one query per page and cached briefly on the instance,
/// point reads for exact decisions, and the writes of <see cref="UnitDeadlineService"/>, which drop the cache.
/// </summary>
public sealed class UnitDeadlineStore(TableClients tables, IMemoryCache cache) : IUnitDeadlines
{
    public static readonly TimeSpan CacheDuration = TimeSpan.FromSeconds(30);

    private TableClient Table => tables.Get(DeadlineTables.UnitDeadlines);

    public async Task<CampaignDeadlines> ReadAsync(Campaign campaign, CancellationToken cancellationToken) =>
        new(campaign.Deadline, await cache.GetOrLoadAsync(CacheKey(campaign.CampaignId), CacheDuration, token => ReadGrantedAsync(campaign.CampaignId, token), cancellationToken));

    public async Task<DateTimeOffset> ReadDeadlineAsync(Campaign campaign, string unitId, CancellationToken cancellationToken) =>
        CampaignDeadlines.Of(campaign.Deadline, await FindAsync(campaign.CampaignId, unitId, cancellationToken));

    public async Task<UnitDeadline?> FindAsync(string campaignId, string unitId, CancellationToken cancellationToken)
    {
        var found = await Table.GetEntityIfExistsAsync<UnitDeadlineEntity>(campaignId, unitId, cancellationToken: cancellationToken);
        return found.HasValue ? found.Value!.ToUnitDeadline() : null;
    }

    /// <summary>Writes the grant, replacing an earlier one (the audit log keeps both).</summary>
    public async Task SaveAsync(string campaignId, UnitDeadline deadline, CancellationToken cancellationToken)
    {
        await Table.UpsertEntityAsync(UnitDeadlineEntity.From(campaignId, deadline), TableUpdateMode.Replace, cancellationToken);
        cache.Remove(CacheKey(campaignId));
    }

    /// <summary>Deletes the unit's own deadline; false when it had none (any more).</summary>
    public async Task<bool> DeleteAsync(string campaignId, string unitId, CancellationToken cancellationToken)
    {
        try
        {
            // The SDK answers a missing row with its 404 rather than an exception.
            return (await Table.DeleteEntityAsync(campaignId, unitId, ETag.All, cancellationToken)).Status != 404;
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return false;
        }
        finally
        {
            cache.Remove(CacheKey(campaignId));
        }
    }

    private async Task<IReadOnlyDictionary<string, UnitDeadline>> ReadGrantedAsync(string campaignId, CancellationToken cancellationToken)
    {
        var granted = new Dictionary<string, UnitDeadline>(StringComparer.Ordinal);
        await foreach (var row in TableQueries.ReadPartitionAsync<UnitDeadlineEntity>(Table, TableQueries.Partition(campaignId), cancellationToken))
        {
            granted[row.UnitId] = row.ToUnitDeadline();
        }

        return granted;
    }

    private static string CacheKey(string campaignId) => "unit-deadlines:" + campaignId;
}
