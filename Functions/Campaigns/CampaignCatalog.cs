using Microsoft.Extensions.Caching.Memory;
using TetReadiness.Common;

namespace TetReadiness.Campaigns;

/// <summary>
/// Campaigns as the hot paths read them, cached for <see cref="CacheDuration"/>: a checklist change reaches
/// other instances within that time (this instance sees it at once).
/// </summary>
public sealed class CampaignCatalog(CampaignStore store, IMemoryCache cache)
{
    public static readonly TimeSpan CacheDuration = TimeSpan.FromSeconds(30);

    public Task<Campaign?> FindAsync(string campaignId, CancellationToken cancellationToken) =>
        cache.GetOrLoadAsync(CacheKey(campaignId), CacheDuration, async token => (await store.GetAsync(campaignId, token))?.Campaign, cancellationToken);

    public void Forget(string campaignId) => cache.Remove(CacheKey(campaignId));

    private static string CacheKey(string campaignId) => "campaign:" + campaignId;
}
