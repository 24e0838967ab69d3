using Microsoft.Extensions.Caching.Memory;

namespace TetReadiness.Campaigns;

/// <summary>
/// Campaigns as the hot paths read them, cached for <see cref="CacheDuration"/>: a checklist change reaches
/// other instances within that time (this instance sees it at once).
/// </summary>
public sealed class CampaignCatalog(CampaignStore store, IMemoryCache cache)
{
    public static readonly TimeSpan CacheDuration = TimeSpan.FromSeconds(30);

    public async Task<Campaign?> FindAsync(string campaignId, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(CacheKey(campaignId), out Campaign? cached))
        {
            return cached;
        }

        var found = await store.GetAsync(campaignId, cancellationToken);
        var campaign = found?.Campaign;
        cache.Set(CacheKey(campaignId), campaign, CacheDuration);
        return campaign;
    }

    public void Forget(string campaignId) => cache.Remove(CacheKey(campaignId));

    private static string CacheKey(string campaignId) => "campaign:" + campaignId;
}
