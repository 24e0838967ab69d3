using Microsoft.Extensions.Caching.Memory;
using TetReadiness.Common;

namespace TetReadiness.Storage;

/// <summary>
/// Whether a data migration has completed, for the reads that need its new shape: the app serves requests while the
/// migrations run after an upgrade, and until one completes the reads that depend on it read the old way. The pending
/// list is cached for 30 s; once nothing is pending this instance never asks again.
/// </summary>
public sealed class DataMigrationState(Lazy<DataMigrations> migrations, IMemoryCache cache)
{
    public static readonly TimeSpan CacheDuration = TimeSpan.FromSeconds(30);

    private volatile bool allCompleted;

    public async Task<bool> HasCompletedAsync(string migrationId, CancellationToken cancellationToken)
    {
        if (allCompleted)
        {
            return true;
        }

        var pending = await cache.GetOrLoadAsync("data-migrations-pending", CacheDuration, async token => (await migrations.Value.PendingAsync(token)).ToHashSet(StringComparer.Ordinal), cancellationToken);
        allCompleted = pending.Count == 0;
        return !pending.Contains(migrationId);
    }
}
