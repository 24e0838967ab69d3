namespace TetReadiness.Digests;

/// <summary>
/// What one section of a digest covers: a whole campaign (the city, <see cref="DistrictId"/> null) or one district
/// of it. Written to <c>Digests.Scopes</c> as <c>campaign:*</c> or <c>campaign:district</c>, separated by ';'.
/// </summary>
public sealed record DigestScope(string CampaignId, string? DistrictId)
{
    private const string CityMarker = "*";

    public bool IsCity => DistrictId is null;

    public static DigestScope City(string campaignId) => new(campaignId, null);

    public static DigestScope District(string campaignId, string districtId) => new(campaignId, districtId);

    public override string ToString() => $"{CampaignId}:{DistrictId ?? CityMarker}";

    public static string Format(IEnumerable<DigestScope> scopes) => string.Join(';', scopes);

    public static IReadOnlyList<DigestScope> ParseList(string? text) =>
        (text ?? string.Empty)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split(':', 2))
            .Where(parts => parts.Length == 2 && parts[0].Length > 0 && parts[1].Length > 0)
            .Select(parts => new DigestScope(parts[0], parts[1] == CityMarker ? null : parts[1]))
            .ToList();
}
