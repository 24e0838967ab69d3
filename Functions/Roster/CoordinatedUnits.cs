using TetReadiness.Common;
using TetReadiness.Identity;
using TetReadiness.Messages;

namespace TetReadiness.Roster;

/// <summary>
/// Finds the unit a request about one unit names and checks the caller against it, in the order every such endpoint
/// refuses: 401, 400 for an id that cannot be a key, 404 for a unit not in the roster, 403. The campaign (its 404)
/// is the caller's to resolve next. One cached unit read and, for a signed-in caller who is not a city coordinator,
/// the cached list of the areas they coordinate.
/// </summary>
public sealed class CoordinatedUnits(IUnitDirectory roster, CoordinatorDirectory coordinators)
{
    /// <summary>The unit, for its coordinators only (<see cref="AccessPolicy.RequireCoordinatorOf"/>); <paramref name="activeOnly"/> refuses an inactive unit as unknown.</summary>
    public async Task<RosterUnit> RequireCoordinatorAsync(Caller caller, string campaignId, string unitId, bool activeOnly, CancellationToken cancellationToken)
    {
        var unit = await FindAsync(caller, campaignId, unitId, activeOnly, cancellationToken);
        AccessPolicy.RequireCoordinatorOf(caller, unit, await DistrictsOfAsync(caller, cancellationToken));
        return unit;
    }

    /// <summary>The unit, for its readers (<see cref="AccessPolicy.RequireRead"/>), and whether the caller coordinates it.</summary>
    public async Task<(RosterUnit Unit, bool Coordinates)> RequireReaderAsync(Caller caller, string campaignId, string unitId, CancellationToken cancellationToken)
    {
        var unit = await FindAsync(caller, campaignId, unitId, activeOnly: false, cancellationToken);
        var districts = await DistrictsOfAsync(caller, cancellationToken);
        AccessPolicy.RequireRead(caller, campaignId, unit, districts);
        return (unit, caller.IsCityCoordinator || districts.Contains(unit.DistrictId));
    }

    private async Task<RosterUnit> FindAsync(Caller caller, string campaignId, string unitId, bool activeOnly, CancellationToken cancellationToken)
    {
        AccessPolicy.RequireIdentity(caller);
        if (!Ids.IsValid(unitId))
        {
            throw Refusal.InvalidId(IdKind.Unit, "unitId");
        }

        if (!Ids.IsValid(campaignId))
        {
            throw Refusal.InvalidId(IdKind.Campaign, "campaignId");
        }

        var unit = await roster.GetUnitAsync(unitId, cancellationToken);
        return unit is null || (activeOnly && !unit.Active) ? throw Refusal.NotFound(c => c.UnknownOrInactiveUnit(unitId)) : unit;
    }

    private Task<IReadOnlySet<string>> DistrictsOfAsync(Caller caller, CancellationToken cancellationToken) =>
        caller.IsCityCoordinator ? Task.FromResult<IReadOnlySet<string>>(new HashSet<string>()) : coordinators.DistrictsOfAsync(caller.Email, cancellationToken);
}
