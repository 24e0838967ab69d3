using TetReadiness.Identity;
using TetReadiness.Roster;
using TetReadiness.Time;

namespace TetReadiness.Profile;

/// <summary>
/// Answers <c>GET /api/me</c>: one query on the roster's people index for a signed-in caller (their units and the
/// areas they coordinate, whatever the size of the roster); a link holder's unit from the (cached) roster.
/// </summary>
public sealed class CallerProfileService(IUnitDirectory roster)
{
    public async Task<CallerProfile> DescribeAsync(Caller caller, CancellationToken cancellationToken)
    {
        AccessPolicy.RequireIdentity(caller);
        var units = new List<CallerProfile.UnitRef>();
        IReadOnlyList<string> districts = [];
        if (caller.Email is { } email)
        {
            var person = await roster.FindPersonAsync(email, cancellationToken);
            units.AddRange(person.Units.Select(u => new CallerProfile.UnitRef(u.UnitId, u.UnitName, u.DistrictId, u.DistrictName)));
            districts = person.DistrictIds.Order(StringComparer.Ordinal).ToList();
        }
        else if (caller.Link is { } link && await roster.GetUnitAsync(link.UnitId, cancellationToken) is { } linked && AccessPolicy.HoldsLink(caller, link.CampaignId, linked))
        {
            units.Add(new CallerProfile.UnitRef(linked.UnitId, linked.UnitName, linked.DistrictId, linked.DistrictName));
        }

        return new CallerProfile(
            true,
            caller.Principal is not null ? "entra" : "link",
            caller.Email,
            caller.Principal?.Name,
            caller.Principal?.Roles ?? [],
            caller.IsCityCoordinator,
            districts,
            units,
            caller.Link is { } l ? new CallerProfile.LinkRef(l.CampaignId, l.UnitId, VietnamTime.ToVietnam(l.ExpiresAt)) : null);
    }
}
