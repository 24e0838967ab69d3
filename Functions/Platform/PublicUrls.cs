namespace TetReadiness.Platform;

/// <summary>
/// The app's public addresses, built in one place from <c>App__PublicBaseUrl</c>: the form of one unit (for a
/// signed-in officer, or through a signed unit link) and the coordinators' status page.
/// </summary>
public static class PublicUrls
{
    /// <summary>
    /// The form of one unit in one campaign for a signed-in officer: <c>c</c> and <c>u</c> are what the form reads, so
    /// after sign-in it opens that unit (Easy Auth returns to this address).
    /// </summary>
    public static string Form(string publicBaseUrl, string campaignId, string unitId) =>
        $"{Base(publicBaseUrl)}/form?c={Uri.EscapeDataString(campaignId)}&u={Uri.EscapeDataString(unitId)}";

    /// <summary>The form opened with a unit link's signed token (already URL-safe).</summary>
    public static string LinkForm(string publicBaseUrl, string token) => $"{Base(publicBaseUrl)}/form?t={token}";

    /// <summary>The coordinators' status page (<c>/status</c>), opened on a campaign (<c>c</c>) and, if given, a district (<c>d</c>).</summary>
    public static string Status(string publicBaseUrl, string campaignId, string? districtId) =>
        $"{Base(publicBaseUrl)}/status?c={Uri.EscapeDataString(campaignId)}"
        + (districtId is { } district ? $"&d={Uri.EscapeDataString(district)}" : string.Empty);

    private static string Base(string publicBaseUrl) => publicBaseUrl.TrimEnd('/');
}
