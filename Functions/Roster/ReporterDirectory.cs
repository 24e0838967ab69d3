using Microsoft.Extensions.Caching.Memory;
using TetReadiness.Identity;

namespace TetReadiness.Roster;

/// <summary>
/// Which units a caller reports for: an officer's active units by email, from the current roster's
/// <c>officer_emails</c> (one query on the people index per email, cached briefly like <see cref="CoordinatorDirectory"/>),
/// and a link holder's unit.
/// </summary>
public sealed class ReporterDirectory(IUnitDirectory roster, IMemoryCache cache)
{
    public static readonly TimeSpan CacheDuration = CoordinatorDirectory.CacheDuration;

    /// <summary>The unit a link names, as the (cached) roster has it; null without a link or when the unit is gone.</summary>
    public async Task<RosterUnit?> LinkedUnitAsync(Caller caller, CancellationToken cancellationToken) =>
        caller.Link is { } link ? await roster.GetUnitAsync(link.UnitId, cancellationToken) : null;

    public async Task<IReadOnlySet<string>> UnitsOfOfficerAsync(string? email, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(email))
        {
            return new HashSet<string>();
        }

        var person = await CoordinatorDirectory.FindAsync(roster, cache, email, cancellationToken);
        return person.Units.Select(u => u.UnitId).ToHashSet(StringComparer.Ordinal);
    }
}
