using Microsoft.Extensions.Caching.Memory;
using TetReadiness.Common;

namespace TetReadiness.Roster;

/// <summary>
/// Which active areas a coordinator email covers, from the roster's <c>coordinator_emails</c>: one query on the people
/// index per email, cached briefly on the instance (the import drops what it changed).
/// </summary>
public sealed class CoordinatorDirectory(IUnitDirectory roster, IMemoryCache cache)
{
    public static readonly TimeSpan CacheDuration = TimeSpan.FromSeconds(30);

    public async Task<IReadOnlySet<string>> DistrictsOfAsync(string? email, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(email))
        {
            return new HashSet<string>();
        }

        var person = await FindAsync(roster, cache, email, cancellationToken);
        return person.DistrictIds.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The people index's answer for <paramref name="email"/>, shared with <see cref="ReporterDirectory"/>.</summary>
    internal static Task<RosterPerson> FindAsync(IUnitDirectory roster, IMemoryCache cache, string email, CancellationToken cancellationToken) =>
        cache.GetOrLoadAsync(RosterCacheKeys.Person(email), CacheDuration, token => roster.FindPersonAsync(email, token), cancellationToken);
}
