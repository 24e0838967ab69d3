namespace TetReadiness.Profile;

/// <summary><c>GET /api/me</c>: who the caller is, their roles, the areas they coordinate and the units they may report for.</summary>
public sealed record CallerProfile(
    bool Authenticated,
    string Via,
    string? Email,
    string? Name,
    IReadOnlyList<string> Roles,
    bool IsCityCoordinator,
    IReadOnlyList<string> CoordinatedDistricts,
    IReadOnlyList<CallerProfile.UnitRef> Units,
    CallerProfile.LinkRef? Link)
{
    public sealed record UnitRef(string UnitId, string UnitName, string DistrictId, string DistrictName);

    public sealed record LinkRef(string CampaignId, string UnitId, DateTimeOffset ExpiresAt);
}
