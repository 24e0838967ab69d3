using Microsoft.Extensions.Caching.Memory;
using TetReadiness.Common;
using TetReadiness.Identity;

namespace TetReadiness.Roster;

/// <summary>
/// Which units a caller reports for: an officer's active units by email, from the current roster's
/// <c>officer_emails</c> (cached briefly like <see cref="CoordinatorDirectory"/>: one request per 1,000 units per
/// instance every 30 s, and only when an officer asks which campaigns there are), and a link holder's unit.
/// </summary>
public sealed class ReporterDirectory(IUnitDirectory roster, IMemoryCache cache)
{
    public static readonly TimeSpan CacheDuration = TimeSpan.FromSeconds(30);

    /// <summary>The unit a link names, as the (cached) roster has it; null without a link or when the unit is gone.</summary>
    public async Task<RosterUnit?> LinkedUnitAsync(Caller caller, CancellationToken cancellationToken) =>
        caller.Link is { } link ? await roster.GetUnitAsync(link.UnitId, cancellationToken) : null;

    public async Task<IReadOnlySet<string>> UnitsOfOfficerAsync(string? email, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(email))
        {
            return new HashSet<string>();
        }

        var map = await cache.GetOrLoadAsync("officers", CacheDuration, async token =>
        {
            var byEmail = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase);
            await foreach (var unit in roster.ReadCurrentUnitsAsync(token))
            {
                foreach (var officer in unit.Active ? unit.OfficerEmails : [])
                {
                    (byEmail.TryGetValue(officer, out var set) ? set : byEmail[officer] = new HashSet<string>(StringComparer.Ordinal)).Add(unit.UnitId);
                }
            }

            return byEmail;
        }, cancellationToken);
        return map.TryGetValue(email, out var units) ? units : new HashSet<string>();
    }
}
