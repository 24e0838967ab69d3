using TetReadiness.Messages;

namespace TetReadiness.Identity;

/// <summary>
/// Who may do what. No I/O: callers pass what the rule needs. Refusals come in the promised order:
/// no identity → 401, identity without the right → 403 (then the service's 404, 415, 413, 400, 409).
/// </summary>
public static class AccessPolicy
{
    public static void RequireIdentity(Caller caller)
    {
        if (!caller.IsAuthenticated)
        {
            throw Refusal.NotSignedIn(caller.LinkRefusal ?? (c => c.SignInRequired()));
        }
    }

    public static void RequireCityCoordinator(Caller caller)
    {
        RequireIdentity(caller);
        if (!caller.IsCityCoordinator)
        {
            throw Refusal.Forbidden(c => c.CityCoordinatorsOnly());
        }
    }

    /// <summary>The coordinator's scope; 403 for anyone who coordinates nothing.</summary>
    public static AccessScope RequireCoordinator(Caller caller, IReadOnlySet<string> coordinatedDistricts)
    {
        RequireIdentity(caller);
        if (caller.IsCityCoordinator)
        {
            return AccessScope.City;
        }

        return coordinatedDistricts.Count > 0
            ? new AccessScope(false, coordinatedDistricts)
            : throw Refusal.Forbidden(c => c.CoordinatorsOnly());
    }

    /// <summary>
    /// The unit's coordinators: a city coordinator, or a district coordinator whose areas contain the unit's. Anyone
    /// else is refused, an officer of the unit and a link holder too: notes, reminders and deadlines are the coordinators' tools.
    /// </summary>
    public static void RequireCoordinatorOf(Caller caller, IUnitAccess unit, IReadOnlySet<string> coordinatedDistricts)
    {
        RequireIdentity(caller);
        if (caller.IsCityCoordinator || coordinatedDistricts.Contains(unit.DistrictId))
        {
            return;
        }

        throw Refusal.Forbidden(coordinatedDistricts.Count > 0 ? c => c.UnitOutsideScope() : c => c.UnitCoordinatorsOnly());
    }

    /// <summary>Officers of the unit (by email) and holders of a current link for this unit and campaign may submit.</summary>
    public static void RequireWrite(Caller caller, string campaignId, IUnitAccess? unit)
    {
        RequireIdentity(caller);
        if (unit is null ? !caller.IsSystem : !(caller.IsSystem || IsOfficer(caller, unit) || HoldsLink(caller, campaignId, unit)))
        {
            throw Refusal.Forbidden(LinkProblem(caller, campaignId, unit) ?? (c => c.MayNotReportForUnit()));
        }
    }

    /// <summary>Writers may read; so may coordinators whose scope covers the unit's area.</summary>
    public static void RequireRead(Caller caller, string campaignId, IUnitAccess? unit, IReadOnlySet<string> coordinatedDistricts)
    {
        RequireIdentity(caller);
        if (caller.IsCityCoordinator || (unit is not null && (IsOfficer(caller, unit) || HoldsLink(caller, campaignId, unit) || coordinatedDistricts.Contains(unit.DistrictId))))
        {
            return;
        }

        throw Refusal.Forbidden(LinkProblem(caller, campaignId, unit) ?? (c => c.MayNotSeeUnit()));
    }

    /// <summary>
    /// Whether a campaign exists for the caller. Coordinators (city or district) see every campaign; officers and link
    /// holders only one that is open now and counts one of their units (a link holder: the campaign and unit of its
    /// link, at the unit's current generation). Any other campaign is unknown to them: 404, as if it did not exist.
    /// </summary>
    public static bool MaySeeCampaign(Caller caller, string campaignId, bool openNow, bool coordinator, bool officerOfActiveUnit, IUnitAccess? linkedUnit) =>
        caller.IsCityCoordinator || coordinator
        || (openNow && (officerOfActiveUnit || (linkedUnit is { Active: true } unit && HoldsLink(caller, campaignId, unit))));

    /// <summary>
    /// A unit's reports, for a caller <see cref="RequireRead"/> or <see cref="RequireWrite"/> already let through:
    /// officers and link holders keep them once the campaign has closed, but a campaign that has not opened yet is
    /// unknown to them (404); the unit's coordinators see it.
    /// </summary>
    public static bool MaySeeUnitReports(Caller caller, bool coordinatesUnit, bool campaignHasOpened) =>
        caller.IsCityCoordinator || coordinatesUnit || campaignHasOpened;

    public static bool IsOfficer(Caller caller, IUnitAccess unit) =>
        caller.Email is { } email && unit.OfficerEmails.Contains(email, StringComparer.OrdinalIgnoreCase);

    public static bool HoldsLink(Caller caller, string campaignId, IUnitAccess unit) =>
        caller.Link is { } link && link.CampaignId == campaignId && link.UnitId == unit.UnitId && link.Generation == unit.LinkGeneration;

    private static Message? LinkProblem(Caller caller, string campaignId, IUnitAccess? unit) => caller.Link switch
    {
        null => null,
        { } link when link.CampaignId != campaignId || link.UnitId != unit?.UnitId => c => c.LinkForAnotherUnitOrCampaign(),
        { } link when link.Generation != unit!.LinkGeneration => c => c.LinkRevoked(),
        _ => null,
    };
}
