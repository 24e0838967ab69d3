using Microsoft.Extensions.Caching.Memory;
using TetReadiness.Common;

namespace TetReadiness.Roster;

/// <summary>Which areas each coordinator email covers, from the roster's <c>coordinator_emails</c>; cached briefly.</summary>
public sealed class CoordinatorDirectory(IUnitDirectory roster, IMemoryCache cache)
{
    public static readonly TimeSpan CacheDuration = TimeSpan.FromSeconds(30);

    public async Task<IReadOnlySet<string>> DistrictsOfAsync(string? email, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(email))
        {
            return new HashSet<string>();
        }

        var map = await cache.GetOrLoadAsync("coordinators", CacheDuration, async token =>
        {
            var byEmail = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase);
            foreach (var district in await roster.ReadDistrictsAsync(token))
            {
                foreach (var coordinator in district.Active ? district.CoordinatorEmails : [])
                {
                    (byEmail.TryGetValue(coordinator, out var set) ? set : byEmail[coordinator] = new HashSet<string>(StringComparer.Ordinal)).Add(district.DistrictId);
                }
            }

            return byEmail;
        }, cancellationToken);
        return map.TryGetValue(email, out var districts) ? districts : new HashSet<string>();
    }
}
