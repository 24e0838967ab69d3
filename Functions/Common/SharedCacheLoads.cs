using Microsoft.Extensions.Caching.Memory;

namespace TetReadiness.Common;

/// <summary>
/// Caches the load itself rather than its result, so callers that miss together share one storage read: when a
/// cached campaign expires under a burst of reminder sends, the next read is one request, not one per sender.
/// </summary>
public static class SharedCacheLoads
{
    public static async Task<T> GetOrLoadAsync<T>(this IMemoryCache cache, string key, TimeSpan duration, Func<CancellationToken, Task<T>> load, CancellationToken cancellationToken)
    {
        var loading = cache.GetOrCreate(key, entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = duration;

            // Shared by every waiter, so no single caller's cancellation may cancel it; each waiter stops waiting on its own token.
            return load(CancellationToken.None);
        })!;

        try
        {
            return await loading.WaitAsync(cancellationToken);
        }
        catch when (loading.IsFaulted || loading.IsCanceled)
        {
            // A failed read is not remembered: the next caller tries storage again.
            if (cache.TryGetValue(key, out Task<T>? current) && ReferenceEquals(current, loading))
            {
                cache.Remove(key);
            }

            throw;
        }
    }
}
