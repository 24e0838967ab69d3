using TetReadiness.Identity;
using TetReadiness.Roster;
using TetReadiness.Time;

namespace TetReadiness.Profile;

/// <summary>Answers <c>GET /api/me</c>. Finding an officer's units reads the roster once (one request per 1,000 units).</summary>
public sealed class CallerProfileService(IUnitDirectory roster, CoordinatorDirectory coordinators)
{
    public async Task<CallerProfile> DescribeAsync(Caller caller, CancellationToken cancellationToken)
    {
        AccessPolicy.RequireIdentity(caller);
        var units = new List<CallerProfile.UnitRef>();
        if (caller.Email is { } email)
        {
            await foreach (var unit in roster.ReadCurrentUnitsAsync(cancellationToken))
            {
                if (unit.Active && AccessPolicy.IsOfficer(caller, unit))
                {
                    units.Add(new CallerProfile.UnitRef(unit.UnitId, unit.UnitName, unit.DistrictId, unit.DistrictName));
                }
            }
        }
        else if (caller.Link is { } link && await roster.GetUnitAsync(link.UnitId, cancellationToken) is { } linked && AccessPolicy.HoldsLink(caller, link.CampaignId, linked))
        {
            units.Add(new CallerProfile.UnitRef(linked.UnitId, linked.UnitName, linked.DistrictId, linked.DistrictName));
        }

        var districts = await coordinators.DistrictsOfAsync(caller.Email, cancellationToken);
        return new CallerProfile(
            true,
            caller.Principal is not null ? "entra" : "link",
            caller.Email,
            caller.Principal?.Name,
            caller.Principal?.Roles ?? [],
            caller.IsCityCoordinator,
            districts.Order(StringComparer.Ordinal).ToList(),
            units,
            caller.Link is { } l ? new CallerProfile.LinkRef(l.CampaignId, l.UnitId, VietnamTime.ToVietnam(l.ExpiresAt)) : null);
    }
}
