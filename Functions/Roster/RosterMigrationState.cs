using Microsoft.Extensions.Caching.Memory;
using TetReadiness.Common;
using TetReadiness.Storage;

namespace TetReadiness.Roster;

/// <summary>
/// Whether the roster's data migrations have completed. The app serves requests while they run after an upgrade, so
/// until then a read that needs <c>AreaUnits</c>, <c>RosterPeople</c> or the new <c>CampaignUnits</c> keys reads the
/// old way instead (as before issue 15). Once all have completed this instance never asks again.
/// </summary>
public sealed class RosterMigrationState(Lazy<DataMigrations> migrations, IMemoryCache cache)
{
    public static readonly TimeSpan CacheDuration = TimeSpan.FromSeconds(30);

    private static readonly string[] Ids = [AreaUnitsMigration.MigrationId, RosterPeopleMigration.MigrationId, CampaignUnitsKeysMigration.MigrationId];

    private volatile bool allCompleted;

    public async Task<bool> HasCompletedAsync(string migrationId, CancellationToken cancellationToken)
    {
        if (allCompleted)
        {
            return true;
        }

        var pending = await cache.GetOrLoadAsync("roster-migrations-pending", CacheDuration, async token => (await migrations.Value.PendingAsync(token)).ToHashSet(StringComparer.Ordinal), cancellationToken);
        allCompleted = !Ids.Any(pending.Contains);
        return !pending.Contains(migrationId);
    }
}
