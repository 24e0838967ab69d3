namespace TetReadiness.Roster;

/// <summary>The roster's entries in this instance's memory cache, named in one place so an import can drop what it made stale.</summary>
internal static class RosterCacheKeys
{
    public static string Unit(string unitId) => "unit:" + unitId;

    /// <summary>An area's units: of the current roster (<paramref name="frozenCampaignId"/> null) or of a campaign's frozen one.</summary>
    public static string Area(string? frozenCampaignId, string districtId) => $"area-units:{frozenCampaignId ?? "current"}:{districtId}";

    public static string Person(string email) => "person:" + email.ToLowerInvariant();
}
