using Microsoft.Extensions.Caching.Memory;
using TetReadiness.Common;

namespace TetReadiness.Campaigns;

/// <summary>
/// Campaigns as the other features read them. The hot paths read them cached for <see cref="CacheDuration"/>: a
/// checklist change reaches other instances within that time (this instance sees it at once).
/// </summary>
public sealed class CampaignCatalog(CampaignStore store, IMemoryCache cache, TimeProvider clock) : ICampaignDirectory
{
    public static readonly TimeSpan CacheDuration = TimeSpan.FromSeconds(30);

    public Task<Campaign?> FindAsync(string campaignId, CancellationToken cancellationToken) =>
        cache.GetOrLoadAsync(CacheKey(campaignId), CacheDuration, token => ReadAsync(campaignId, token), cancellationToken);

    public async Task<Campaign?> ReadAsync(string campaignId, CancellationToken cancellationToken) =>
        (await store.GetAsync(campaignId, cancellationToken))?.Campaign;

    public Task<IReadOnlyList<Campaign>> ListAsync(CancellationToken cancellationToken) => store.ListAsync(cancellationToken);

    public async Task<bool> IsRosterFrozenAsync(Campaign campaign, CancellationToken cancellationToken) =>
        campaign.RosterFrozenAt is not null
        || (campaign.IsClosedAt(clock.GetUtcNow()) && await store.ReadRosterFrozenAtAsync(campaign.CampaignId, cancellationToken) is not null);

    public void Forget(string campaignId) => cache.Remove(CacheKey(campaignId));

    private static string CacheKey(string campaignId) => "campaign:" + campaignId;
}
